// S-coin and the KRW deposit token, end to end against one development node (`--dev`): a
// citizen registered by a registrar, rewarded by the city for answering a poll, paying a ZeroPay
// merchant and topping up a transit card, converting mileage, watching it expire; an agency over
// its budget refused; a bank minting KRW and an employer paying wages with it. Through
// extrinsics, events, storage, the runtime API (`api.call.sCoinApi`) and the JSON-RPC methods
// (`scoin_balance`, `scoin_issuerBudget`).
//
// Development genesis: the city (organization 0, admin Alice) and the Gangnam-gu Office
// (organization 1, admin Bob) issue rewards, with budgets of 10,000,000 and 1,000,000 S-coin;
// Gangnam-gu also collects local taxes and registers residents. Seoul Citizens Bank
// (organization 2, admin Charlie) is a bank; Mangwon Market Grocery (organization 3, admin Dave)
// a ZeroPay merchant and an employer; Seoul Transit Card (organization 4, admin Bob's stash)
// a transit operator and a converter. Alice holds the sudo key (the city origin).

import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';

import {
  dispatched,
  findEvents,
  refused,
  refusedByPool,
  rpc,
  sharedDevNode,
  signAndWait,
  sudo as sudoAs,
  waitForBlock,
} from './lib/node.mjs';

const CITY = 0;
const GANGNAM_OFFICE = 1;
const MERCHANT = 3;
const TRANSIT = 4;
const GANGNAM = 11680;
const KRW = 1;
/** The city's reason code for "answered a city poll" (its catalogue is off chain). */
const POLL_ANSWERED = 2;
const CALL_NOT_ALLOWED = 5;

let node;
let api;
let accounts;
const { step } = sharedDevNode((started) => ({ node, api, accounts } = started));

const keyring = new Keyring({ type: 'sr25519' });
/** A resident registered by the tests, on a fresh account with no S-coin. */
const jiwoo = keyring.addFromUri('//Seoul//citizen//Jiwoo');
/** Somebody the chain does not know. */
const stranger = keyring.addFromUri('//Seoul//stranger');

const sudo = (call) => sudoAs(api, accounts.alice, call);
const ref = (text) => blake2AsHex(text);

/** `scoin_balance` over JSON-RPC, checked against the runtime API. */
async function scoinBalance(who) {
  const answer = await rpc(node.httpUrl, 'scoin_balance', [who.address]);
  const view = await api.call.sCoinApi.balance(who.address);
  assert.equal(view.balance.toNumber(), answer.balance, 'the runtime API agrees with the JSON-RPC method');
  assert.equal(view.expired.toNumber(), answer.expired);
  assert.deepEqual(
    view.expiring.map((b) => ({ amount: b.amount.toNumber(), expiresAt: b.expiresAt.toNumber() })),
    answer.expiring,
  );
  return answer;
}

/** `scoin_issuerBudget` over JSON-RPC, checked against the runtime API. */
async function issuerBudget(org) {
  const answer = await rpc(node.httpUrl, 'scoin_issuerBudget', [org]);
  const issuer = await api.call.sCoinApi.issuerBudget(org);
  assert.deepEqual(issuer.isSome ? issuer.unwrap().toJSON() : null, answer);
  return answer;
}

/** `depositToken_balance` over JSON-RPC, checked against the runtime API. */
async function tokenAccount(who) {
  const answer = await rpc(node.httpUrl, 'depositToken_balance', [who.address]);
  const view = await api.call.depositTokenApi.account(who.address);
  assert.deepEqual({ balance: view.balance.toNumber(), frozen: view.frozen.isTrue }, answer);
  return answer;
}

async function freeBalance(who) {
  return (await api.query.system.account(who.address)).data.free.toNumber();
}

async function krw(who) {
  const account = await api.query.assets.account(KRW, who.address);
  return account.isSome ? account.unwrap().balance.toNumber() : 0;
}

step('1. a registrar registers a citizen; the city rewards her for answering a poll', { timeout: 60_000 }, async () => {
  const { alice, bob, dave } = accounts;
  await dispatched(api.tx.citizenCard.registerCitizen(jiwoo.address, ref('demo resident: Jiwoo'), GANGNAM, 'Adult'), bob, 'registerCitizen');
  assert.deepEqual(await scoinBalance(jiwoo), { balance: 0, expired: 0, expiring: [] });

  const before = await issuerBudget(CITY);
  assert.deepEqual(before, { budget: 10_000_000, issued: 0, paused: false });
  const { events } = await dispatched(api.tx.sCoin.reward(jiwoo.address, 5_000, POLL_ANSWERED, ref('poll 2026-11 answer 17')), alice, 'reward');
  const [rewarded] = findEvents(events, 'sCoin', 'Rewarded');
  assert.equal(rewarded.data.issuer.toNumber(), CITY);
  assert.equal(rewarded.data.citizen.toString(), jiwoo.address);
  assert.equal(rewarded.data.amount.toNumber(), 5_000);
  assert.equal(rewarded.data.reason.toNumber(), POLL_ANSWERED);
  const expiresAt = rewarded.data.expiresAt.toNumber();

  assert.deepEqual(await scoinBalance(jiwoo), { balance: 5_000, expired: 0, expiring: [{ amount: 5_000, expiresAt }] });
  assert.deepEqual(await issuerBudget(CITY), { budget: 9_995_000, issued: 5_000, paused: false });
  assert.equal((await api.query.sCoin.issuedTotals(CITY, POLL_ANSWERED)).toNumber(), 5_000);

  // A merchant is no reward issuer; nobody rewards an account without a citizen card.
  await refused(api.tx.sCoin.reward(jiwoo.address, 1, POLL_ANSWERED, ref('x')), dave, 'sCoin.NotRewardIssuer');
  await refused(api.tx.sCoin.reward(stranger.address, 1, POLL_ANSWERED, ref('x')), alice, 'sCoin.NotACitizen');
  assert.equal(await issuerBudget(99), null);
});

step('2. she pays a ZeroPay merchant and tops up her transit card; nothing else takes her S-coin', { timeout: 90_000 }, async () => {
  const { dave, bobStash, daveStash, alice } = accounts;
  const merchantBefore = await freeBalance(dave);
  const pay = api.tx.sCoin.pay(MERCHANT, 'ZeroPay', 1_200, ref('QR: Mangwon Market Grocery, receipt 5521'));
  const { events } = await dispatched(pay, jiwoo, 'ZeroPay payment');
  const [paid] = findEvents(events, 'sCoin', 'Paid');
  assert.equal(paid.data.payee.toString(), dave.address);
  assert.equal(paid.data.organization.unwrap().toNumber(), MERCHANT);
  assert.equal(paid.data.spend.type, 'ZeroPay');
  assert.equal(await freeBalance(dave), merchantBefore + 1_200);

  const transitBefore = await freeBalance(bobStash);
  await dispatched(api.tx.sCoin.pay(TRANSIT, 'TransitTopUp', 1_000, ref('transit card 1010-2020')), jiwoo, 'top-up');
  assert.equal(await freeBalance(bobStash), transitBefore + 1_000);
  assert.equal((await scoinBalance(jiwoo)).balance, 2_800);
  assert.equal((await api.query.sCoin.spentTotals('ZeroPay')).toNumber(), 1_200);
  assert.equal((await api.query.sCoin.spentTotals('TransitTopUp')).toNumber(), 1_000);

  // The merchant does not top up transit cards; nobody pays what they do not have.
  await refused(api.tx.sCoin.pay(MERCHANT, 'TransitTopUp', 1, ref('x')), jiwoo, 'sCoin.PayeeNotAllowed');
  await refused(api.tx.sCoin.pay(MERCHANT, 'ZeroPay', 2_801, ref('x')), jiwoo, 'sCoin.InsufficientBalance');
  // Not to another citizen, nor to anyone by a plain transfer: the pool refuses it.
  await refusedByPool(api.tx.balances.transferKeepAlive(daveStash.address, 1), jiwoo, CALL_NOT_ALLOWED, 'citizen to citizen');
  await refusedByPool(api.tx.balances.transferKeepAlive(alice.address, 1), jiwoo, CALL_NOT_ALLOWED, 'citizen to the city');
  assert.equal((await scoinBalance(jiwoo)).balance, 2_800);
});

step('3. an agency cannot issue beyond its budget, nor while paused', { timeout: 90_000 }, async () => {
  const { bob } = accounts;
  await sudo(api.tx.sCoin.setBudget(GANGNAM_OFFICE, 100));
  assert.deepEqual(await issuerBudget(GANGNAM_OFFICE), { budget: 100, issued: 0, paused: false });
  await refused(api.tx.sCoin.reward(jiwoo.address, 101, 1, ref('volunteering')), bob, 'sCoin.OverBudget');
  await dispatched(api.tx.sCoin.reward(jiwoo.address, 100, 1, ref('volunteering')), bob, 'reward within the budget');
  await refused(api.tx.sCoin.reward(jiwoo.address, 1, 1, ref('volunteering')), bob, 'sCoin.OverBudget');
  assert.deepEqual(await issuerBudget(GANGNAM_OFFICE), { budget: 0, issued: 100, paused: false });

  await sudo(api.tx.sCoin.setBudget(GANGNAM_OFFICE, 1_000));
  await sudo(api.tx.sCoin.pauseIssuer(GANGNAM_OFFICE));
  await refused(api.tx.sCoin.reward(jiwoo.address, 1, 1, ref('volunteering')), bob, 'sCoin.IssuerPaused');
  await sudo(api.tx.sCoin.resumeIssuer(GANGNAM_OFFICE));
  // Only the city sets budgets.
  await refused(api.tx.sudo.sudo(api.tx.sCoin.setBudget(GANGNAM_OFFICE, 5)), bob, 'sudo.RequireSudo');
  const { dispatchError } = await signAndWait(api.tx.sCoin.setBudget(GANGNAM_OFFICE, 5), bob);
  assert.equal(dispatchError?.name, 'BadOrigin');
});

step('4. she pays her local tax and converts mileage through a converter, with a receipt', { timeout: 60_000 }, async () => {
  await dispatched(api.tx.sCoin.pay(GANGNAM_OFFICE, 'LocalTax', 400, ref('Gangnam resident tax 2026')), jiwoo, 'local tax');
  const { events } = await dispatched(api.tx.sCoin.convert(TRANSIT, 500, ref('T-money points account 7781')), jiwoo, 'convert');
  const [converted] = findEvents(events, 'sCoin', 'Converted');
  const receipt = await api.query.sCoin.receipts(converted.data.receipt);
  assert.equal(receipt.unwrap().who.toString(), jiwoo.address);
  assert.equal(receipt.unwrap().amount.toNumber(), 500);
  assert.equal((await api.query.sCoin.convertedTotals(TRANSIT)).toNumber(), 500);
  assert.equal((await scoinBalance(jiwoo)).balance, 2_000);
  await refused(api.tx.sCoin.convert(MERCHANT, 1, ref('x')), jiwoo, 'sCoin.NotAConverter');
});

step('5. unused mileage expires and anyone may burn it', { timeout: 120_000 }, async () => {
  const { alice } = accounts;
  // Periods of 5 blocks, mileage lasting one more: a reward now expires within 10 blocks.
  await sudo(api.tx.sCoin.setExpiryPolicy(5, 1));
  const { events } = await dispatched(api.tx.sCoin.reward(jiwoo.address, 300, POLL_ANSWERED, ref('poll 2026-12')), alice, 'reward');
  const expiresAt = findEvents(events, 'sCoin', 'Rewarded')[0].data.expiresAt.toNumber();
  const before = await scoinBalance(jiwoo);
  assert.equal(before.balance, 2_300);
  // Soonest to expire first: the new reward, under the short policy, before the older mileage.
  assert.deepEqual(before.expiring, [{ amount: 300, expiresAt }, { amount: 2_000, expiresAt: 60 * 30 * 43_200 }]);

  await refused(api.tx.sCoin.expire(jiwoo.address), alice, 'sCoin.NothingExpired');
  await waitForBlock(api, expiresAt, 60_000);
  const after = await scoinBalance(jiwoo);
  assert.equal(after.expired, 300, 'the new reward has expired; the older mileage lasts five years');
  assert.equal(after.balance, 2_000);

  const { events: burnt } = await dispatched(api.tx.sCoin.expire(jiwoo.address), alice, 'expire');
  assert.equal(findEvents(burnt, 'sCoin', 'Expired')[0].data.amount.toNumber(), 300);
  assert.equal((await api.query.sCoin.expiredTotal()).toNumber(), 300);
  assert.equal(await freeBalance(jiwoo), 2_000);
  await sudo(api.tx.sCoin.setExpiryPolicy(30 * 43_200, 59));
});

step('6. a bank mints KRW against a deposit; the employer pays wages on; the city freezes fraud', { timeout: 120_000 }, async () => {
  const { charlie, dave, alice } = accounts;
  const { events } = await dispatched(api.tx.depositToken.mint(dave.address, 3_000_000, ref('deposit: Mangwon Market Grocery 2026-11-23')), charlie, 'mint');
  const [minted] = findEvents(events, 'depositToken', 'Minted');
  assert.equal(minted.data.bank.toNumber(), 2);
  assert.equal(await krw(dave), 3_000_000);
  const metadata = await api.query.assets.metadata(KRW);
  assert.equal(metadata.symbol.toUtf8(), 'KRW');

  await dispatched(api.tx.depositToken.transfer(jiwoo.address, 2_100_000), dave, 'wages');
  assert.equal(await krw(jiwoo), 2_100_000);
  assert.deepEqual(await tokenAccount(jiwoo), { balance: 2_100_000, frozen: false });
  assert.equal(await krw(dave), 900_000);

  await refused(api.tx.depositToken.mint(dave.address, 1, ref('x')), dave, 'depositToken.NotBank');
  await refused(api.tx.depositToken.transfer(stranger.address, 1), dave, 'depositToken.NotAdmitted');
  // pallet-assets' own calls are filtered, and refused at the pool: the token's rules are
  // DepositToken's.
  await refusedByPool(api.tx.assets.transfer(KRW, jiwoo.address, 1), dave, CALL_NOT_ALLOWED, 'assets.transfer');

  await sudo(api.tx.depositToken.freeze(jiwoo.address, ref('fraud case 2026-113')));
  assert.deepEqual(await tokenAccount(jiwoo), { balance: 2_100_000, frozen: true });
  await refused(api.tx.depositToken.transfer(dave.address, 1), jiwoo, 'depositToken.AccountFrozen');
  await sudo(api.tx.depositToken.thaw(jiwoo.address));
  await dispatched(api.tx.depositToken.transfer(charlie.address, 100_000), jiwoo, 'to the bank, for redemption');
  const { events: burntEvents } = await dispatched(api.tx.depositToken.burn(100_000, ref('redemption 88')), charlie, 'burn');
  assert.equal(findEvents(burntEvents, 'depositToken', 'Burnt')[0].data.amount.toNumber(), 100_000);
  assert.deepEqual((await api.query.depositToken.bankTotals(2)).toJSON(), { minted: 3_000_000, burnt: 100_000 });
  assert.equal((await api.query.assets.asset(KRW)).unwrap().supply.toNumber(), 2_900_000);
  assert.deepEqual(await rpc(node.httpUrl, 'depositToken_bank', [2]), { minted: 3_000_000, burnt: 100_000, supply: 2_900_000 });
  await refused(api.tx.depositToken.burn(1, ref('x')), alice, 'depositToken.NotBank');
});

step('7. anyone audits S-coin: issued per issuer and reason, spent per use, converted, expired', { timeout: 30_000 }, async () => {
  const audit = await rpc(node.httpUrl, 'scoin_audit', []);
  assert.deepEqual(audit, {
    issued: [
      { issuer: CITY, reason: POLL_ANSWERED, amount: 5_300 },
      { issuer: GANGNAM_OFFICE, reason: 1, amount: 100 },
    ],
    spent: [
      { use: 'ZeroPay', amount: 1_200 },
      { use: 'TransitTopUp', amount: 1_000 },
      { use: 'Donation', amount: 0 },
      { use: 'LocalTax', amount: 400 },
      { use: 'SolarPower', amount: 0 },
    ],
    converted: [{ converter: TRANSIT, amount: 500 }],
    expired: 300,
  });
  const fromApi = await api.call.sCoinApi.audit();
  assert.equal(fromApi.expired.toNumber(), 300, 'the runtime API agrees');
  assert.deepEqual(fromApi.spent.map(([use, amount]) => [use.type, amount.toNumber()]), audit.spent.map((s) => [s.use, s.amount]));
});
