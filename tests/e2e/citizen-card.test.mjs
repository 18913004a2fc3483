// The Seoul Citizen Card, end to end against one development node (`--dev`): registration by a
// registrar, the card's life cycle (suspension, loss, reissue with history), facilities and the
// question "may this card use this facility now?", through extrinsics, storage, the runtime API
// (`api.call.citizenCardApi`) and the JSON-RPC methods (`citizenCard_verify`, `citizenCard_status`).
//
// Development genesis: the Gangnam-gu Office (organization 1, admin Bob) and the city
// (organization 0, admin Alice) are registrars and facility operators; Dave's stash is a citizen
// of Gangnam (adult), Eve's stash of Mapo (senior); facility 0 is the Gangnam-gu Sports Centre
// (Gangnam residents, youth and adults), facility 1 the Seoul Metropolitan Library (everyone).

import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';

import { dispatched, findEvents, refused as refusedWith, rpc, sharedDevNode, signAndWait } from './lib/node.mjs';

const GANGNAM = 11680;
const SPORTS_CENTRE = 0;
const LIBRARY = 1;

let node;
let api;
let accounts;
const { step } = sharedDevNode((started) => ({ node, api, accounts } = started));

const keyring = new Keyring({ type: 'sr25519' });
/** A resident registered by the tests, on a fresh account with no S-coin. */
const minji = keyring.addFromUri('//Seoul//citizen//Minji');
/** Her new phone's account, after she loses the first. */
const minjiNewPhone = keyring.addFromUri('//Seoul//citizen//Minji//new-phone');
/** Her keyed resident-number hash (a registrar's HMAC; a stand-in here). */
const MINJI_RESIDENT = blake2AsHex('demo resident: Minji');

/** `citizenCard_verify` over JSON-RPC, checked against the runtime API. */
async function verify(who, facility) {
  const answer = await rpc(node.httpUrl, 'citizenCard_verify', [who.address ?? who, facility]);
  const fromApi = await api.call.citizenCardApi.verify(who.address ?? who, facility);
  assert.equal(fromApi.isOk, answer.allowed, 'the runtime API agrees with the JSON-RPC method');
  if (fromApi.isErr) assert.equal(fromApi.asErr.type, answer.reason, 'the same reason');
  return answer;
}

const refused = (tx, signer, name) => refusedWith(tx, signer, `citizenCard.${name}`);

step('1. the genesis citizens and facilities answer over JSON-RPC and the runtime API', { timeout: 60_000 }, async () => {
  const { daveStash, eveStash } = accounts;
  const card = await rpc(node.httpUrl, 'citizenCard_status', [daveStash.address]);
  assert.equal(card.status, 'Active');
  assert.equal(card.district, GANGNAM);
  assert.equal(card.ageBand, 'Adult');
  assert.equal(card.registrar, 1);
  const view = await api.call.citizenCardApi.status(daveStash.address);
  assert.ok(view.isSome, 'the runtime API has the card');
  assert.equal(view.unwrap().status.type, 'Active');

  assert.deepEqual(await verify(daveStash, SPORTS_CENTRE), { allowed: true });
  assert.deepEqual(await verify(eveStash, SPORTS_CENTRE), { allowed: false, reason: 'OutsideDistrict' });
  assert.deepEqual(await verify(eveStash, LIBRARY), { allowed: true });
  assert.deepEqual(await verify(minji, LIBRARY), { allowed: false, reason: 'NoCard' });
  assert.deepEqual(await verify(daveStash, 99), { allowed: false, reason: 'UnknownFacility' });
  assert.equal(await rpc(node.httpUrl, 'citizenCard_status', [minji.address]), null);
});

step('2. a registrar registers a resident, who then transacts with no S-coin', { timeout: 60_000 }, async () => {
  const { bob, dave } = accounts;
  // A merchant is not a registrar.
  await refused(api.tx.citizenCard.registerCitizen(minji.address, MINJI_RESIDENT, GANGNAM, 'Adult'), dave, 'NotRegistrar');

  const { events } = await dispatched(
    api.tx.citizenCard.registerCitizen(minji.address, MINJI_RESIDENT, GANGNAM, 'Adult'),
    bob,
    'registerCitizen',
  );
  const [registered] = findEvents(events, 'citizenCard', 'CitizenRegistered');
  assert.equal(registered.data.who.toString(), minji.address);
  assert.equal(registered.data.registrar.toNumber(), 1);

  const account = await api.query.system.account(minji.address);
  assert.equal(account.providers.toNumber(), 1, 'a provider reference');
  assert.equal(account.data.free.toBigInt(), 0n, 'no S-coin');
  await dispatched(api.tx.system.remark('a citizen now'), minji, 'a citizen transacts');
  assert.deepEqual(await verify(minji, SPORTS_CENTRE), { allowed: true });

  // The same resident cannot hold a second card.
  await refused(api.tx.citizenCard.registerCitizen(minjiNewPhone.address, MINJI_RESIDENT, GANGNAM, 'Adult'), bob, 'ResidentHasCard');
});

step('3. a suspended card is refused at facilities and at the transaction pool, until resumed', { timeout: 90_000 }, async () => {
  const { bob } = accounts;
  await dispatched(api.tx.citizenCard.suspendCard(minji.address), bob, 'suspendCard');
  assert.deepEqual(await verify(minji, SPORTS_CENTRE), { allowed: false, reason: 'CardSuspended' });
  await assert.rejects(signAndWait(api.tx.system.remark('suspended'), minji), /Custom error: 1\b/);
  await dispatched(api.tx.citizenCard.resumeCard(minji.address), bob, 'resumeCard');
  assert.deepEqual(await verify(minji, SPORTS_CENTRE), { allowed: true });
});

step('4. a lost phone: the card is reported lost and reissued to a new account, history intact', { timeout: 90_000 }, async () => {
  const { bob, dave } = accounts;
  // Only the holder or a registrar reports a card lost.
  await refused(api.tx.citizenCard.reportLost(minji.address), dave, 'NotHolderOrRegistrar');
  await dispatched(api.tx.citizenCard.reportLost(minji.address), minji, 'reportLost');
  assert.deepEqual(await verify(minji, SPORTS_CENTRE), { allowed: false, reason: 'CardLost' });
  await refused(api.tx.citizenCard.resumeCard(minji.address), bob, 'CardLost');

  const { events } = await dispatched(api.tx.citizenCard.reissueCard(minji.address, minjiNewPhone.address), bob, 'reissueCard');
  assert.equal(findEvents(events, 'citizenCard', 'CardReissued').length, 1);
  assert.equal(await rpc(node.httpUrl, 'citizenCard_status', [minji.address]), null, 'the old account holds no card');
  const card = await rpc(node.httpUrl, 'citizenCard_status', [minjiNewPhone.address]);
  assert.equal(card.status, 'Active');
  assert.equal(card.resident, MINJI_RESIDENT);
  assert.deepEqual(await verify(minjiNewPhone, SPORTS_CENTRE), { allowed: true });

  const history = (await api.query.citizenCard.history(MINJI_RESIDENT)).map((entry) => entry.change.type);
  assert.deepEqual(history, ['Registered', 'Suspended', 'Resumed', 'ReportedLost', 'Reissued']);
  await dispatched(api.tx.system.remark('new phone'), minjiNewPhone, 'the new phone transacts');
});

step('5. a facility operator registers and closes a facility; others may not', { timeout: 90_000 }, async () => {
  const { bob, dave } = accounts;
  await refused(api.tx.citizenCard.registerFacility('Mangwon Hall', [], []), dave, 'NotFacilityOperator');
  const { events } = await dispatched(
    api.tx.citizenCard.registerFacility('Gangnam Youth Hall', [GANGNAM], ['Youth']),
    bob,
    'registerFacility',
  );
  const [registered] = findEvents(events, 'citizenCard', 'FacilityRegistered');
  const hall = registered.data.facility.toNumber();
  assert.deepEqual(await verify(minjiNewPhone, hall), { allowed: false, reason: 'AgeBandNotAllowed' });

  await dispatched(api.tx.citizenCard.setFacilityOpen(LIBRARY, false), accounts.alice, 'the city closes its library');
  assert.deepEqual(await verify(minjiNewPhone, LIBRARY), { allowed: false, reason: 'FacilityClosed' });
  // Another organization's facility.
  await refused(api.tx.citizenCard.setFacilityOpen(LIBRARY, true), bob, 'NotFacilityOwner');
});

step('6. S-coin does not go from citizen to citizen, even in a batch, nor leave or reach a citizen by a plain transfer', { timeout: 60_000 }, async () => {
  const { daveStash, eveStash, alice } = accounts;
  const toEve = api.tx.balances.transferKeepAlive(eveStash.address, 1);
  await assert.rejects(signAndWait(toEve, daveStash), /Custom error: 5\b/, 'citizen to citizen');
  await assert.rejects(signAndWait(api.tx.utility.batch([api.tx.system.remark('x'), toEve]), daveStash), /Custom error: 5\b/, 'in a batch');
  // Citizens pay organizations with `sCoin.pay` (tests/e2e/s-coin.test.mjs), not `balances`.
  await assert.rejects(signAndWait(api.tx.balances.transferKeepAlive(alice.address, 1), daveStash), /Custom error: 5\b/, 'citizen to the city');
  // Nor does it reach a citizen so: organizations reward through `sCoin.reward`, out of a
  // budget, counted in the audit totals.
  await assert.rejects(signAndWait(api.tx.balances.transferKeepAlive(eveStash.address, 1), alice), /Custom error: 5\b/, 'the city to a citizen');
});
