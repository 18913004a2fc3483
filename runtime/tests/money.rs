//! Money rules on every path: what moves money, through each proxy type.

mod common;

use common::dev_chain;
use frame_support::{assert_ok, traits::fungible::Inspect};
use seoul_runtime::{
	configs::{moves_money, ProxyType},
	AccountId, Balances, Proxy, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System,
};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, DaveStash, Ferdie};
use sp_runtime::{DispatchError, DispatchResult, MultiAddress};

fn id(who: Sr25519Keyring) -> MultiAddress<AccountId, ()> {
	MultiAddress::Id(who.to_account_id())
}

fn reference() -> seoul_primitives::Reference {
	Default::default()
}

/// Every call that moves money, with the account it moves money of: the calls a proxy of
/// each type is tested with.
fn money_calls() -> Vec<(&'static str, Sr25519Keyring, RuntimeCall)> {
	use pallet_deposit_token::Call as Krw;
	use pallet_s_coin::Call as SCoin;
	let krw = |call: Krw<Runtime>| RuntimeCall::DepositToken(call);
	let scoin = |call: SCoin<Runtime>| RuntimeCall::SCoin(call);
	vec![
		(
			"balances.transferKeepAlive",
			Dave,
			pallet_balances::Call::transfer_keep_alive { dest: id(Bob), value: 1 }.into(),
		),
		(
			"balances.transferAllowDeath",
			Dave,
			pallet_balances::Call::transfer_allow_death { dest: id(Bob), value: 1 }.into(),
		),
		(
			"balances.transferAll",
			Dave,
			pallet_balances::Call::transfer_all { dest: id(Bob), keep_alive: true }.into(),
		),
		("balances.burn", Dave, pallet_balances::Call::burn { value: 1, keep_alive: true }.into()),
		(
			"sCoin.pay",
			DaveStash,
			scoin(SCoin::pay {
				payee: 3,
				spend: seoul_primitives::SpendUse::ZeroPay,
				amount: 1,
				reference: reference(),
			}),
		),
		(
			"sCoin.convert",
			DaveStash,
			scoin(SCoin::convert { converter: 4, amount: 1, reference: reference() }),
		),
		(
			"sCoin.reward",
			Alice,
			scoin(SCoin::reward {
				citizen: DaveStash.to_account_id(),
				amount: 1,
				reason: 1,
				reference: reference(),
			}),
		),
		(
			"depositToken.mint",
			Charlie,
			krw(Krw::mint { to: Dave.to_account_id(), amount: 1, deposit: reference() }),
		),
		("depositToken.burn", Charlie, krw(Krw::burn { amount: 1, redemption: reference() })),
		("depositToken.transfer", Alice, krw(Krw::transfer { to: Bob.to_account_id(), amount: 1 })),
		(
			"multisig.asMultiThreshold1",
			Dave,
			pallet_multisig::Call::as_multi_threshold_1 {
				other_signatories: vec![Bob.to_account_id()],
				call: Box::new(
					pallet_balances::Call::transfer_keep_alive { dest: id(Bob), value: 1 }.into(),
				),
			}
			.into(),
		),
		(
			"a transfer through another proxy",
			Dave,
			pallet_proxy::Call::proxy {
				real: id(Bob),
				force_proxy_type: None,
				call: Box::new(
					pallet_balances::Call::transfer_keep_alive { dest: id(Ferdie), value: 1 }
						.into(),
				),
			}
			.into(),
		),
		(
			"proxy.createPure",
			Dave,
			pallet_proxy::Call::create_pure { proxy_type: ProxyType::Any, delay: 0, index: 0 }
				.into(),
		),
		(
			"sudo.sudo",
			Alice,
			pallet_sudo::Call::sudo {
				call: Box::new(
					pallet_balances::Call::force_transfer {
						source: id(Bob),
						dest: id(Ferdie),
						value: 1,
					}
					.into(),
				),
			}
			.into(),
		),
		(
			"a transfer in a batch",
			Dave,
			pallet_utility::Call::batch_all {
				calls: vec![
					pallet_balances::Call::transfer_keep_alive { dest: id(Bob), value: 1 }.into()
				],
			}
			.into(),
		),
	]
}

/// `real` appoints Ferdie its proxy of `proxy_type`, and Ferdie dispatches `call` for it.
/// Returns the proxied call's result.
fn through_proxy(real: Sr25519Keyring, proxy_type: ProxyType, call: RuntimeCall) -> DispatchResult {
	System::set_block_number(1);
	assert_ok!(Proxy::add_proxy(
		RuntimeOrigin::signed(real.to_account_id()),
		id(Ferdie),
		proxy_type,
		0
	));
	assert_ok!(Proxy::proxy(
		RuntimeOrigin::signed(Ferdie.to_account_id()),
		id(real),
		None,
		Box::new(call)
	));
	System::events()
		.into_iter()
		.find_map(|record| match record.event {
			RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result }) => Some(result),
			_ => None,
		})
		.expect("the proxy dispatched")
}

/// Whether a batch dispatched by the proxy was interrupted by the proxy's filter.
fn batch_filtered() -> bool {
	let filtered: DispatchError = frame_system::Error::<Runtime>::CallFiltered.into();
	System::events().into_iter().any(|record| {
		matches!(
			record.event,
			RuntimeEvent::Utility(pallet_utility::Event::BatchInterrupted { error, .. })
				if error == filtered
		)
	})
}

#[test]
fn every_money_call_counts_as_moving_money() {
	for (name, _, call) in money_calls() {
		if name == "a transfer in a batch" {
			// The batch itself moves nothing: the proxy's filter stops the transfer inside it.
			assert!(!moves_money(&call), "{name}");
		} else {
			assert!(moves_money(&call), "{name}");
		}
	}
	let remark: RuntimeCall = frame_system::Call::remark { remark: vec![] }.into();
	assert!(!moves_money(&remark));
}

#[test]
fn only_an_any_proxy_moves_money() {
	let filtered: DispatchResult = Err(frame_system::Error::<Runtime>::CallFiltered.into());
	for (name, real, call) in money_calls() {
		for proxy_type in [ProxyType::Any, ProxyType::NonTransfer, ProxyType::Registry] {
			dev_chain().execute_with(|| {
				let balances_before = Balances::balance(&real.to_account_id());
				let result = through_proxy(real, proxy_type, call.clone());
				let stopped = result == filtered || batch_filtered();
				match proxy_type {
					ProxyType::Any => {
						assert!(!stopped, "{name} through {proxy_type:?}: {result:?}")
					},
					_ => {
						assert!(stopped, "{name} through {proxy_type:?}: {result:?}");
						assert_eq!(
							Balances::balance(&real.to_account_id()),
							balances_before,
							"{name} through {proxy_type:?}"
						);
					},
				}
			});
		}
	}
}

mod every_s_coin_is_counted {
	//! S-coin reaches and leaves a citizen's account only through the s-coin pallet's counted
	//! paths: each other route, refused at the pool.

	use super::*;
	use crate::common::{extensions, signed};
	use codec::Encode;
	use pallet_permissions::codes;
	use seoul_runtime::{CitizenCard, Executive, Registry, SignedPayload, UncheckedExtrinsic};
	use sp_keyring::Sr25519Keyring::EveStash;
	use sp_runtime::transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidityError,
	};

	fn validate(uxt: UncheckedExtrinsic) -> Result<(), TransactionValidityError> {
		let genesis = frame_system::BlockHash::<Runtime>::get(0);
		Executive::validate_transaction(TransactionSource::External, uxt, genesis).map(|_| ())
	}

	fn not_allowed() -> Result<(), TransactionValidityError> {
		Err(InvalidTransaction::Custom(codes::CALL_NOT_ALLOWED).into())
	}

	fn transfer(to: Sr25519Keyring) -> RuntimeCall {
		pallet_balances::Call::transfer_keep_alive { dest: id(to), value: 1 }.into()
	}

	#[test]
	fn an_organization_pays_a_citizen_only_through_the_s_coin_pallet() {
		dev_chain().execute_with(|| {
			assert_eq!(validate(signed(&Alice.pair(), transfer(EveStash))), not_allowed());
			let all: RuntimeCall =
				pallet_balances::Call::transfer_all { dest: id(EveStash), keep_alive: false }
					.into();
			assert_eq!(validate(signed(&Alice.pair(), all)), not_allowed());
			// Between organizations, as before.
			assert_eq!(validate(signed(&Alice.pair(), transfer(Bob))), Ok(()));
		});
	}

	#[test]
	fn a_lost_cards_holder_who_is_a_member_still_does_not_transfer() {
		dev_chain().execute_with(|| {
			System::set_block_number(1);
			let stash = DaveStash.to_account_id();
			assert_ok!(Registry::add_member(
				RuntimeOrigin::signed(Alice.to_account_id()),
				0,
				id(DaveStash)
			));
			assert_ok!(CitizenCard::report_lost(RuntimeOrigin::signed(stash.clone()), stash));
			// No longer an active citizen, but a member: admitted, and still a citizen's account.
			assert_eq!(validate(signed(&DaveStash.pair(), transfer(Bob))), not_allowed());
			let burn: RuntimeCall =
				pallet_balances::Call::burn { value: 1, keep_alive: true }.into();
			assert_eq!(validate(signed(&DaveStash.pair(), burn)), not_allowed());
		});
	}

	#[test]
	fn a_citizen_neither_burns_nor_tips() {
		use sp_core::Pair;
		dev_chain().execute_with(|| {
			let burn: RuntimeCall =
				pallet_balances::Call::burn { value: 1, keep_alive: true }.into();
			assert_eq!(validate(signed(&DaveStash.pair(), burn)), not_allowed());
			// A remark with a tip: the tip would burn S-coin outside the counted paths.
			let tipped = |signer: &sp_core::sr25519::Pair| {
				let call: RuntimeCall = frame_system::Call::remark { remark: vec![] }.into();
				let mut ext = extensions(0);
				ext.8 = pallet_permissions::FreeUnlessTipped::from(1);
				let payload = SignedPayload::new(call.clone(), ext.clone()).unwrap();
				let signature = sp_runtime::MultiSignature::Sr25519(
					payload.using_encoded(|bytes| signer.sign(bytes)),
				);
				UncheckedExtrinsic::new_signed(
					call,
					MultiAddress::Id(signer.public().into()),
					signature,
					ext,
				)
			};
			assert_eq!(validate(tipped(&DaveStash.pair())), not_allowed());
			assert_eq!(validate(tipped(&Dave.pair())), Ok(()));
		});
	}
}
