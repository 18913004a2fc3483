// Shared helpers of the end-to-end suite: start a real seoul-node on free ports, connect
// @polkadot/api to it, send transactions and wait for blocks.
//
// The node binary comes from the environment: SEOUL_NODE=/path/to/seoul-node.
// KEEP_E2E_NODE=1 keeps each node's base path (database, keystore, node.log) after the run.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { after, before, test } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/** How many lines of the node's output are kept in memory for error messages. */
const LOG_TAIL_LINES = 80;

/** Every node started by this process and not stopped yet: killed when the process exits. */
const running = new Set();

function killAllSync() {
  for (const node of running) {
    try {
      node.process.kill('SIGKILL');
    } catch {
      // already gone
    }
    if (node.ownsBasePath && !process.env.KEEP_E2E_NODE) {
      try {
        fs.rmSync(node.basePath, { recursive: true, force: true });
      } catch {
        // the node may still be writing: leave the temporary directory behind
      }
    }
  }
  running.clear();
}

// A crashed or interrupted test file must never leave a node running. On a signal, the test
// runner's own handler (when it has one) ends the process; otherwise this one does.
process.on('exit', killAllSync);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    killAllSync();
    if (process.listenerCount(signal) === 1) {
      process.exit(128 + (os.constants.signals[signal] ?? 0));
    }
  });
}

/** The node binary from SEOUL_NODE, checked to exist and be executable. */
export function nodeBinary() {
  if (!process.env.SEOUL_NODE) {
    throw new Error(
      'SEOUL_NODE is not set: run the suite as `SEOUL_NODE=/path/to/seoul-node npm test` ' +
        '(scripts/test.sh builds the node and sets it)',
    );
  }
  // Relative to the working directory (tests/e2e under `npm test`), like the check below.
  const bin = path.resolve(process.env.SEOUL_NODE);
  try {
    fs.accessSync(bin, fs.constants.X_OK);
  } catch {
    throw new Error(`SEOUL_NODE=${bin} is not an executable file: build the node first (cargo build --release -p seoul-node)`);
  }
  if (!fs.statSync(bin).isFile()) {
    throw new Error(`SEOUL_NODE=${bin} is not a file`);
  }
  return bin;
}

/** `count` distinct free TCP ports on 127.0.0.1 (all held open together, then released). */
export async function freePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = net.createServer();
      servers.push(server);
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
    }
    return servers.map((s) => s.address().port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(() => resolve()))));
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** A sleep that does not keep the process alive: for the losing side of a race. */
const sleepUnref = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

let rpcId = 0;

/**
 * A plain JSON-RPC call over HTTP. Returns the result; throws an Error carrying the JSON-RPC
 * error object (`err.rpcError`) when the node answers with one.
 */
export async function rpc(httpUrl, method, params = [], { timeoutMs = 10_000 } = {}) {
  const response = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) {
    throw new Error(`${method}: HTTP ${response.status} ${await response.text()}`);
  }
  const body = await response.json();
  if (body.error) {
    const err = new Error(`${method}: JSON-RPC error ${body.error.code}: ${body.error.message}` +
      (body.error.data !== undefined ? ` (${JSON.stringify(body.error.data)})` : ''));
    err.rpcError = body.error;
    throw err;
  }
  return body.result;
}

/**
 * Starts a seoul-node on free ports with a fresh temporary base path and waits until its
 * JSON-RPC server answers `system_health`.
 *
 * `chain = 'dev'` runs `--dev` (Alice authors and finalizes alone, sudo, demo organizations);
 * any other chain runs `--chain <chain>` and leaves the role flags to `extraArgs`.
 */
export async function startNode({
  chain = 'dev',
  extraArgs = [],
  startTimeoutMs = 120_000,
  basePath: givenBasePath,
  ports,
} = {}) {
  const bin = nodeBinary();
  const [rpcPort, prometheusPort, p2pPort] = ports
    ? [ports.rpcPort, ports.prometheusPort, ports.p2pPort]
    : await freePorts(3);
  // A base path given by the caller is the caller's: kept when the node stops, so that the
  // node can be started again on its database and keys.
  const ownsBasePath = !givenBasePath;
  const basePath = givenBasePath ?? fs.mkdtempSync(path.join(os.tmpdir(), 'seoul-e2e-'));
  fs.mkdirSync(basePath, { recursive: true });
  const logPath = path.join(basePath, 'node.log');

  const args = [
    // `--dev` is `--chain dev --alice --validator --force-authoring --tmp`; with an explicit
    // `--base-path` the node uses that directory instead of a temporary one of its own.
    ...(chain === 'dev' ? ['--dev'] : ['--chain', chain]),
    '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    '--prometheus-port', String(prometheusPort),
    '--port', String(p2pPort),
    '--no-telemetry',
    '--rpc-cors', 'all',
    '--no-mdns',
    ...extraArgs,
  ];

  // Appended to: a node started again on the same base path continues its log.
  const logFile = fs.createWriteStream(logPath, { flags: 'a' });
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });

  const tail = [];
  const keep = (chunk) => {
    logFile.write(chunk);
    for (const line of chunk.toString().split('\n')) {
      if (line.trim() === '') continue;
      tail.push(line);
      if (tail.length > LOG_TAIL_LINES) tail.shift();
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  let exitInfo = null;
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
  });
  let spawnError = null;
  child.once('error', (err) => {
    spawnError = err;
  });

  const logTail = () => tail.join('\n');
  const describe = () =>
    `seoul-node ${args.join(' ')}\n--- last lines of ${logPath} ---\n${logTail()}\n---`;

  let stopped = false;
  const node = {
    rpcUrl: `ws://127.0.0.1:${rpcPort}`,
    httpUrl: `http://127.0.0.1:${rpcPort}`,
    rpcPort,
    prometheusPort,
    p2pPort,
    process: child,
    basePath,
    logPath,
    args,
    logTail,
    ownsBasePath,
    /**
     * Stops the node: SIGINT, then SIGKILL after 10 s (`{ kill: true }`: SIGKILL at once, as a
     * crash would). Removes the base path unless it was given or KEEP_E2E_NODE is set.
     */
    async stop({ kill = false } = {}) {
      if (stopped) return;
      stopped = true;
      if (exitInfo === null && !spawnError) {
        child.kill(kill ? 'SIGKILL' : 'SIGINT');
        const timedOut = await Promise.race([exited.then(() => false), sleepUnref(10_000).then(() => true)]);
        if (timedOut) {
          child.kill('SIGKILL');
          await Promise.race([exited, sleepUnref(5_000)]);
        }
      }
      running.delete(node);
      await new Promise((resolve) => logFile.end(resolve));
      if (!ownsBasePath) {
        // the caller's directory
      } else if (process.env.KEEP_E2E_NODE) {
        console.error(`KEEP_E2E_NODE: the node's base path and log are kept in ${basePath}`);
      } else {
        fs.rmSync(basePath, { recursive: true, force: true });
      }
    },
  };
  running.add(node);

  try {
    const deadline = Date.now() + startTimeoutMs;
    let lastError = null;
    for (;;) {
      if (spawnError) {
        throw new Error(`seoul-node could not be started: ${spawnError.message}\n${describe()}`);
      }
      if (exitInfo !== null) {
        throw new Error(
          `seoul-node exited (code ${exitInfo.code}, signal ${exitInfo.signal}) before its RPC server answered\n${describe()}`,
        );
      }
      try {
        await rpc(node.httpUrl, 'system_health', [], { timeoutMs: 2_000 });
        break;
      } catch (err) {
        lastError = err;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `seoul-node's RPC server did not answer system_health within ${startTimeoutMs / 1000} s ` +
            `(last error: ${lastError?.cause?.message ?? lastError?.message})\n${describe()}`,
        );
      }
      await Promise.race([sleepUnref(250), exited]);
    }
  } catch (err) {
    await node.stop();
    throw err;
  }
  return node;
}

/**
 * Connects @polkadot/api over WebSocket (what `ApiPromise.create({ provider, noInitWarn: true,
 * throwOnConnect: true })` does). Rejects if the connection fails or the API is not ready within
 * `timeoutMs`, and then disconnects, so that the provider's reconnection attempts do not keep the
 * test process alive.
 */
export async function connect(rpcUrl, { timeoutMs = 30_000 } = {}) {
  const provider = new WsProvider(rpcUrl);
  const api = new ApiPromise({ provider, noInitWarn: true, throwOnConnect: true });
  api.isReadyOrError.catch(() => {}); // handled below; never an unhandled rejection
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`@polkadot/api was not ready on ${rpcUrl} after ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([api.isReadyOrError, timeout]);
  } catch (err) {
    await api.disconnect().catch(() => {});
    // The API rejects with the WebSocket's error event, which is not an Error.
    throw err instanceof Error
      ? err
      : new Error(`@polkadot/api could not connect to ${rpcUrl}: ${err?.message ?? err?.error?.message ?? err?.type ?? String(err)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** The well-known development accounts, sr25519, SS58 format 42. */
export async function devAccounts() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return {
    keyring,
    alice: keyring.addFromUri('//Alice'),
    aliceStash: keyring.addFromUri('//Alice//stash'),
    bob: keyring.addFromUri('//Bob'),
    bobStash: keyring.addFromUri('//Bob//stash'),
    charlie: keyring.addFromUri('//Charlie'),
    charlieStash: keyring.addFromUri('//Charlie//stash'),
    dave: keyring.addFromUri('//Dave'),
    daveStash: keyring.addFromUri('//Dave//stash'),
    eve: keyring.addFromUri('//Eve'),
    eveStash: keyring.addFromUri('//Eve//stash'),
    ferdie: keyring.addFromUri('//Ferdie'),
  };
}

/**
 * A DispatchError as `{ section, name, docs }`: a module error is looked up in the metadata
 * (`registry.NotAdmin`, with its doc lines); any other kind is `{ section: null, name: <kind> }`
 * (`BadOrigin`, `Token`, ...), with `detail` holding the full JSON.
 */
export function decodeDispatchError(registry, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name, docs } = registry.findMetaError(dispatchError.asModule);
    return { section, name, docs, detail: dispatchError.toJSON() };
  }
  return { section: null, name: dispatchError.type, docs: [], detail: dispatchError.toJSON() };
}

/**
 * Signs `tx` with `signer` (a keyring pair), submits it and resolves once it is in a block:
 * `{ blockHash, txHash, events, dispatchError }`, where `events` are the extrinsic's own
 * events and `dispatchError` is undefined on success or the decoded error
 * (see `decodeDispatchError`). Rejects if the pool refuses the transaction (the RPC error's
 * message, e.g. `1010: Invalid Transaction: ...`), if it is dropped, usurped or invalid, or
 * after `timeoutMs`.
 */
export function signAndWait(tx, signer, { timeoutMs = 60_000 } = {}) {
  const what = `${tx.method.section}.${tx.method.method}`;
  return subscribeUntil(
    (callback) =>
      tx.signAndSend(signer, callback).catch((err) => {
        throw new Error(`${what} refused: ${err.message}`, { cause: err });
      }),
    (result, resolve, reject) => {
      const { status } = result;
      if (result.internalError) {
        reject(new Error(`${what}: ${result.internalError.message}`));
      } else if (status.isInBlock) {
        resolve({
          blockHash: status.asInBlock.toHex(),
          txHash: result.txHash.toHex(),
          events: result.events,
          dispatchError: result.dispatchError
            ? decodeDispatchError(tx.registry, result.dispatchError)
            : undefined,
        });
      } else if (status.isInvalid || status.isDropped || status.isUsurped || status.isFinalityTimeout) {
        reject(new Error(`${what}: transaction ${status.type}`));
      }
    },
    timeoutMs,
    () => new Error(`${what}: not in a block after ${timeoutMs / 1000} s`),
  );
}

/**
 * Subscribes with `subscribe(callback)` (a polkadot-js subscription: it resolves to its
 * unsubscribe function) until `onValue(value, resolve, reject)` settles the promise, or rejects
 * with `timeoutError()` after `timeoutMs`. Unsubscribes however it ends.
 */
function subscribeUntil(subscribe, onValue, timeoutMs, timeoutError) {
  return new Promise((resolve, reject) => {
    let unsub = null;
    let done = false;
    const finish = (fn, value) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (unsub) unsub();
      fn(value);
    };
    const timer = setTimeout(() => finish(reject, timeoutError()), timeoutMs);
    subscribe((value) => onValue(value, (v) => finish(resolve, v), (e) => finish(reject, e)))
      .then((u) => {
        if (done) u();
        else unsub = u;
      })
      .catch((err) => finish(reject, err));
  });
}

/** The events of `events` (records or events) with the given section and method. */
export function findEvents(events, section, method) {
  return events
    .map((record) => record.event ?? record)
    .filter((event) => event.section === section && event.method === method);
}

/** Polls `predicate` (sync or async) every `intervalMs` until it returns a truthy value. */
export async function waitFor(predicate, timeoutMs, what, { intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError = null;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}` +
          (lastError ? ` (last error: ${lastError.message})` : ''),
      );
    }
    await sleep(intervalMs);
  }
}

function waitForHead(api, subscribe, n, timeoutMs, what) {
  let last = null;
  return subscribeUntil(
    subscribe,
    (header, resolve) => {
      last = header.number.toNumber();
      if (last >= n) resolve(header);
    },
    timeoutMs,
    () => new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what} >= ${n} (last: ${last})`),
  );
}

/** Resolves with the first finalized header whose number is >= n. */
export function waitForFinalized(api, n, timeoutMs = 60_000) {
  return waitForHead(api, (cb) => api.rpc.chain.subscribeFinalizedHeads(cb), n, timeoutMs, 'the finalized block');
}

/** Resolves with the first best-chain header whose number is >= n. */
export function waitForBlock(api, n, timeoutMs = 60_000) {
  return waitForHead(api, (cb) => api.rpc.chain.subscribeNewHeads(cb), n, timeoutMs, 'the best block');
}

/**
 * Tests that share one node (or network) and run in order, noting whether any failed, so that
 * the file's `after` hook prints the nodes' logs only then. `step(name, options, fn)` declares a
 * test; `guard(fn)` runs a hook's body (`before`); `failed()` tells.
 */
export function sharedNodeTests() {
  let failed = false;
  const guard = async (fn) => {
    try {
      return await fn();
    } catch (err) {
      failed = true;
      throw err;
    }
  };
  const step = (name, options, fn) => test(name, options, (t) => guard(() => fn(t)));
  return { step, guard, failed: () => failed };
}

/**
 * One development node (`--dev`) shared by the tests of a file: started, with an API connected
 * and the development accounts, before the first test; stopped after the last, with its log
 * printed if a test failed. `onStart({ node, api, accounts })` receives them once started.
 * Returns `step` (see `sharedNodeTests`).
 */
export function sharedDevNode(onStart) {
  const { step, guard, failed } = sharedNodeTests();
  let node;
  let api;
  before(() => guard(async () => {
    const accounts = await devAccounts();
    node = await startNode({ chain: 'dev' });
    api = await connect(node.rpcUrl);
    onStart({ node, api, accounts });
  }), { timeout: 180_000 });
  after(async () => {
    if (failed() && node) {
      console.error(`--- last lines of the node's log (${node.logPath}) ---\n${node.logTail()}\n---`);
    }
    try {
      if (api) await api.disconnect();
    } finally {
      if (node) await node.stop();
    }
  }, { timeout: 30_000 });
  return { step };
}

/** Signs and submits `tx`; asserts that it was dispatched without error. Resolves to its result. */
export async function dispatched(tx, signer, what) {
  const result = await signAndWait(tx, signer);
  assert.equal(result.dispatchError, undefined, `${what}: ${JSON.stringify(result.dispatchError)}`);
  return result;
}

/** Signs and submits `tx`; asserts that its dispatch failed with module error `error` (`section.Name`). */
export async function refused(tx, signer, error) {
  const { dispatchError } = await signAndWait(tx, signer);
  assert.ok(dispatchError, `${error}: refused`);
  assert.equal(`${dispatchError.section}.${dispatchError.name}`, error);
}

/** Asserts that the pool refuses `tx` signed by `signer` with `InvalidTransaction::Custom(code)`. */
export async function refusedByPool(tx, signer, code, what) {
  await assert.rejects(
    signAndWait(tx, signer),
    (err) => {
      assert.match(err.message, new RegExp(`1010: Invalid Transaction: Custom error: ${code}\\b`), what);
      return true;
    },
    what,
  );
}

/** Dispatches `call` as Root through `sudoKey` (Alice on the dev chain); asserts it succeeded. */
export async function sudo(api, sudoKey, call) {
  const what = `${call.method.section}.${call.method.method}`;
  const { events, dispatchError } = await signAndWait(api.tx.sudo.sudo(call), sudoKey);
  assert.equal(dispatchError, undefined, `${what}: dispatched`);
  const [sudid] = findEvents(events, 'sudo', 'Sudid');
  assert.ok(sudid.data.sudoResult.isOk, `${what}: ${sudid.data.sudoResult}`);
  return events;
}
