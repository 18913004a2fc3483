//! Account permissioning in the whole runtime, as the transaction pool asks it
//! (`Executive::validate_transaction`) on the development genesis: the order of the transaction
//! extensions and the refusal of general transactions are properties of the runtime's extension
//! tuple, not of one pallet.

mod common;

use common::{dev_chain, extensions, signed};
use pallet_permissions::codes;
use seoul_runtime::{AccountId, Executive, Runtime, RuntimeCall, TxExtension, UncheckedExtrinsic};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	MultiAddress,
};

fn remark() -> RuntimeCall {
	frame_system::Call::remark { remark: b"hello".to_vec() }.into()
}

fn validate(uxt: UncheckedExtrinsic) -> Result<(), TransactionValidityError> {
	let genesis = frame_system::BlockHash::<Runtime>::get(0);
	Executive::validate_transaction(TransactionSource::External, uxt, genesis).map(|_| ())
}

fn custom(code: u8) -> Result<(), TransactionValidityError> {
	Err(InvalidTransaction::Custom(code).into())
}

#[test]
fn an_organization_member_transacts() {
	dev_chain().execute_with(|| {
		assert_eq!(validate(signed(&Sr25519Keyring::Dave.pair(), remark())), Ok(()));
	});
}

#[test]
fn an_unknown_account_with_s_coin_is_refused() {
	dev_chain().execute_with(|| {
		assert_eq!(
			validate(signed(&Sr25519Keyring::Ferdie.pair(), remark())),
			custom(codes::UNKNOWN_ACCOUNT)
		);
	});
}

#[test]
fn an_account_without_a_provider_gets_the_permission_error_not_the_nonce_checks() {
	use sp_core::Pair;
	dev_chain().execute_with(|| {
		let stranger = sp_core::sr25519::Pair::from_string("//Seoul//stranger", None).unwrap();
		assert_eq!(validate(signed(&stranger, remark())), custom(codes::UNKNOWN_ACCOUNT));
	});
}

#[test]
fn a_general_transaction_without_a_signed_origin_is_refused() {
	dev_chain().execute_with(|| {
		let general = UncheckedExtrinsic::new_transaction(remark(), extensions(0));
		assert_eq!(validate(general), custom(codes::NOT_SIGNED));
	});
}

#[test]
fn the_permission_check_stands_just_before_the_nonce_check() {
	let identifiers: Vec<&str> =
		<TxExtension as sp_runtime::traits::TransactionExtension<RuntimeCall>>::metadata()
			.into_iter()
			.map(|m| m.identifier)
			.collect();
	let permission = identifiers.iter().position(|i| *i == "CheckPermission").unwrap();
	assert_eq!(identifiers[permission + 1], "CheckNonce", "{identifiers:?}");
	assert_eq!(identifiers.iter().filter(|i| **i == "CheckNonce").count(), 1);
}

fn transfer(to: &Sr25519Keyring) -> RuntimeCall {
	pallet_balances::Call::transfer_keep_alive {
		dest: MultiAddress::Id(to.to_account_id()),
		value: 1,
	}
	.into()
}

fn pay() -> RuntimeCall {
	pallet_s_coin::Call::pay {
		payee: 3,
		spend: seoul_primitives::SpendUse::ZeroPay,
		amount: 1,
		reference: Default::default(),
	}
	.into()
}

fn proxy(real: &Sr25519Keyring, call: RuntimeCall) -> RuntimeCall {
	pallet_proxy::Call::proxy {
		real: MultiAddress::Id(real.to_account_id()),
		force_proxy_type: None,
		call: Box::new(call),
	}
	.into()
}

#[test]
fn the_rules_on_calls_are_weighed_by_what_they_read() {
	use pallet_permissions::{CheckPermission, WeightInfo};
	use sp_runtime::traits::TransactionExtension;
	use Sr25519Keyring::{DaveStash, EveStash};
	type Weights = <Runtime as pallet_permissions::Config>::WeightInfo;

	let weight = |call: RuntimeCall| CheckPermission::<Runtime>::new().weight(&call);
	let walk = Weights::check_permission();
	let citizen_read = <Runtime as frame_system::Config>::DbWeight::get().reads(1);
	// A payment acts for its sender alone, whose admission is `CheckSender`'s.
	assert_eq!(weight(pay()), walk);
	assert_eq!(weight(remark()), walk);
	// A proxy acts for the real account: one admission.
	assert_eq!(weight(proxy(&DaveStash, pay())), walk + Weights::admission());
	// A transfer asks whether its sender is a citizen, however nested.
	let batch: RuntimeCall = pallet_utility::Call::batch_all {
		calls: vec![transfer(&EveStash), proxy(&DaveStash, transfer(&EveStash)), remark()],
	}
	.into();
	assert_eq!(weight(batch), walk + citizen_read * 2 + Weights::admission());
}

#[test]
fn citizens_spend_s_coin_only_through_the_s_coin_pallet() {
	use Sr25519Keyring::{Alice, DaveStash, EveStash};
	dev_chain().execute_with(|| {
		// Dave's and Eve's stashes are citizens of the development genesis.
		assert_eq!(
			validate(signed(&DaveStash.pair(), transfer(&EveStash))),
			custom(codes::CALL_NOT_ALLOWED)
		);
		let batch: RuntimeCall =
			pallet_utility::Call::batch { calls: vec![remark(), transfer(&EveStash)] }.into();
		assert_eq!(validate(signed(&DaveStash.pair(), batch)), custom(codes::CALL_NOT_ALLOWED));
		// Not to an organization either: a payment is `sCoin.pay`, counted in the audit totals.
		assert_eq!(
			validate(signed(&DaveStash.pair(), transfer(&Alice))),
			custom(codes::CALL_NOT_ALLOWED)
		);
		assert_eq!(validate(signed(&DaveStash.pair(), pay())), Ok(()));
		// An organization member pays a citizen in S-coin as before.
		assert_eq!(validate(signed(&Alice.pair(), transfer(&EveStash))), Ok(()));
	});
}

#[test]
fn pallet_assets_calls_are_filtered() {
	use frame_support::traits::Contains;
	let call: RuntimeCall = pallet_assets::Call::transfer {
		id: seoul_runtime::configs::KRW_ASSET_ID.into(),
		target: MultiAddress::Id(Sr25519Keyring::Bob.to_account_id()),
		amount: 1,
	}
	.into();
	assert!(!<Runtime as frame_system::Config>::BaseCallFilter::contains(&call));
	assert!(<Runtime as frame_system::Config>::BaseCallFilter::contains(&remark()));
}

#[test]
fn escrow_accounts_are_distinct_per_pallet_and_escrow() {
	use frame_support::PalletId;
	use seoul_primitives::escrow_account;
	let wages: AccountId = escrow_account(PalletId(*b"seoul/wg"), 7u32);
	assert_eq!(wages, escrow_account::<AccountId>(PalletId(*b"seoul/wg"), 7u32));
	assert_ne!(wages, escrow_account::<AccountId>(PalletId(*b"seoul/wg"), 8u32));
	assert_ne!(wages, escrow_account::<AccountId>(PalletId(*b"seoul/tf"), 7u32));
}
