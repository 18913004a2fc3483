// A `local` network of real seoul-node processes on loopback, for the network tests: the four
// validators of the `local` chain spec (Alice for the city; Bob, Charlie and Dave for the
// operators), each with its own node key, base path and ports, plus any number of other nodes:
// `rpc`, the city's RPC node, authorized in genesis, and strangers under any other name, with
// new node keys. A node can be stopped (or killed) and started again on its database and keys.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePorts, nodeBinary, rpc, startNode, waitFor } from './node.mjs';

/** The validators of the `local` chain spec, in genesis order. */
export const LOCAL_VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];

/**
 * The secret node keys of the `local` genesis' well-known nodes (the validators and `rpc`, the
 * city's RPC node), by name, from scripts/local-node-keys: node authorization lets only these in.
 */
export const WELL_KNOWN_NODE_KEYS = Object.fromEntries(
  fs
    .readFileSync(new URL('../../../scripts/local-node-keys', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.trim().split(/\s+/).slice(0, 2)),
);

function nodeKeyCommand(args) {
  const result = spawnSync(nodeBinary(), ['key', ...args], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`seoul-node key ${args.join(' ')} failed: ${result.stderr}`);
  }
  return result.stdout.trim();
}

/**
 * A network whose members are started with `network.start(name, { validator })` and share one
 * temporary directory, removed by `network.stop()` (unless KEEP_E2E_NODE is set).
 */
export function localNetwork({ chain = 'local' } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seoul-network-'));
  /** name -> { basePath, nodeKeyFile, peerId, ports, validator, node } */
  const members = new Map();

  const bootnodes = () =>
    [...members.values()]
      .filter((m) => m.node)
      .map((m) => `/ip4/127.0.0.1/tcp/${m.ports.p2pPort}/p2p/${m.peerId}`);

  const network = {
    dir,
    members,

    /** The running node of `name`. */
    node(name) {
      const member = members.get(name);
      if (!member?.node) throw new Error(`node ${name} is not running`);
      return member.node;
    },

    /**
     * Starts `name` (again, on the same database, keys and ports, if it ran before). A validator
     * (`validator: true`, the default for the `local` validators) gets its well-known session
     * keys (`--alice`, ...); any other node is a plain full node serving RPC.
     */
    async start(name, { validator = LOCAL_VALIDATORS.includes(name), extraArgs = [] } = {}) {
      let member = members.get(name);
      if (!member) {
        const basePath = path.join(dir, name);
        fs.mkdirSync(basePath, { recursive: true });
        const nodeKeyFile = path.join(basePath, 'node-key');
        // A well-known node's key, or a new one: a stranger to node authorization.
        if (WELL_KNOWN_NODE_KEYS[name]) fs.writeFileSync(nodeKeyFile, WELL_KNOWN_NODE_KEYS[name]);
        else nodeKeyCommand(['generate-node-key', '--file', nodeKeyFile]);
        const peerId = nodeKeyCommand(['inspect-node-key', '--file', nodeKeyFile]);
        const [rpcPort, prometheusPort, p2pPort] = await freePorts(3);
        member = { name, basePath, nodeKeyFile, peerId, ports: { rpcPort, prometheusPort, p2pPort }, validator };
        members.set(name, member);
      }
      if (member.node) throw new Error(`node ${name} is already running`);
      const peers = bootnodes();
      member.node = await startNode({
        chain,
        basePath: member.basePath,
        ports: member.ports,
        extraArgs: [
          '--name', name,
          '--node-key-file', member.nodeKeyFile,
          ...(member.validator ? ['--validator', `--${name}`] : []),
          ...(peers.length ? ['--bootnodes', ...peers] : []),
          // Both backends enforce node authorization; libp2p is the node's default.
          ...(process.env.SEOUL_NETWORK_BACKEND ? ['--network-backend', process.env.SEOUL_NETWORK_BACKEND] : []),
          ...extraArgs,
        ],
      });
      return member.node;
    },

    /** Stops `name` (SIGINT; `{ kill: true }`: SIGKILL, as a crash). Its data stays. */
    async stopNode(name, { kill = false } = {}) {
      const member = members.get(name);
      if (!member?.node) return;
      await member.node.stop({ kill });
      member.node = null;
    },

    /** Stops every node and removes the network's directory. */
    async stop() {
      await Promise.all([...members.keys()].map((name) => network.stopNode(name)));
      if (process.env.KEEP_E2E_NODE) {
        console.error(`KEEP_E2E_NODE: the network's data and logs are kept in ${dir}`);
      } else {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },

    /** The last lines of every running node's log, for a failed test's report. */
    logTails() {
      return [...members.values()]
        .filter((m) => m.node)
        .map((m) => `--- ${m.name} (${m.node.logPath}) ---\n${m.node.logTail()}`)
        .join('\n');
    },
  };
  return network;
}

/** Best and finalized block numbers of a node, over JSON-RPC. */
export async function heads(node) {
  const [best, finalizedHash] = await Promise.all([
    rpc(node.httpUrl, 'chain_getHeader'),
    rpc(node.httpUrl, 'chain_getFinalizedHead'),
  ]);
  const finalized = await rpc(node.httpUrl, 'chain_getHeader', [finalizedHash]);
  return { best: parseInt(best.number, 16), finalized: parseInt(finalized.number, 16), finalizedHash };
}

/** Waits until `node` has at least `count` peers. */
export function waitForPeers(node, count, timeoutMs = 60_000) {
  return waitFor(
    async () => (await rpc(node.httpUrl, 'system_health')).peers >= count,
    timeoutMs,
    `${count} peers on ${node.httpUrl}`,
  );
}

/** Waits until `node`'s finalized block number is at least `n`; returns its heads. */
export function waitForFinalizedNumber(node, n, timeoutMs = 60_000) {
  return waitFor(
    async () => {
      const h = await heads(node);
      return h.finalized >= n ? h : null;
    },
    timeoutMs,
    `finalized block >= ${n} on ${node.httpUrl}`,
  );
}
