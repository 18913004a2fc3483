//! Tests of every call: success with its events and storage, each error, each permission
//! boundary; the freeze seen by other pallets; escrow through the `fungible` interface.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::ItemOf, fungibles},
	PalletId,
};
use sp_core::H256;
use sp_runtime::{traits::BadOrigin, TokenError};

type Krw = ItemOf<Assets, mock::Krw, u64>;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn city() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn reference(n: u8) -> H256 {
	H256::repeat_byte(n)
}

fn krw(who: u64) -> u128 {
	<Assets as fungibles::Inspect<u64>>::balance(KRW, &who)
}

fn supply() -> u128 {
	<Assets as fungibles::Inspect<u64>>::total_issuance(KRW)
}

// ---- mint ----

#[test]
fn a_bank_mints_against_a_deposit() {
	new_test_ext().execute_with(|| {
		assert_ok!(DepositToken::mint(signed(BANK), EMPLOYER, 5_000_000, reference(1)));
		assert_eq!(krw(EMPLOYER), 5_000_000);
		assert_eq!(supply(), 5_000_000);
		assert_eq!(BankTotals::<Test>::get(BANK_ORG), BankTotal { minted: 5_000_000, burnt: 0 });
		assert_eq!(
			events(),
			vec![Event::Minted {
				bank: BANK_ORG,
				to: EMPLOYER,
				amount: 5_000_000,
				deposit: reference(1)
			}]
		);
	});
}

#[test]
fn mint_refusals() {
	new_test_ext().execute_with(|| {
		for who in [EMPLOYER, WORKER, SUSPENDED_BANK, STRANGER] {
			assert_noop!(
				DepositToken::mint(signed(who), EMPLOYER, 1, reference(1)),
				Error::<Test>::NotBank
			);
		}
		assert_noop!(
			DepositToken::mint(RuntimeOrigin::none(), EMPLOYER, 1, reference(1)),
			BadOrigin
		);
		assert_noop!(
			DepositToken::mint(signed(BANK), EMPLOYER, 0, reference(1)),
			Error::<Test>::ZeroAmount
		);
		for who in [STRANGER, SUSPENDED] {
			assert_noop!(
				DepositToken::mint(signed(BANK), who, 1, reference(1)),
				Error::<Test>::NotAdmitted
			);
		}
		assert_ok!(DepositToken::freeze(city(), EMPLOYER, reference(9)));
		assert_noop!(
			DepositToken::mint(signed(BANK), EMPLOYER, 1, reference(1)),
			Error::<Test>::AccountFrozen
		);
	});
}

// ---- burn ----

#[test]
fn a_bank_burns_what_is_redeemed() {
	new_test_ext().execute_with(|| {
		assert_ok!(DepositToken::mint(signed(BANK), WORKER, 300, reference(1)));
		// The worker pays the tokens back to the bank, which pays out won and burns them.
		assert_ok!(DepositToken::transfer(signed(WORKER), BANK, 200));
		assert_ok!(DepositToken::burn(signed(BANK), 200, reference(2)));
		assert_eq!(krw(BANK), 0);
		assert_eq!(supply(), 100);
		assert_eq!(BankTotals::<Test>::get(BANK_ORG), BankTotal { minted: 300, burnt: 200 });
		assert_eq!(
			events().last(),
			Some(&Event::Burnt {
				bank: BANK_ORG,
				from: BANK,
				amount: 200,
				redemption: reference(2)
			})
		);
	});
}

#[test]
fn burn_refusals() {
	new_test_ext().execute_with(|| {
		assert_ok!(DepositToken::mint(signed(BANK), BANK, 10, reference(1)));
		assert_ok!(DepositToken::mint(signed(BANK), WORKER, 10, reference(1)));
		assert_noop!(DepositToken::burn(signed(WORKER), 10, reference(2)), Error::<Test>::NotBank);
		assert_noop!(DepositToken::burn(signed(BANK), 0, reference(2)), Error::<Test>::ZeroAmount);
		assert_noop!(
			DepositToken::burn(signed(BANK), 11, reference(2)),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(DepositToken::freeze(city(), BANK, reference(9)));
		assert_noop!(
			DepositToken::burn(signed(BANK), 1, reference(2)),
			Error::<Test>::AccountFrozen
		);
	});
}

// ---- transfer ----

#[test]
fn an_employer_pays_wages() {
	new_test_ext().execute_with(|| {
		assert_ok!(DepositToken::mint(signed(BANK), EMPLOYER, 3_000_000, reference(1)));
		assert_ok!(DepositToken::transfer(signed(EMPLOYER), WORKER, 2_100_000));
		assert_eq!(krw(EMPLOYER), 900_000);
		assert_eq!(krw(WORKER), 2_100_000);
		assert_eq!(
			events().last(),
			Some(&Event::Transferred { from: EMPLOYER, to: WORKER, amount: 2_100_000 })
		);
		// Citizens may send it on, all of it.
		assert_ok!(DepositToken::transfer(signed(WORKER), CITIZEN, 2_100_000));
		assert_eq!(krw(WORKER), 0);
	});
}

#[test]
fn transfer_refusals() {
	new_test_ext().execute_with(|| {
		assert_ok!(DepositToken::mint(signed(BANK), EMPLOYER, 100, reference(1)));
		let transfer = |from, to, amount| DepositToken::transfer(signed(from), to, amount);
		assert_noop!(transfer(EMPLOYER, STRANGER, 1), Error::<Test>::NotAdmitted);
		assert_noop!(transfer(EMPLOYER, SUSPENDED, 1), Error::<Test>::NotAdmitted);
		assert_noop!(transfer(EMPLOYER, WORKER, 0), Error::<Test>::ZeroAmount);
		assert_noop!(transfer(EMPLOYER, WORKER, 101), Error::<Test>::InsufficientBalance);
		assert_noop!(transfer(WORKER, EMPLOYER, 1), Error::<Test>::InsufficientBalance);
		assert_noop!(transfer(EMPLOYER, EMPLOYER, 1), Error::<Test>::SelfTransfer);
		assert_ok!(DepositToken::freeze(city(), WORKER, reference(9)));
		assert_noop!(transfer(EMPLOYER, WORKER, 1), Error::<Test>::AccountFrozen);
	});
}

// ---- freeze and thaw ----

#[test]
fn the_city_freezes_and_thaws() {
	new_test_ext().execute_with(|| {
		assert_ok!(DepositToken::mint(signed(BANK), EMPLOYER, 100, reference(1)));
		assert_ok!(DepositToken::freeze(city(), EMPLOYER, reference(9)));
		assert_eq!(Frozen::<Test>::get(EMPLOYER), Some(reference(9)));
		assert_eq!(
			events().last(),
			Some(&Event::AccountFrozen { who: EMPLOYER, case: reference(9) })
		);
		assert_noop!(
			DepositToken::transfer(signed(EMPLOYER), WORKER, 1),
			Error::<Test>::AccountFrozen
		);
		// Nothing leaves it through pallet-assets or the `fungible` interface either.
		assert_noop!(
			Assets::transfer(signed(EMPLOYER), KRW, WORKER, 1),
			pallet_assets::Error::<Test>::BalanceLow
		);
		assert_noop!(
			<Krw as frame_support::traits::fungible::Mutate<u64>>::transfer(
				&EMPLOYER,
				&WORKER,
				1,
				frame_support::traits::tokens::Preservation::Expendable
			),
			TokenError::Frozen
		);
		assert_noop!(
			DepositToken::freeze(city(), EMPLOYER, reference(9)),
			Error::<Test>::AccountFrozen
		);

		assert_ok!(DepositToken::thaw(city(), EMPLOYER));
		assert!(!Frozen::<Test>::contains_key(EMPLOYER));
		assert_eq!(events().last(), Some(&Event::AccountThawed { who: EMPLOYER }));
		assert_ok!(DepositToken::transfer(signed(EMPLOYER), WORKER, 1));
		assert_noop!(DepositToken::thaw(city(), EMPLOYER), Error::<Test>::NotFrozen);
	});
}

#[test]
fn freeze_and_thaw_need_the_city() {
	new_test_ext().execute_with(|| {
		assert_noop!(DepositToken::freeze(signed(BANK), EMPLOYER, reference(9)), BadOrigin);
		assert_ok!(DepositToken::freeze(city(), EMPLOYER, reference(9)));
		assert_noop!(DepositToken::thaw(signed(BANK), EMPLOYER), BadOrigin);
	});
}

// ---- escrow for service pallets ----

#[test]
fn service_pallets_keep_escrow_in_sub_accounts() {
	use frame_support::traits::{fungible::Mutate, tokens::Preservation};
	new_test_ext().execute_with(|| {
		assert_ok!(DepositToken::mint(signed(BANK), EMPLOYER, 1_000, reference(1)));
		// A wages pallet escrows contract 7's wages, then pays the worker on pay day.
		let escrow: u64 = seoul_primitives::escrow_account(PalletId(*b"seoul/wg"), 7u32);
		assert_ne!(escrow, EMPLOYER);
		let again: u64 = seoul_primitives::escrow_account(PalletId(*b"seoul/wg"), 7u32);
		// (The runtime's 32-byte accounts hold the pallet id and the escrow id whole; the mock's
		// 8-byte ones only their start, so distinct escrows are checked in the runtime tests.)
		assert_eq!(escrow, again, "the same escrow every time");
		assert_ok!(Krw::transfer(&EMPLOYER, &escrow, 600, Preservation::Expendable));
		assert_eq!(krw(escrow), 600);
		assert_ok!(Krw::transfer(&escrow, &WORKER, 600, Preservation::Expendable));
		assert_eq!(krw(WORKER), 600);
		assert_eq!(krw(escrow), 0);
	});
}

#[test]
fn agencies_ask_an_account_and_a_bank() {
	new_test_ext().execute_with(|| {
		assert_eq!(DepositToken::account(&WORKER), TokenAccount { balance: 0, frozen: false });
		assert_ok!(DepositToken::mint(signed(BANK), WORKER, 70, reference(1)));
		assert_ok!(DepositToken::mint(signed(BANK), BANK, 30, reference(1)));
		assert_ok!(DepositToken::burn(signed(BANK), 20, reference(2)));
		assert_ok!(DepositToken::freeze(city(), WORKER, reference(9)));
		assert_eq!(DepositToken::account(&WORKER), TokenAccount { balance: 70, frozen: true });
		assert_eq!(DepositToken::bank(BANK_ORG), (BankTotal { minted: 100, burnt: 20 }, 80));
		assert_eq!(DepositToken::bank(99), (BankTotal::default(), 80));
	});
}

// ---- the token as service pallets use it ----

#[test]
fn a_bank_burns_only_what_it_has_outstanding() {
	use frame_support::traits::fungible::Mutate;
	new_test_ext().execute_with(|| {
		// Tokens the bank holds that it did not issue (another bank's, here minted outside the
		// bank's books).
		assert_ok!(Krw::mint_into(&BANK, 50));
		assert_noop!(
			DepositToken::burn(signed(BANK), 1, reference(2)),
			Error::<Test>::ExceedsIssued
		);
		assert_ok!(DepositToken::mint(signed(BANK), BANK, 30, reference(1)));
		assert_noop!(
			DepositToken::burn(signed(BANK), 31, reference(2)),
			Error::<Test>::ExceedsIssued
		);
		assert_ok!(DepositToken::burn(signed(BANK), 30, reference(2)));
		assert_eq!(BankTotals::<Test>::get(BANK_ORG).outstanding(), 0);
		assert_noop!(
			DepositToken::burn(signed(BANK), 1, reference(3)),
			Error::<Test>::ExceedsIssued
		);
	});
}

#[test]
fn a_frozen_account_receives_nothing_through_the_fungible_either() {
	use frame_support::traits::{
		fungible::{Inspect, Mutate},
		tokens::{DepositConsequence, Fortitude, Precision, Preservation, Provenance},
	};
	type Guarded = crate::Krw<Test>;
	new_test_ext().execute_with(|| {
		assert_ok!(DepositToken::mint(signed(BANK), EMPLOYER, 100, reference(1)));
		assert_ok!(DepositToken::mint(signed(BANK), WORKER, 100, reference(1)));
		assert_ok!(DepositToken::freeze(city(), WORKER, reference(9)));
		assert_eq!(
			Guarded::can_deposit(&WORKER, 1, Provenance::Extant),
			DepositConsequence::Blocked
		);
		assert_noop!(
			Guarded::transfer(&EMPLOYER, &WORKER, 1, Preservation::Expendable),
			TokenError::Blocked
		);
		assert_noop!(Guarded::mint_into(&WORKER, 1), Error::<Test>::AccountFrozen);
		assert_noop!(
			Guarded::transfer(&WORKER, &EMPLOYER, 1, Preservation::Expendable),
			TokenError::Frozen
		);
		assert_noop!(
			Guarded::burn_from(
				&WORKER,
				1,
				Preservation::Expendable,
				Precision::Exact,
				Fortitude::Force
			),
			TokenError::FundsUnavailable
		);
		assert_eq!(krw(WORKER), 100);
		// Thawed, it receives again.
		assert_ok!(DepositToken::thaw(city(), WORKER));
		assert_ok!(Guarded::transfer(&EMPLOYER, &WORKER, 1, Preservation::Expendable));
		assert_eq!(krw(WORKER), 101);
	});
}
