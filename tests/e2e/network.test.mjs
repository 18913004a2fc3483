// The authority network, end to end: the four validators of the `local` chain spec (Alice for
// the city; Bob, Charlie and Dave for the operators) as real seoul-node processes on loopback,
// the city's RPC node (authorized in genesis), and Eve's node, a stranger until the council
// authorizes it and makes Eve a validator. The council is the four validators' accounts, Alice
// holding the city's seat; a motion is `cityCouncil.enact(call)`, carried by three of four ayes
// with Alice's among them.
//
// The scenarios share one network start and run in order; each leaves the four validators
// running and finalizing for the next. Their measured times are printed as test diagnostics
// (`# ...` lines of the spec reporter).

import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import { u8aToHex } from '@polkadot/util';
import { base58Decode, decodeAddress } from '@polkadot/util-crypto';

import { heads, LOCAL_VALIDATORS, localNetwork, waitForFinalizedNumber, waitForPeers } from './lib/network.mjs';
import {
  connect, devAccounts, dispatched, findEvents, refusedByPool, rpc, sharedNodeTests, signAndWait, waitFor,
} from './lib/node.mjs';

/** The runtime's block time (`MILLISECS_PER_BLOCK`). */
const BLOCK_TIME_MS = 2000;
/** `pallet_permissions::codes::TOO_DEEP`, and the deepest nesting allowed (`MAX_CALL_DEPTH`). */
const TOO_DEEP = 6;
const MAX_CALL_DEPTH = 6;

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
  // Started as docs/operators.md says an agencies' RPC node behind a TLS proxy is: `--rpc-methods
  // safe`, since the proxy makes its localhost port public.
  const rpcNode = await network.start('rpc', { validator: false, extraArgs: ['--rpc-methods', 'safe'] });
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
  // Unsafe methods are refused on it, even from localhost.
  const unsafe = [
    ['author_insertKey', ['aura', '//Mallory', '0x' + '00'.repeat(32)]],
    ['author_rotateKeys', []],
    ['system_addReservedPeer', [`/ip4/127.0.0.1/tcp/1/p2p/${network.members.get('alice').peerId}`]],
  ];
  for (const [method, params] of unsafe) {
    await assert.rejects(rpc(rpcNode.httpUrl, method, params), /unsafe/i, `${method} is refused`);
  }
  t.diagnostic(`the RPC node synced to finalized block ${target} in ${synced} s`);
});

step('(h) a call nested to FRAME\'s limit is refused at the pool; the deepest allowed is included and finality goes on', { timeout: 120_000 }, async (t) => {
  const { dave } = accounts;
  const api = await connect(network.node('bob').rpcUrl);
  try {
    const nest = (call, depth) => {
      for (let i = 0; i < depth; i += 1) call = api.tx.utility.asDerivative(0, call);
      return call;
    };
    // 254 `asDerivative`s around a remark: 255 storage layers, FRAME's limit. A block builder
    // that added one layer of its own would fail it where importers succeed.
    await refusedByPool(nest(api.tx.system.remark('deep'), 254), dave, TOO_DEEP, 'asDerivative 254 deep');
    await refusedByPool(nest(api.tx.system.remark('deep'), MAX_CALL_DEPTH + 1), dave, TOO_DEEP, 'one level too deep');
    // The deepest call allowed goes into a block built by the batch path, and every validator
    // imports that block.
    const { blockHash, events } = await dispatched(
      nest(api.tx.system.remarkWithEvent('deepest allowed'), MAX_CALL_DEPTH), dave, 'asDerivative at the deepest allowed');
    assert.equal(findEvents(events, 'system', 'Remarked').length, 1, 'the innermost remark ran');
    const included = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
    const took = await finalityPasses('alice', included + 2, 60_000);
    for (const name of LOCAL_VALIDATORS) {
      await waitForFinalizedNumber(network.node(name), included, 60_000);
      assert.equal(await rpc(network.node(name).httpUrl, 'chain_getBlockHash', [included]), blockHash,
        `${name} finalized block ${included}`);
    }
    t.diagnostic(`the 254-deep call was refused at the pool; the ${MAX_CALL_DEPTH}-deep one was in block ${included}, finalized on all four validators, block ${included + 2} ${took} s later`);
  } finally {
    await api.disconnect();
  }
});

/**
 * A council motion: `proposer` proposes `cityCouncil.enact(call)` with a threshold of three of
 * the four seats, `voters` vote aye, and the motion is closed. Returns the collective's
 * `Executed` result and, when the motion got as far as `enact` dispatching, `Enacted`'s.
 */
async function councilMotion(api, call, { proposer = accounts.alice, voters }) {
  const motion = api.tx.cityCouncil.enact(call);
  const lengthBound = motion.method.encodedLength;
  const proposed = await signAndWait(api.tx.council.propose(3, motion, lengthBound), proposer);
  assert.equal(proposed.dispatchError, undefined, 'council.propose');
  const [event] = findEvents(proposed.events, 'council', 'Proposed');
  const { proposalHash, proposalIndex } = event.data;
  await Promise.all(voters.map(async (voter) => {
    const voted = await signAndWait(api.tx.council.vote(proposalHash, proposalIndex, true), voter);
    assert.equal(voted.dispatchError, undefined, 'council.vote');
  }));
  const { weight } = await api.call.transactionPaymentCallApi.queryCallInfo(motion.method, lengthBound);
  const closed = await signAndWait(api.tx.council.close(proposalHash, proposalIndex, weight, lengthBound), proposer);
  assert.equal(closed.dispatchError, undefined, 'council.close');
  const [executed] = findEvents(closed.events, 'council', 'Executed');
  assert.ok(executed, 'the motion was carried and executed');
  const [enacted] = findEvents(closed.events, 'cityCouncil', 'Enacted');
  return { executed: executed.data.result, enacted: enacted?.data.result };
}

/** Carries `call` as the city origin: Alice (the city), Bob and Charlie vote aye. */
async function cityMotion(api, call, what) {
  const { alice, bob, charlie } = accounts;
  const { executed, enacted } = await councilMotion(api, call, { voters: [alice, bob, charlie] });
  assert.ok(executed.isOk, `${what}: council.Executed ${executed}`);
  assert.ok(enacted?.isOk, `${what}: cityCouncil.Enacted ${enacted}`);
}

/** The accounts that authored blocks `from`..`to` on `api`'s node, by block number. */
async function authorsOf(api, from, to) {
  const authors = new Map();
  for (let n = from; n <= to; n += 1) {
    const header = await api.derive.chain.getHeader(await api.rpc.chain.getBlockHash(n));
    authors.set(n, header?.author?.toString());
  }
  return authors;
}

step('(council) the operators alone do not carry the city origin', { timeout: 120_000 }, async (t) => {
  const { bob, charlie, dave, eve } = accounts;
  const api = await connect(network.node('alice').rpcUrl);
  try {
    const start = Date.now();
    // Three of four ayes, the city's not among them.
    const { executed } = await councilMotion(api, api.tx.validatorSet.addValidator(eve.address), {
      proposer: bob,
      voters: [bob, charlie, dave],
    });
    assert.ok(executed.isErr, 'the motion failed');
    const error = api.registry.findMetaError(executed.asErr.asModule);
    assert.equal(`${error.section}.${error.name}`, 'cityCouncil.CityDidNotApprove');
    const validators = (await api.query.validatorSet.validators()).map((v) => v.toString());
    assert.ok(!validators.includes(eve.address), 'Eve was not added');
    t.diagnostic(`a motion of the three operators was refused (CityDidNotApprove), ${seconds(start)} s from proposal to close`);
  } finally {
    await api.disconnect();
  }
});

step('(e) an unauthorized node gets nothing; once the council authorizes it, it syncs', { timeout: 240_000 }, async (t) => {
  const { eve } = accounts;
  const alice = network.node('alice');
  // Eve's node: same chain spec, a new node key, the validators and the RPC node as bootnodes.
  const eveNode = await network.start('eve', { validator: true });
  const startedAt = (await heads(alice)).best;
  // Ten blocks with every authorized node up.
  await waitFor(async () => (await heads(alice)).best >= startedAt + 10, 60_000, 'ten blocks on Alice');
  const shut = await heads(eveNode);
  assert.equal(shut.best, 0, "Eve's node is still at genesis");
  assert.equal((await rpc(eveNode.httpUrl, 'system_health')).peers, 0, "Eve's node has no sync peer");
  t.diagnostic(`for ten blocks (${startedAt} -> ${startedAt + 10}) with every authorized node up, Eve's node stayed at genesis with no sync peer`);

  const api = await connect(alice.rpcUrl);
  try {
    // One motion admits Eve (the admin of a new operator organization) and authorizes her node.
    const peerId = network.members.get('eve').peerId;
    const peerBytes = u8aToHex(base58Decode(peerId));
    const motionStart = Date.now();
    await cityMotion(api, api.tx.utility.batchAll([
      api.tx.registry.registerOrganization('Eve Validation Co.', 'Business', [], eve.address),
      api.tx.nodeAuthorization.addWellKnownNode(peerBytes, eve.address),
    ]), 'admit Eve and authorize her node');
    const motionTook = seconds(motionStart);
    const known = [...(await api.query.nodeAuthorization.wellKnownNodes())].map((node) => u8aToHex(node));
    assert.ok(known.includes(peerBytes), `${peerId} is a well-known node`);

    const authorized = Date.now();
    const target = (await heads(alice)).finalized;
    await waitForFinalizedNumber(eveNode, target, 120_000);
    const syncedIn = seconds(authorized);
    assert.equal(
      await rpc(eveNode.httpUrl, 'chain_getBlockHash', [target]),
      await rpc(alice.httpUrl, 'chain_getBlockHash', [target]),
      `block ${target} is the same on Eve's node`,
    );
    t.diagnostic(`the motion took ${motionTook} s (propose, three votes, close); Eve's node then reached finalized block ${target} in ${syncedIn} s`);
  } finally {
    await api.disconnect();
  }
});

step('(d) a fifth validator added by a council motion authors; one removed stops authoring', { timeout: 360_000 }, async (t) => {
  const { eve, dave } = accounts;
  const alice = network.node('alice');
  const api = await connect(alice.rpcUrl);
  try {
    // Eve's session keys, made in her node's keystore with a proof that she owns them.
    const { keys, proof } = await rpc(network.node('eve').httpUrl, 'author_rotateKeysWithOwner', [
      u8aToHex(decodeAddress(eve.address)),
    ]);
    const set = await signAndWait(api.tx.session.setKeys(keys, proof), eve);
    assert.equal(set.dispatchError, undefined, 'session.setKeys by Eve');

    const addStart = Date.now();
    await cityMotion(api, api.tx.validatorSet.addValidator(eve.address), 'add Eve');
    const addedAt = (await heads(alice)).best;
    let eveBlock = null;
    await waitFor(async () => {
      const { best } = await heads(alice);
      const authors = await authorsOf(api, eveBlock ?? addedAt + 1, best);
      for (const [n, author] of authors) if (author === eve.address && eveBlock === null) eveBlock = n;
      return eveBlock !== null;
    }, 150_000, 'a block authored by Eve', { intervalMs: BLOCK_TIME_MS * 2 });
    t.diagnostic(`Eve added at block ${addedAt}: she authored block ${eveBlock}, ${seconds(addStart)} s after the motion began (sessions of 10 blocks)`);
    const withFive = (await heads(alice)).best;
    await waitForFinalizedNumber(alice, withFive, 60_000);

    const removeStart = Date.now();
    await cityMotion(api, api.tx.validatorSet.removeValidator(dave.address), 'remove Dave');
    // pallet-session queues the change at one rotation and applies it at the next.
    let changedAt = null;
    await waitFor(async () => {
      const session = (await api.query.session.validators()).map((v) => v.toString());
      if (session.includes(dave.address)) return false;
      changedAt = (await heads(alice)).best;
      return true;
    }, 120_000, 'Dave out of session.validators');
    // Three rounds of the four remaining authorities: none authored by Dave.
    const until = changedAt + 12;
    await waitFor(async () => (await heads(alice)).best >= until, 60_000, `block ${until}`);
    const authors = await authorsOf(api, changedAt + 1, until);
    for (const [n, author] of authors) assert.notEqual(author, dave.address, `block ${n} is not Dave's`);
    assert.ok([...authors.values()].includes(eve.address), 'Eve keeps authoring');
    await waitForFinalizedNumber(alice, until, 60_000);
    t.diagnostic(`Dave removed: out of the session at block ${changedAt}, ${seconds(removeStart)} s after the motion began; no block of his in ${changedAt + 1}..${until}, all finalized`);
  } finally {
    await api.disconnect();
  }
});
