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
fn the_permission_check_stands_just_after_the_senders_check() {
	let identifiers: Vec<&str> =
		<TxExtension as sp_runtime::traits::TransactionExtension<RuntimeCall>>::metadata()
			.into_iter()
			.map(|m| m.identifier)
			.collect();
	let permission = identifiers.iter().position(|i| *i == "CheckPermission").unwrap();
	// `CheckSender`, whose identifier is `CheckNonce`: the sender is admitted before its call
	// is walked.
	assert_eq!(identifiers[permission - 1], "CheckNonce", "{identifiers:?}");
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
	// A remark asks whether its sender is a citizen (whose remarks are bounded).
	assert_eq!(weight(remark()), walk + citizen_read);
	// A proxy acts for the real account: one admission.
	assert_eq!(weight(proxy(&DaveStash, pay())), walk + Weights::admission());
	// A transfer asks whether its sender and its recipient are citizens, however nested.
	let batch: RuntimeCall = pallet_utility::Call::batch_all {
		calls: vec![transfer(&EveStash), proxy(&DaveStash, transfer(&EveStash)), remark()],
	}
	.into();
	assert_eq!(weight(batch), walk + citizen_read * 5 + Weights::admission());
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
		// Nor does S-coin reach a citizen by a transfer: an organization rewards through
		// `sCoin.reward`, out of its budget.
		assert_eq!(
			validate(signed(&Alice.pair(), transfer(&EveStash))),
			custom(codes::CALL_NOT_ALLOWED)
		);
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

/// `call` nested `depth` times in `utility.asDerivative`.
fn nested(call: RuntimeCall, depth: u32) -> RuntimeCall {
	(0..depth).fold(call, |call, _| {
		pallet_utility::Call::as_derivative { index: 0, call: Box::new(call) }.into()
	})
}

#[test]
fn calls_nest_at_most_max_call_depth_levels() {
	use seoul_runtime::configs::MAX_CALL_DEPTH;
	dev_chain().execute_with(|| {
		let dave = Sr25519Keyring::Dave.pair();
		assert_eq!(validate(signed(&dave, nested(remark(), MAX_CALL_DEPTH))), Ok(()));
		assert_eq!(
			validate(signed(&dave, nested(remark(), MAX_CALL_DEPTH + 1))),
			custom(codes::TOO_DEEP)
		);
		// Every kind of nesting counts: a proxy, a multisig, sudo, a batch, a council motion.
		let multisig = |call| -> RuntimeCall {
			pallet_multisig::Call::as_multi_threshold_1 {
				other_signatories: vec![Sr25519Keyring::Bob.to_account_id()],
				call: Box::new(call),
			}
			.into()
		};
		let sudo =
			|call| -> RuntimeCall { pallet_sudo::Call::sudo { call: Box::new(call) }.into() };
		let batch =
			|call| -> RuntimeCall { pallet_utility::Call::batch { calls: vec![call] }.into() };
		let motion = |call| -> RuntimeCall {
			pallet_collective::Call::execute {
				proposal: Box::new(pallet_city_council::Motion(call)),
				length_bound: u32::MAX,
			}
			.into()
		};
		let deep =
			sudo(batch(motion(multisig(proxy(&Sr25519Keyring::Ferdie, nested(remark(), 2))))));
		assert_eq!(validate(signed(&Sr25519Keyring::Alice.pair(), deep)), custom(codes::TOO_DEEP));
	});
}

#[test]
fn a_call_too_deep_is_refused_before_the_accounts_it_names_are_looked_up() {
	dev_chain().execute_with(|| {
		// Ferdie, unknown, is the real account of the outermost proxy.
		let deep = proxy(&Sr25519Keyring::Ferdie, nested(remark(), 254));
		assert_eq!(validate(signed(&Sr25519Keyring::Dave.pair(), deep)), custom(codes::TOO_DEEP));
		let shallow = proxy(&Sr25519Keyring::Ferdie, nested(remark(), 1));
		assert_eq!(
			validate(signed(&Sr25519Keyring::Dave.pair(), shallow)),
			custom(codes::UNKNOWN_ACCOUNT)
		);
	});
}

fn multisig_of(call: RuntimeCall) -> RuntimeCall {
	pallet_multisig::Call::as_multi_threshold_1 {
		other_signatories: vec![Sr25519Keyring::Bob.to_account_id()],
		call: Box::new(call),
	}
	.into()
}

#[test]
fn citizens_use_no_multisig() {
	use Sr25519Keyring::{Bob, Dave, DaveStash};
	dev_chain().execute_with(|| {
		let approve: RuntimeCall = pallet_multisig::Call::approve_as_multi {
			threshold: 2,
			other_signatories: vec![Bob.to_account_id()],
			maybe_timepoint: None,
			call_hash: [0; 32],
			max_weight: Default::default(),
		}
		.into();
		assert_eq!(
			validate(signed(&DaveStash.pair(), approve.clone())),
			custom(codes::CALL_NOT_ALLOWED)
		);
		assert_eq!(
			validate(signed(&DaveStash.pair(), multisig_of(remark()))),
			custom(codes::CALL_NOT_ALLOWED)
		);
		// Through a proxy acting for the citizen, too.
		assert_eq!(
			validate(signed(&Dave.pair(), proxy(&DaveStash, approve.clone()))),
			custom(codes::CALL_NOT_ALLOWED)
		);
		// An organization member approves.
		assert_eq!(validate(signed(&Dave.pair(), approve)), Ok(()));
	});
}

#[test]
fn a_citizens_remark_is_bounded() {
	use seoul_runtime::configs::MAX_CITIZEN_REMARK;
	use Sr25519Keyring::{Dave, DaveStash};
	let remark_of = |len: usize| -> RuntimeCall {
		frame_system::Call::remark_with_event { remark: vec![b'x'; len] }.into()
	};
	dev_chain().execute_with(|| {
		assert_eq!(validate(signed(&DaveStash.pair(), remark_of(MAX_CITIZEN_REMARK))), Ok(()));
		assert_eq!(
			validate(signed(&DaveStash.pair(), remark_of(MAX_CITIZEN_REMARK + 1))),
			custom(codes::CALL_NOT_ALLOWED)
		);
		let batch: RuntimeCall =
			pallet_utility::Call::batch { calls: vec![remark_of(MAX_CITIZEN_REMARK + 1)] }.into();
		assert_eq!(validate(signed(&DaveStash.pair(), batch)), custom(codes::CALL_NOT_ALLOWED));
		// Not a citizen: bounded by the block's length alone.
		assert_eq!(validate(signed(&Dave.pair(), remark_of(10 * MAX_CITIZEN_REMARK))), Ok(()));
	});
}

#[test]
fn node_authorization_and_pure_proxies_are_the_authorities() {
	use seoul_runtime::configs::{ProxyType, MAX_NODE_CONNECTIONS};
	use Sr25519Keyring::{Alice, Bob, Dave};
	let node = |byte: u8| sp_core::OpaquePeerId(vec![byte; 38]);
	let claim: RuntimeCall = pallet_node_authorization::Call::claim_node { node: node(1) }.into();
	let connections = |n: usize| -> RuntimeCall {
		pallet_node_authorization::Call::add_connections {
			node: node(1),
			connections: (0..n).map(|i| node(i as u8 + 2)).collect(),
		}
		.into()
	};
	let pure: RuntimeCall =
		pallet_proxy::Call::create_pure { proxy_type: ProxyType::Any, delay: 0, index: 0 }.into();
	dev_chain().execute_with(|| {
		// Dave is an organization member, not a validator nor on the council.
		for call in [claim.clone(), connections(1), pure.clone()] {
			assert_eq!(validate(signed(&Dave.pair(), call)), custom(codes::CALL_NOT_ALLOWED));
		}
		// Alice is the validator, Bob a council member.
		assert_eq!(validate(signed(&Alice.pair(), claim)), Ok(()));
		assert_eq!(validate(signed(&Bob.pair(), connections(MAX_NODE_CONNECTIONS))), Ok(()));
		assert_eq!(validate(signed(&Bob.pair(), pure)), Ok(()));
		assert_eq!(
			validate(signed(&Alice.pair(), connections(MAX_NODE_CONNECTIONS + 1))),
			custom(codes::CALL_NOT_ALLOWED)
		);
	});
}

#[test]
fn calls_the_call_filter_refuses_are_refused_at_the_pool() {
	use Sr25519Keyring::{Alice, Dave};
	let assets: RuntimeCall = pallet_assets::Call::transfer {
		id: seoul_runtime::configs::KRW_ASSET_ID.into(),
		target: MultiAddress::Id(Sr25519Keyring::Bob.to_account_id()),
		amount: 1,
	}
	.into();
	dev_chain().execute_with(|| {
		assert_eq!(validate(signed(&Dave.pair(), assets.clone())), custom(codes::CALL_NOT_ALLOWED));
		let batch: RuntimeCall =
			pallet_utility::Call::batch { calls: vec![remark(), assets.clone()] }.into();
		assert_eq!(validate(signed(&Dave.pair(), batch)), custom(codes::CALL_NOT_ALLOWED));
		assert_eq!(
			validate(signed(&Dave.pair(), multisig_of(assets.clone()))),
			custom(codes::UNKNOWN_ACCOUNT)
		);
		// `sudoAs` dispatches it signed: filtered.
		let sudo_as: RuntimeCall = pallet_sudo::Call::sudo_as {
			who: MultiAddress::Id(Dave.to_account_id()),
			call: Box::new(assets.clone()),
		}
		.into();
		assert_eq!(validate(signed(&Alice.pair(), sudo_as)), custom(codes::CALL_NOT_ALLOWED));
		// Root is not filtered: the city may.
		let sudo: RuntimeCall = pallet_sudo::Call::sudo { call: Box::new(assets) }.into();
		assert_eq!(validate(signed(&Alice.pair(), sudo)), Ok(()));
	});
}

#[test]
fn a_council_member_cannot_move_its_own_seat() {
	use Sr25519Keyring::{Alice, Ferdie};
	let change_key: RuntimeCall =
		pallet_membership::Call::change_key { new: MultiAddress::Id(Ferdie.to_account_id()) }
			.into();
	dev_chain().execute_with(|| {
		// Alice holds the city's seat: moved to Ferdie, it would leave the council.
		assert_eq!(validate(signed(&Alice.pair(), change_key)), custom(codes::CALL_NOT_ALLOWED));
	});
}

#[test]
fn a_citizens_transaction_is_bounded_in_length_and_weight() {
	use Sr25519Keyring::{Dave, DaveStash};
	dev_chain().execute_with(|| {
		let quota =
			pallet_permissions::Quotas::<Runtime>::get(pallet_permissions::AccountKind::Citizen)
				.expect("citizens have a quota");
		// A batch of short remarks, each within the rules, longer in all than a citizen may send.
		let remarks = |count: usize| -> RuntimeCall {
			pallet_utility::Call::batch {
				calls: (0..count)
					.map(|_| frame_system::Call::remark { remark: vec![0; 200] }.into())
					.collect(),
			}
			.into()
		};
		let too_many = quota.max_length as usize / 200 + 1;
		assert_eq!(
			validate(signed(&DaveStash.pair(), remarks(too_many))),
			custom(codes::TOO_LARGE)
		);
		assert_eq!(validate(signed(&DaveStash.pair(), remarks(2))), Ok(()));
		// An organization member sends it.
		assert_eq!(validate(signed(&Dave.pair(), remarks(too_many))), Ok(()));
	});
}

#[test]
fn a_multisig_operation_holds_a_deposit_while_it_is_open() {
	use frame_support::{assert_noop, assert_ok};
	use seoul_runtime::{Balances, Multisig, Registry, RuntimeOrigin};
	use Sr25519Keyring::{Alice, Bob, Dave};
	dev_chain().execute_with(|| {
		frame_system::Pallet::<Runtime>::set_block_number(1);
		let approve = |who: &AccountId| {
			Multisig::approve_as_multi(
				RuntimeOrigin::signed(who.clone()),
				2,
				vec![Bob.to_account_id()],
				None,
				[7; 32],
				Default::default(),
			)
		};
		let dave = Dave.to_account_id();
		assert_ok!(approve(&dave));
		// 1,000 S-coin and 100 for each of the two approvals.
		assert_eq!(Balances::reserved_balance(&dave), 1_200);
		assert_ok!(Multisig::cancel_as_multi(
			RuntimeOrigin::signed(dave.clone()),
			2,
			vec![Bob.to_account_id()],
			pallet_multisig::Multisigs::<Runtime>::get(
				pallet_multisig::Pallet::<Runtime>::multi_account_id(
					&{
						let mut all = vec![dave.clone(), Bob.to_account_id()];
						all.sort();
						all
					},
					2,
				),
				[7; 32],
			)
			.unwrap()
			.when,
			[7; 32],
		));
		assert_eq!(Balances::reserved_balance(&dave), 0);
		// An organization member without S-coin opens none.
		let poor =
			<sp_core::sr25519::Pair as sp_core::Pair>::from_string("//Seoul//clerk", None).unwrap();
		let poor: AccountId = sp_core::Pair::public(&poor).into();
		assert_ok!(Registry::add_member(
			RuntimeOrigin::signed(Alice.to_account_id()),
			0,
			MultiAddress::Id(poor.clone())
		));
		assert_noop!(approve(&poor), pallet_balances::Error::<Runtime>::InsufficientBalance);
	});
}
