// The foundation of the chain, end to end against one development node (`--dev`): blocks and
// finality, chain properties, metadata, the registry's genesis organizations, registering an
// organization through sudo, an admin adding a member, refused calls with their named errors,
// zero fees, and the validator set.
//
// The tests of this file share one node and run in order: tests 6 and 7 use the organization
// test 5 registers.

import assert from 'node:assert/strict';

import {
  decodeDispatchError,
  findEvents,
  rpc,
  sharedDevNode,
  signAndWait,
  waitForBlock,
  waitForFinalized,
} from './lib/node.mjs';

/** The runtime's block time and Aura slot (`MILLISECS_PER_BLOCK`). */
const BLOCK_TIME_MS = 2000;

/** The pallets of the runtime and their indices (`construct_runtime`): never renumbered. */
const PALLETS = {
  System: 0,
  Timestamp: 1,
  ValidatorSet: 9,
  Session: 10,
  Aura: 11,
  Grandpa: 12,
  NodeAuthorization: 13,
  Balances: 20,
  TransactionPayment: 21,
  Utility: 30,
  Multisig: 31,
  Proxy: 32,
  Sudo: 40,
  Council: 41,
  CouncilMembership: 42,
  CityCouncil: 43,
  Registry: 50,
  Permissions: 51,
  CitizenCard: 52,
};

/** The development genesis' demo organizations, ids 0.. in order. */
const DEMO_ORGANIZATIONS = [
  { name: 'Seoul Metropolitan Government', kind: 'CityBureau', admin: 'alice', role: 'Registrar' },
  { name: 'Gangnam-gu Office', kind: 'District', admin: 'bob', role: 'Registrar' },
  { name: 'Seoul Citizens Bank', kind: 'Bank', admin: 'charlie', role: 'Bank' },
  { name: 'Mangwon Market Grocery', kind: 'Business', admin: 'dave', role: 'Merchant' },
  { name: 'Seoul Transit Card', kind: 'Business', admin: 'bobStash', role: 'TransitOperator' },
];

let node;
let api;
let accounts;
const { step } = sharedDevNode((started) => ({ node, api, accounts } = started));
/** The organization test 5 registers (Eve its admin), used by tests 6 and 7. */
let transitOrg;

function requireTransitOrg() {
  assert.notEqual(transitOrg, undefined, 'needs the organization registered by the sudo registration test');
  return transitOrg;
}

async function organizationIdOf(who) {
  const id = await api.query.registry.memberOf(who.address ?? who);
  return id.isSome ? id.unwrap().toNumber() : null;
}

async function organization(id) {
  const org = await api.query.registry.organizations(id);
  assert.ok(org.isSome, `organization ${id} exists`);
  return org.unwrap();
}

const rolesOf = (org) => [...org.roles].map((role) => role.toString());

step('1. blocks are produced every 2 s and finalized', { timeout: 90_000 }, async () => {
  await waitForBlock(api, 3, 60_000);
  await waitForFinalized(api, 2, 60_000);

  // The Aura slot is the block time.
  const slotDuration = await api.call.auraApi.slotDuration();
  assert.equal(slotDuration.toNumber(), BLOCK_TIME_MS, 'Aura slot duration');

  // Blocks 1..3 (all on the best chain now): each block's timestamp lies in its Aura slot,
  // slots advance, and the timestamps are one slot (2 s) apart per slot advanced.
  const blocks = [];
  for (let n = 1; n <= 3; n++) {
    const hash = await api.rpc.chain.getBlockHash(n);
    const timestamp = (await api.query.timestamp.now.at(hash)).toNumber();
    const slot = (await api.query.aura.currentSlot.at(hash)).toNumber();
    assert.equal(Math.floor(timestamp / BLOCK_TIME_MS), slot, `block ${n}: timestamp ${timestamp} lies in slot ${slot}`);
    blocks.push({ n, timestamp, slot });
  }
  for (let i = 1; i < blocks.length; i++) {
    const [prev, next] = [blocks[i - 1], blocks[i]];
    const slots = next.slot - prev.slot;
    const elapsed = next.timestamp - prev.timestamp;
    assert.ok(slots >= 1, `block ${next.n} is in a later slot than block ${prev.n}`);
    assert.ok(
      Math.abs(elapsed - slots * BLOCK_TIME_MS) < BLOCK_TIME_MS / 2,
      `blocks ${prev.n} and ${next.n}: ${elapsed} ms apart for ${slots} slot(s) of ${BLOCK_TIME_MS} ms`,
    );
  }
});

step('2. the chain announces the S-coin, its name and its runtime', { timeout: 30_000 }, async () => {
  const properties = await rpc(node.httpUrl, 'system_properties');
  assert.equal(properties.ss58Format, 42, 'ss58Format');
  assert.equal(properties.tokenDecimals, 0, 'tokenDecimals');
  assert.equal(properties.tokenSymbol, 'SCOIN', 'tokenSymbol');

  assert.equal(await rpc(node.httpUrl, 'system_chain'), 'Seoul City Chain Development');
  assert.equal(api.runtimeVersion.specName.toString(), 'seoul-city-chain');
  // The API picked the chain's properties up.
  assert.equal(api.registry.chainSS58, 42);
  assert.deepEqual(api.registry.chainTokens, ['SCOIN']);
  assert.deepEqual(api.registry.chainDecimals, [0]);
});

step('3. the metadata lists the pallets, with docs, at V15 or later', { timeout: 30_000 }, async () => {
  assert.ok(api.runtimeMetadata.version >= 15, `metadata version ${api.runtimeMetadata.version} >= 15`);
  const versions = (await api.call.metadata.metadataVersions()).map((v) => v.toNumber());
  assert.ok(versions.includes(15), `metadata versions ${versions} include 15`);
  assert.ok(versions.includes(16), `metadata versions ${versions} include 16`);

  const pallets = new Map(
    api.runtimeMetadata.asLatest.pallets.map((p) => [p.name.toString(), p.index.toNumber()]),
  );
  for (const [name, index] of Object.entries(PALLETS)) {
    assert.ok(pallets.has(name), `pallet ${name} is in the metadata (has: ${[...pallets.keys()].join(', ')})`);
    assert.equal(pallets.get(name), index, `pallet ${name}'s index`);
  }

  const callDocs = api.tx.registry.registerOrganization.meta.docs.map((d) => d.toString()).join(' ');
  assert.ok(callDocs.trim().length > 0, 'registry.registerOrganization has docs');
  const errorDocs = api.errors.registry.UnknownOrganization.meta.docs.map((d) => d.toString()).join(' ');
  assert.ok(errorDocs.trim().length > 0, 'registry.UnknownOrganization has docs');
});

step('4. the demo organizations are in genesis', { timeout: 30_000 }, async () => {
  for (const [id, expected] of DEMO_ORGANIZATIONS.entries()) {
    const org = await organization(id);
    assert.equal(org.name.toUtf8(), expected.name, `organization ${id}'s name`);
    assert.equal(org.kind.toString(), expected.kind, `organization ${id}'s kind`);
    assert.ok(rolesOf(org).includes(expected.role), `organization ${id}'s roles ${rolesOf(org)} include ${expected.role}`);
    assert.equal(org.admin.toString(), accounts[expected.admin].address, `organization ${id}'s admin`);
    assert.equal(await organizationIdOf(accounts[expected.admin]), id, `${expected.admin} is a member of organization ${id}`);
  }
  // Alice (the city's admin) and Alice's stash (a plain member) act for the city.
  assert.equal(await organizationIdOf(accounts.alice), 0, 'memberOf(Alice)');
  assert.equal(await organizationIdOf(accounts.aliceStash), 0, 'memberOf(Alice//stash)');
  assert.equal((await api.query.registry.nextOrganizationId()).toNumber(), DEMO_ORGANIZATIONS.length, 'nextOrganizationId');
  // Eve, Ferdie and Charlie's stash have no organization: the next tests rely on it.
  for (const who of ['eve', 'ferdie', 'charlieStash']) {
    assert.equal(await organizationIdOf(accounts[who]), null, `memberOf(${who})`);
  }
  const unknown = await api.query.registry.organizations(DEMO_ORGANIZATIONS.length);
  assert.ok(unknown.isNone, 'no organization beyond the demo ones');
});

step('5. sudo registers an organization with Eve as its admin', { timeout: 60_000 }, async () => {
  const { alice, eve } = accounts;
  const nextId = (await api.query.registry.nextOrganizationId()).toNumber();
  const eveBefore = await api.query.system.account(eve.address);

  const call = api.tx.registry.registerOrganization('Seoul Transit Corporation', 'Agency', ['TransitOperator'], eve.address);
  const { events, dispatchError } = await signAndWait(api.tx.sudo.sudo(call), alice);
  assert.equal(dispatchError, undefined, 'the sudo extrinsic succeeds');

  const [sudid] = findEvents(events, 'sudo', 'Sudid');
  assert.ok(sudid, 'a sudo.Sudid event');
  const sudoResult = sudid.data.sudoResult;
  assert.ok(
    sudoResult.isOk,
    `sudo.Sudid is Ok (got ${sudoResult.isErr ? JSON.stringify(decodeDispatchError(api.registry, sudoResult.asErr)) : sudoResult.toString()})`,
  );

  const registered = findEvents(events, 'registry', 'OrganizationRegistered');
  assert.equal(registered.length, 1, 'one registry.OrganizationRegistered event');
  const { organization: eventOrg, kind, admin } = registered[0].data;
  assert.equal(eventOrg.toNumber(), nextId, 'the event names the new id');
  assert.equal(kind.toString(), 'Agency', 'the event names the kind');
  assert.equal(admin.toString(), eve.address, 'the event names Eve as admin');

  assert.equal((await api.query.registry.nextOrganizationId()).toNumber(), nextId + 1, 'nextOrganizationId advanced by one');
  const org = await organization(nextId);
  assert.equal(org.name.toUtf8(), 'Seoul Transit Corporation');
  assert.equal(org.kind.toString(), 'Agency');
  assert.deepEqual(rolesOf(org), ['TransitOperator']);
  assert.equal(org.admin.toString(), eve.address);
  assert.equal(await organizationIdOf(eve), nextId, 'memberOf(Eve) is the new organization');

  const eveAfter = await api.query.system.account(eve.address);
  assert.ok(eveAfter.providers.toNumber() >= 1, `Eve's account has a provider (${eveAfter.providers})`);
  assert.ok(
    eveAfter.providers.toNumber() >= eveBefore.providers.toNumber(),
    `Eve's providers did not drop (${eveBefore.providers} -> ${eveAfter.providers})`,
  );
  transitOrg = nextId;
});

step('6. Eve, the new admin, adds Ferdie as a member', { timeout: 60_000 }, async () => {
  const org = requireTransitOrg();
  const { eve, ferdie } = accounts;

  const { events, dispatchError } = await signAndWait(api.tx.registry.addMember(org, ferdie.address), eve);
  assert.equal(dispatchError, undefined, `addMember succeeds (got ${JSON.stringify(dispatchError)})`);
  const added = findEvents(events, 'registry', 'MemberAdded');
  assert.equal(added.length, 1, 'one registry.MemberAdded event');
  assert.equal(added[0].data.organization.toNumber(), org, 'MemberAdded names the organization');
  assert.equal(added[0].data.who.toString(), ferdie.address, 'MemberAdded names Ferdie');

  assert.equal(await organizationIdOf(ferdie), org, 'memberOf(Ferdie)');
  assert.equal((await organization(org)).admin.toString(), eve.address, 'Eve is still the admin');
});

step('7. refused calls come back with their named errors and change nothing', { timeout: 60_000 }, async () => {
  const org = requireTransitOrg();
  const { alice, eve, ferdie, charlieStash } = accounts;

  // Ferdie is a member, not the admin.
  const refused = await signAndWait(api.tx.registry.addMember(org, charlieStash.address), ferdie);
  assert.ok(refused.dispatchError, 'addMember by a non-admin fails');
  assert.equal(refused.dispatchError.section, 'registry', `error section (${JSON.stringify(refused.dispatchError)})`);
  assert.equal(refused.dispatchError.name, 'NotAdmin', 'error name');
  assert.ok(refused.dispatchError.docs.join(' ').trim().length > 0, 'registry.NotAdmin has docs');
  assert.equal(findEvents(refused.events, 'system', 'ExtrinsicFailed').length, 1, 'a system.ExtrinsicFailed event');
  assert.equal(findEvents(refused.events, 'registry', 'MemberAdded').length, 0, 'no registry.MemberAdded event');
  assert.equal(await organizationIdOf(charlieStash), null, "Charlie's stash is still no member");

  // Eve is already a member (the admin) of an organization: she cannot be another one's admin.
  const nextId = (await api.query.registry.nextOrganizationId()).toNumber();
  const call = api.tx.registry.registerOrganization('Seoul Transit Corporation Two', 'Agency', ['TransitOperator'], eve.address);
  const { events, dispatchError } = await signAndWait(api.tx.sudo.sudo(call), alice);
  assert.equal(dispatchError, undefined, 'the sudo extrinsic itself succeeds');
  const [sudid] = findEvents(events, 'sudo', 'Sudid');
  assert.ok(sudid, 'a sudo.Sudid event');
  assert.ok(sudid.data.sudoResult.isErr, 'sudo.Sudid carries an Err');
  const inner = decodeDispatchError(api.registry, sudid.data.sudoResult.asErr);
  assert.equal(inner.section, 'registry', `inner error section (${JSON.stringify(inner)})`);
  assert.equal(inner.name, 'AlreadyMember', 'inner error name');
  assert.ok(inner.docs.join(' ').trim().length > 0, 'registry.AlreadyMember has docs');
  assert.equal(findEvents(events, 'registry', 'OrganizationRegistered').length, 0, 'no registry.OrganizationRegistered event');

  assert.equal((await api.query.registry.nextOrganizationId()).toNumber(), nextId, 'nextOrganizationId unchanged');
  assert.ok((await api.query.registry.organizations(nextId)).isNone, 'no organization stored');
  assert.equal(await organizationIdOf(eve), org, "Eve's organization unchanged");
});

step('8. fees are zero', { timeout: 30_000 }, async () => {
  const { alice, bob } = accounts;
  const info = await api.tx.balances.transferKeepAlive(bob.address, 1).paymentInfo(alice);
  assert.ok(info.weight.refTime.toBigInt() > 0n, `the transfer has a weight (${info.weight.refTime})`);
  assert.equal(info.partialFee.toBigInt(), 0n, `partialFee is ${info.partialFee}`);
});

step('9. the validator set is Alice, and a validator without session keys is refused', { timeout: 60_000 }, async () => {
  const { alice, bob } = accounts;
  const validators = (await api.query.validatorSet.validators()).map((v) => v.toString());
  assert.deepEqual(validators, [alice.address], 'validatorSet.validators');
  const sessionValidators = (await api.query.session.validators()).map((v) => v.toString());
  assert.deepEqual(sessionValidators, [alice.address], 'session.validators');

  // Bob never set session keys: the city (sudo on the dev chain) cannot make him a validator.
  const { events, dispatchError } = await signAndWait(api.tx.sudo.sudo(api.tx.validatorSet.addValidator(bob.address)), alice);
  assert.equal(dispatchError, undefined, 'the sudo extrinsic itself succeeds');
  const [sudid] = findEvents(events, 'sudo', 'Sudid');
  assert.ok(sudid && sudid.data.sudoResult.isErr, 'sudo.Sudid carries an Err');
  const inner = decodeDispatchError(api.registry, sudid.data.sudoResult.asErr);
  assert.equal(`${inner.section}.${inner.name}`, 'validatorSet.NoSessionKeys', JSON.stringify(inner));
  assert.equal(findEvents(events, 'validatorSet', 'ValidatorAdded').length, 0, 'no validatorSet.ValidatorAdded event');
  const after = (await api.query.validatorSet.validators()).map((v) => v.toString());
  assert.deepEqual(after, [alice.address], 'the set is unchanged');
});
