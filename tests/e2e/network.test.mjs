// The authority network, end to end: the four validators of the `local` chain spec (Alice for
// the city; Bob, Charlie and Dave for the operators) as real seoul-node processes on loopback,
// and a non-validator RPC node such as an agency runs.
//
// The scenarios share one network start and run in order; each leaves the four validators
// running and finalizing for the next. Their measured times are printed as test diagnostics
// (`# ...` lines of the spec reporter).

import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import { heads, LOCAL_VALIDATORS, localNetwork, waitForFinalizedNumber, waitForPeers } from './lib/network.mjs';
import { connect, devAccounts, rpc, sharedNodeTests, waitFor } from './lib/node.mjs';

/** The runtime's block time (`MILLISECS_PER_BLOCK`). */
const BLOCK_TIME_MS = 2000;

let network;
let accounts;
const { step, guard, failed } = sharedNodeTests();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (fromMs) => ((Date.now() - fromMs) / 1000).toFixed(1);

/** Heads of every running validator. */
async function validatorHeads(names = LOCAL_VALIDATORS) {
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await heads(network.node(name))])),
  );
}

/** Waits until finality on `name` passes `n` and returns the seconds it took. */
async function finalityPasses(name, n, timeoutMs) {
  const start = Date.now();
  await waitForFinalizedNumber(network.node(name), n, timeoutMs);
  return seconds(start);
}

before(() => guard(async () => {
  accounts = await devAccounts();
  network = localNetwork();
  // Alice first: the others find the network through her.
  await network.start('alice');
  await Promise.all(LOCAL_VALIDATORS.slice(1).map((name) => network.start(name)));
  await Promise.all(LOCAL_VALIDATORS.map((name) => waitForPeers(network.node(name), 3)));
}), { timeout: 180_000 });

after(async () => {
  if (failed() && network) {
    console.error(`--- last lines of the nodes' logs ---\n${network.logTails()}\n---`);
  }
  if (network) await network.stop();
}, { timeout: 60_000 });

step('(a) all four validators author blocks and finality advances', { timeout: 120_000 }, async (t) => {
  const start = Date.now();
  const alice = network.node('alice');
  const api = await connect(alice.rpcUrl);
  try {
    const validators = (await api.query.session.validators()).map((v) => v.toString());
    const expected = LOCAL_VALIDATORS.map((name) => accounts[name].address);
    assert.deepEqual([...validators].sort(), [...expected].sort(), 'session.validators are the four');

    // Round robin over four authorities: within a few rounds of slots, each authors.
    const authors = new Set();
    const from = (await heads(alice)).best + 1;
    await waitFor(async () => {
      const { best } = await heads(alice);
      for (let n = from; n <= best; n++) {
        const hash = await api.rpc.chain.getBlockHash(n);
        const header = await api.derive.chain.getHeader(hash);
        if (header?.author) authors.add(header.author.toString());
      }
      return authors.size === 4;
    }, 90_000, `blocks authored by all four validators (so far: ${authors.size})`, { intervalMs: BLOCK_TIME_MS * 4 });
    assert.deepEqual([...authors].sort(), [...expected].sort(), 'the authors are the four validators');

    const { best } = await heads(alice);
    const took = await finalityPasses('alice', best, 60_000);
    t.diagnostic(`all four authored within ${seconds(start)} s; block ${best} finalized ${took} s after it was best`);
  } finally {
    await api.disconnect();
  }
});

step('(b) one validator killed: finality goes on; restarted, it catches up', { timeout: 180_000 }, async (t) => {
  await network.stopNode('dave', { kill: true });
  const killedAt = (await heads(network.node('alice'))).best;
  // Three of four still vote: more than two thirds.
  const took = await finalityPasses('alice', killedAt + 3, 60_000);
  t.diagnostic(`Dave killed at block ${killedAt}: block ${killedAt + 3} finalized ${took} s later`);

  const restart = Date.now();
  const dave = await network.start('dave');
  const target = (await heads(network.node('alice'))).finalized;
  await waitForFinalizedNumber(dave, target, 90_000);
  const caughtUp = seconds(restart);
  const [onDave, onAlice] = await Promise.all([
    rpc(dave.httpUrl, 'chain_getBlockHash', [target]),
    rpc(network.node('alice').httpUrl, 'chain_getBlockHash', [target]),
  ]);
  assert.equal(onDave, onAlice, `block ${target} is the same on Dave and Alice`);
  await waitForPeers(dave, 3);
  t.diagnostic(`Dave restarted: finalized block ${target} ${caughtUp} s after his restart`);
});

step('(c) two of four stopped: finality stops; both back: it resumes, nothing finalized is lost', { timeout: 240_000 }, async (t) => {
  await Promise.all([network.stopNode('charlie'), network.stopNode('dave')]);
  // Rounds already under way may still complete: let them, then finality must stand still.
  await sleep(BLOCK_TIME_MS * 3);
  const stalled = await heads(network.node('alice'));
  await sleep(BLOCK_TIME_MS * 6);
  const later = await validatorHeads(['alice', 'bob']);
  assert.equal(later.alice.finalized, stalled.finalized, 'finality stands still with two of four validators');
  assert.equal(later.alice.finalizedHash, stalled.finalizedHash, 'the finalized block is unchanged');
  assert.ok(later.alice.best > stalled.best, `Alice and Bob still author blocks (best ${stalled.best} -> ${later.alice.best})`);
  t.diagnostic(`two stopped: finality stood at block ${stalled.finalized} while the best block went ${stalled.best} -> ${later.alice.best}`);

  const restart = Date.now();
  await Promise.all([network.start('charlie'), network.start('dave')]);
  const bestAtRestart = (await heads(network.node('alice'))).best;
  const resumed = await finalityPasses('alice', stalled.finalized + 1, 120_000);
  await waitForFinalizedNumber(network.node('alice'), bestAtRestart, 120_000);
  const caughtUp = seconds(restart);
  const hashNow = await rpc(network.node('alice').httpUrl, 'chain_getBlockHash', [stalled.finalized]);
  assert.equal(hashNow, stalled.finalizedHash, `block ${stalled.finalized}, finalized before the stall, is still on the chain`);
  for (const name of ['charlie', 'dave']) {
    const onNode = await rpc(network.node(name).httpUrl, 'chain_getBlockHash', [stalled.finalized]);
    assert.equal(onNode, stalled.finalizedHash, `${name} has the same block ${stalled.finalized}`);
  }
  t.diagnostic(`both back: finality resumed ${resumed} s after the restart and reached block ${bestAtRestart} (best at restart) after ${caughtUp} s`);
});

step('(g) a non-validator RPC node syncs, follows finality and answers as a validator does', { timeout: 180_000 }, async (t) => {
  const start = Date.now();
  const rpcNode = await network.start('agency-rpc', { validator: false });
  const target = (await heads(network.node('alice'))).finalized;
  await waitForFinalizedNumber(rpcNode, target, 90_000);
  const synced = seconds(start);
  // It follows: its finality moves on with the validators'.
  await waitForFinalizedNumber(rpcNode, target + 2, 60_000);

  const alice = network.node('alice');
  const hash = await rpc(alice.httpUrl, 'chain_getBlockHash', [target]);
  assert.equal(await rpc(rpcNode.httpUrl, 'chain_getBlockHash', [target]), hash, `block ${target} on both`);
  // The same answers at the same block: a storage value, the runtime's version, the properties.
  const api = await connect(alice.rpcUrl);
  try {
    const key = api.query.system.account.key(accounts.alice.address);
    const [onRpc, onValidator] = await Promise.all([
      rpc(rpcNode.httpUrl, 'state_getStorage', [key, hash]),
      rpc(alice.httpUrl, 'state_getStorage', [key, hash]),
    ]);
    assert.ok(onValidator, "Alice's account is in storage");
    assert.equal(onRpc, onValidator, "Alice's account, at the same block");
  } finally {
    await api.disconnect();
  }
  for (const method of ['state_getRuntimeVersion', 'system_properties', 'system_chain']) {
    assert.deepEqual(await rpc(rpcNode.httpUrl, method), await rpc(alice.httpUrl, method), method);
  }
  const roles = await rpc(rpcNode.httpUrl, 'system_nodeRoles');
  assert.deepEqual(roles, ['Full'], 'the RPC node is a full node, not an authority');
  t.diagnostic(`the RPC node synced to finalized block ${target} in ${synced} s`);
});
