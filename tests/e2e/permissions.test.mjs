// Account permissioning and rate limits (issue 3, scenario f), end to end against one development
// node (`--dev`), with polkadot-js signing as it does for any chain: no custom extension setup.
//
// The development genesis knows Alice (validator, council, sudo), Bob and Charlie (council),
// Dave and Alice's stash (organization members). Eve and Ferdie have S-coin but are not known.
// Refusals happen at submission: the RPC answers `1010: Invalid Transaction: Custom error: <n>`
// with the codes of `pallet_permissions::codes` (docs/permissions.md).

import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';

import { refusedByPool, sharedDevNode, signAndWait, sudo as sudoAs } from './lib/node.mjs';

/** `pallet_permissions::codes`. */
const UNKNOWN_ACCOUNT = 1;
const SUSPENDED = 2;
const RATE_LIMITED = 4;
const TOO_LARGE = 7;

let api;
let accounts;
const { step } = sharedDevNode((started) => ({ api, accounts } = started));

const assertRefused = (tx, signer, code, what) => refusedByPool(tx, signer, code, what);
/** A stored quota's fields, to pass back to `permissions.setQuota`. */
const quotaOf = (quota) => ({
  transactions: quota.transactions,
  window: quota.window,
  maxLength: quota.maxLength,
  maxWeight: quota.maxWeight,
});
const sudo = (call) => sudoAs(api, accounts.alice, call);

const remark = (text) => api.tx.system.remark(text);

step('1. polkadot-js signs with the permission extensions and no custom setup', { timeout: 60_000 }, async () => {
  const extensions = api.registry.signedExtensions;
  const permission = extensions.indexOf('CheckPermission');
  const nonce = extensions.indexOf('CheckNonce');
  assert.ok(permission >= 0, `CheckPermission in ${extensions}`);
  assert.equal(permission, nonce + 1, `CheckPermission stands just after CheckNonce in ${extensions}`);
  const { dispatchError } = await signAndWait(remark('hello'), accounts.dave);
  assert.equal(dispatchError, undefined, 'an organization member transacts');
});

step('2. an unknown account is refused at submission with its own code', { timeout: 60_000 }, async () => {
  const { ferdie } = accounts;
  const before = (await api.query.system.account(ferdie.address)).nonce.toNumber();
  // Ferdie holds S-coin: the refusal is not about funds.
  assert.ok((await api.query.system.account(ferdie.address)).data.free.toBigInt() > 0n);
  await assertRefused(remark('hi'), ferdie, UNKNOWN_ACCOUNT, 'Ferdie');
  await assertRefused(api.tx.balances.transferKeepAlive(accounts.alice.address, 1), ferdie, UNKNOWN_ACCOUNT, 'Ferdie transferring');
  assert.equal((await api.query.system.account(ferdie.address)).nonce.toNumber(), before, 'nonce unchanged');

  // A fresh account with nothing at all gets the same code, not the nonce check's "no provider".
  const stranger = new Keyring({ type: 'sr25519' }).addFromUri('//Stranger');
  await assertRefused(remark('hi'), stranger, UNKNOWN_ACCOUNT, 'a fresh account');
});

step('3. calls nested in utility, proxy and sudo are ruled on for the accounts they act for', { timeout: 60_000 }, async () => {
  const { alice, dave, ferdie } = accounts;
  const asFerdie = api.tx.proxy.proxy(ferdie.address, null, remark('as Ferdie'));
  await assertRefused(asFerdie, dave, UNKNOWN_ACCOUNT, 'a proxy call for Ferdie');
  await assertRefused(api.tx.utility.batch([remark('ok'), asFerdie]), dave, UNKNOWN_ACCOUNT, 'the same, in a batch');
  await assertRefused(api.tx.sudo.sudoAs(ferdie.address, remark('as Ferdie')), alice, UNKNOWN_ACCOUNT, 'sudo_as Ferdie');
});

step('4. a suspended account is refused until the city resumes it', { timeout: 90_000 }, async () => {
  const { dave } = accounts;
  await sudo(api.tx.permissions.suspendAccount(dave.address));
  await assertRefused(remark('suspended'), dave, SUSPENDED, 'suspended Dave');
  await sudo(api.tx.permissions.resumeAccount(dave.address));
  const { dispatchError } = await signAndWait(remark('back'), dave);
  assert.equal(dispatchError, undefined, 'resumed Dave transacts');
});

step('5. a burst of consecutive nonces beyond the quota is refused at submission', { timeout: 120_000 }, async (t) => {
  // Alice's stash: an organization member that has never transacted, so no window is running.
  const { aliceStash } = accounts;
  const QUOTA = 5;
  const BURST = 8;
  const genesis = (await api.query.permissions.quotas('Organization')).unwrap();
  await sudo(api.tx.permissions.setQuota('Organization', { ...quotaOf(genesis), transactions: QUOTA, window: 300 }));
  try {
    const first = (await api.rpc.system.accountNextIndex(aliceStash.address)).toNumber();
    // Pre-signed, then submitted all at once: the pool sees only the chain state.
    const signed = [];
    for (let i = 0; i < BURST; i += 1) {
      signed.push(await remark(`burst ${i}`).signAsync(aliceStash, { nonce: first + i, era: 0 }));
    }
    const results = await Promise.allSettled(signed.map((tx) => api.rpc.author.submitExtrinsic(tx)));
    const accepted = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected');
    t.diagnostic(`burst of ${BURST}: ${accepted} accepted, ${refused.length} refused`);
    assert.equal(accepted, QUOTA, 'the quota is accepted');
    results.forEach((r, i) => {
      if (i < QUOTA) assert.equal(r.status, 'fulfilled', `nonce ${first + i} accepted`);
      else assert.match(r.reason.message, new RegExp(`Custom error: ${RATE_LIMITED}\\b`), `nonce ${first + i} refused`);
    });
    // The accepted ones are included.
    const deadline = Date.now() + 30_000;
    while ((await api.query.system.account(aliceStash.address)).nonce.toNumber() < first + QUOTA) {
      assert.ok(Date.now() < deadline, 'the accepted transactions are included within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // Still within the window: the next one is refused too.
    await assertRefused(remark('one more'), aliceStash, RATE_LIMITED, 'past the quota, same window');
  } finally {
    await sudo(api.tx.permissions.setQuota('Organization', quotaOf(genesis)));
  }
});

step('5b. a transaction longer than its sender\'s quota allows is refused at submission', { timeout: 60_000 }, async () => {
  const { dave } = accounts;
  const genesis = (await api.query.permissions.quotas('Organization')).unwrap();
  await sudo(api.tx.permissions.setQuota('Organization', { ...quotaOf(genesis), maxLength: 1024 }));
  try {
    await assertRefused(remark('x'.repeat(2048)), dave, TOO_LARGE, 'a 2 KiB remark');
    const { dispatchError } = await signAndWait(remark('short'), dave);
    assert.equal(dispatchError, undefined, 'a short one goes through');
  } finally {
    await sudo(api.tx.permissions.setQuota('Organization', quotaOf(genesis)));
  }
});

step('6. an admitted account with zero balance transacts', { timeout: 60_000 }, async () => {
  const { alice } = accounts;
  const member = new Keyring({ type: 'sr25519' }).addFromUri('//Seoul//zero-balance-member');
  // Alice (admin of organization 0) adds a fresh account as a member: it gets a provider reference.
  const added = await signAndWait(api.tx.registry.addMember(0, member.address), alice);
  assert.equal(added.dispatchError, undefined, 'registry.addMember');
  const account = await api.query.system.account(member.address);
  assert.equal(account.data.free.toBigInt(), 0n, 'no S-coin');
  const info = await remark('no fee').paymentInfo(member);
  assert.equal(info.partialFee.toBigInt(), 0n, 'paymentInfo: zero fee');
  const { dispatchError } = await signAndWait(remark('no fee'), member);
  assert.equal(dispatchError, undefined, 'it transacts');
});

step('7. a new council member with zero balance transacts', { timeout: 60_000 }, async () => {
  const member = new Keyring({ type: 'sr25519' }).addFromUri('//Seoul//new-council-member');
  await assertRefused(remark('before'), member, UNKNOWN_ACCOUNT, 'not yet a member');
  await sudo(api.tx.councilMembership.addMember(member.address));
  const account = await api.query.system.account(member.address);
  assert.equal(account.providers.toNumber(), 1, 'a provider reference');
  assert.equal(account.data.free.toBigInt(), 0n, 'no S-coin');
  const { dispatchError } = await signAndWait(remark('a member now'), member);
  assert.equal(dispatchError, undefined, 'it transacts');
});
