//! Block authoring in batches (`seoul_primitives::BatchBlockBuilder`): a batch builds the same
//! block state as the basic block builder's one call per transaction, each rolled back if it is
//! not valid, and stops where the block is full.

mod common;

use common::{dev_chain, signed_with_nonce};
use frame_support::dispatch::DispatchClass;
use pallet_permissions::codes;
use seoul_runtime::{apply_extrinsics, Executive, Header, Runtime, RuntimeCall, System};
use sp_keyring::Sr25519Keyring::{Dave, Ferdie};
use sp_runtime::{
	traits::Header as _,
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	ApplyExtrinsicResult, StateVersion,
};

fn remark(text: &[u8]) -> RuntimeCall {
	frame_system::Call::remark_with_event { remark: text.to_vec() }.into()
}

/// Block 1 on the development genesis, initialized as the proposer initializes it.
fn in_block_one<R>(test: impl FnOnce() -> R) -> R {
	dev_chain().execute_with(|| {
		let genesis = frame_system::BlockHash::<Runtime>::get(0);
		Executive::initialize_block(&Header::new(
			1,
			Default::default(),
			Default::default(),
			genesis,
			Default::default(),
		));
		test()
	})
}

/// Dave's remarks with nonces 0 and 1, a replay of nonce 0 between them (stale once the first
/// is in), and an unknown account's remark.
fn mixed_batch() -> Vec<seoul_runtime::UncheckedExtrinsic> {
	vec![
		signed_with_nonce(&Dave.pair(), remark(b"first"), 0),
		signed_with_nonce(&Dave.pair(), remark(b"replayed"), 0),
		signed_with_nonce(&Dave.pair(), remark(b"second"), 1),
		signed_with_nonce(&Ferdie.pair(), remark(b"stranger"), 0),
	]
}

fn invalid(e: InvalidTransaction) -> ApplyExtrinsicResult {
	Err(TransactionValidityError::Invalid(e))
}

#[test]
fn a_batch_applies_the_valid_and_leaves_out_the_rest() {
	in_block_one(|| {
		let results = apply_extrinsics(&mixed_batch());
		assert_eq!(
			results,
			vec![
				Ok(Ok(())),
				invalid(InvalidTransaction::Stale),
				Ok(Ok(())),
				invalid(InvalidTransaction::Custom(codes::UNKNOWN_ACCOUNT)),
			]
		);
		// Two extrinsics in the block, at indexes 0 and 1: the refused ones left no trace.
		assert_eq!(System::account_nonce(Dave.to_account_id()), 2);
		assert_eq!(frame_system::Pallet::<Runtime>::extrinsic_index(), Some(2));
		let remarks = System::events()
			.into_iter()
			.filter(|record| {
				matches!(
					record.event,
					seoul_runtime::RuntimeEvent::System(frame_system::Event::Remarked { .. })
				)
			})
			.count();
		assert_eq!(remarks, 2);
	});
}

#[test]
fn a_batch_builds_the_state_that_one_call_each_builds() {
	// The same extrinsics (sr25519 signatures are randomized) for both ways.
	let batch = dev_chain().execute_with(mixed_batch);
	// What the basic block builder does: each extrinsic in a storage transaction of the node's
	// overlay, committed if applied and rolled back if not.
	let one_by_one = in_block_one(|| {
		for extrinsic in batch.clone() {
			sp_io::storage::start_transaction();
			if Executive::apply_extrinsic(extrinsic).is_ok() {
				sp_io::storage::commit_transaction();
			} else {
				sp_io::storage::rollback_transaction();
			}
		}
		sp_io::storage::root(StateVersion::V1)
	});
	let batched = in_block_one(|| {
		apply_extrinsics(&batch);
		sp_io::storage::root(StateVersion::V1)
	});
	assert_eq!(batched, one_by_one);
}

#[test]
fn a_batch_stops_at_the_first_extrinsic_the_block_has_no_room_for() {
	in_block_one(|| {
		let limits: frame_system::limits::BlockWeights =
			<Runtime as frame_system::Config>::BlockWeights::get();
		let normal = limits.get(DispatchClass::Normal).max_total.unwrap();
		// The normal class is full but for a sliver.
		System::register_extra_weight_unchecked(
			normal.saturating_sub(*System::block_weight().get(DispatchClass::Normal))
				- frame_support::weights::Weight::from_parts(1_000, 0),
			DispatchClass::Normal,
		);
		let batch = vec![
			signed_with_nonce(&Dave.pair(), remark(b"first"), 0),
			signed_with_nonce(&Dave.pair(), remark(b"second"), 1),
		];
		assert_eq!(apply_extrinsics(&batch), vec![invalid(InvalidTransaction::ExhaustsResources)]);
		assert_eq!(System::account_nonce(Dave.to_account_id()), 0);
		assert_eq!(frame_system::Pallet::<Runtime>::extrinsic_index(), Some(0));
	});
}

#[test]
fn an_empty_batch_applies_nothing() {
	in_block_one(|| {
		assert!(apply_extrinsics(&[]).is_empty());
		assert_eq!(frame_system::Pallet::<Runtime>::extrinsic_index(), Some(0));
	});
}

/// `call` nested `depth` times in `utility.asDerivative`.
fn derivative_of(call: RuntimeCall, depth: usize) -> RuntimeCall {
	(0..depth).fold(call, |call, _| {
		pallet_utility::Call::as_derivative { index: 0, call: Box::new(call) }.into()
	})
}

/// What the basic block builder does with each extrinsic (`sc_block_builder`): one
/// `Executive::apply_extrinsic` in a storage transaction of the node's overlay, kept if it was
/// applied and rolled back if not.
fn apply_one_by_one(extrinsics: &[seoul_runtime::UncheckedExtrinsic]) -> Vec<ApplyExtrinsicResult> {
	extrinsics
		.iter()
		.map(|extrinsic| {
			sp_io::storage::start_transaction();
			let result = Executive::apply_extrinsic(extrinsic.clone());
			if result.is_ok() {
				sp_io::storage::commit_transaction();
			} else {
				sp_io::storage::rollback_transaction();
			}
			result
		})
		.collect()
}

#[test]
fn a_call_nested_just_under_frames_limit_gets_the_same_result_batched_as_alone() {
	use codec::{DecodeLimit, Encode};
	// 254 `asDerivative`s around a remark: every dispatch opens one of FRAME's transactional
	// layers, 255 in all, FRAME's limit. It decodes as the block's extrinsics decode.
	let deep = dev_chain()
		.execute_with(|| signed_with_nonce(&Dave.pair(), derivative_of(remark(b"deep"), 254), 0));
	assert!(seoul_runtime::UncheckedExtrinsic::decode_all_with_depth_limit(
		frame_support::MAX_EXTRINSIC_DEPTH,
		&mut &deep.encode()[..],
	)
	.is_ok());
	let batch = vec![deep];
	let alone = in_block_one(|| (apply_one_by_one(&batch), System::events()));
	let batched = in_block_one(|| (apply_extrinsics(&batch), System::events()));
	assert_eq!(batched, alone);
	// And the pool refuses it: no account's call nests that deep.
	assert_eq!(alone.0, vec![invalid(InvalidTransaction::Custom(codes::TOO_DEEP))]);
}

#[test]
fn the_batch_path_opens_no_frame_transactional_layer() {
	use frame_support::storage::{transactional::TRANSACTIONAL_LIMIT, unhashed};
	const LEVEL: &[u8] = b":transaction_level:";
	// FRAME's counter one layer under its limit: a remark's dispatch takes the last layer, and
	// is applied only if the path around it opened none.
	let batch =
		dev_chain().execute_with(|| vec![signed_with_nonce(&Dave.pair(), remark(b"last"), 0)]);
	let at_the_limit =
		|apply: fn(&[seoul_runtime::UncheckedExtrinsic]) -> Vec<ApplyExtrinsicResult>| {
			in_block_one(|| {
				unhashed::put(LEVEL, &(TRANSACTIONAL_LIMIT - 1));
				let results = apply(&batch);
				(results, unhashed::get::<u32>(LEVEL), System::events())
			})
		};
	let alone = at_the_limit(apply_one_by_one);
	assert_eq!(alone.0, vec![Ok(Ok(()))]);
	assert_eq!(at_the_limit(apply_extrinsics), alone);
}

/// The development genesis with the citizens' quota at two transactions a window, so that a
/// citizen's third is rate limited.
fn dev_chain_with_small_quota() -> sp_io::TestExternalities {
	let mut chain = dev_chain();
	chain.execute_with(|| {
		pallet_permissions::Quotas::<Runtime>::mutate(
			pallet_permissions::AccountKind::Citizen,
			|quota| quota.as_mut().expect("citizens have a quota").transactions = 2,
		);
	});
	chain.commit_all().unwrap();
	chain
}

/// Block 1's header before execution: its parent, number and Aura's pre-runtime digest for
/// slot 1.
fn block_one_header() -> Header {
	use codec::Encode;
	let digest = sp_runtime::Digest {
		logs: vec![sp_runtime::DigestItem::PreRuntime(
			sp_consensus_aura::AURA_ENGINE_ID,
			sp_consensus_aura::Slot::from(1u64).encode(),
		)],
	};
	Header::new(
		1,
		Default::default(),
		Default::default(),
		frame_system::BlockHash::<Runtime>::get(0),
		digest,
	)
}

/// One extrinsic of every shape the chain's blocks hold, in the order they stand in the block,
/// with the result `Executive::apply_extrinsic` gives each there, written out by hand.
fn every_shape() -> Vec<(&'static str, seoul_runtime::UncheckedExtrinsic, ApplyExtrinsicResult)> {
	use sp_keyring::Sr25519Keyring::{Alice, Bob, DaveStash, EveStash};
	use sp_runtime::{DispatchError, MultiAddress};
	let failing_transfer = || -> RuntimeCall {
		pallet_balances::Call::transfer_keep_alive {
			dest: MultiAddress::Id(Bob.to_account_id()),
			value: u128::MAX / 2,
		}
		.into()
	};
	let batch = |calls| -> RuntimeCall { pallet_utility::Call::batch_all { calls }.into() };
	let add_proxy: RuntimeCall = pallet_proxy::Call::add_proxy {
		delegate: MultiAddress::Id(Alice.to_account_id()),
		proxy_type: seoul_runtime::configs::ProxyType::Any,
		delay: 0,
	}
	.into();
	let by_proxy: RuntimeCall = pallet_proxy::Call::proxy {
		real: MultiAddress::Id(Dave.to_account_id()),
		force_proxy_type: None,
		call: Box::new(remark(b"for Dave")),
	}
	.into();
	let by_multisig: RuntimeCall = pallet_multisig::Call::as_multi_threshold_1 {
		other_signatories: vec![Bob.to_account_id()],
		call: Box::new(remark(b"for the multisig")),
	}
	.into();
	// `batch` stops at its first failing call and refunds the weight of the calls after it.
	let interrupted: RuntimeCall = pallet_utility::Call::batch {
		calls: vec![remark(b"before"), failing_transfer(), remark(b"never")],
	}
	.into();
	let insufficient = Err(DispatchError::Arithmetic(sp_runtime::ArithmeticError::Underflow));
	let xt = signed_with_nonce;
	vec![
		("a remark", xt(&Dave.pair(), remark(b"plain"), 0), Ok(Ok(()))),
		("a batch", xt(&Dave.pair(), batch(vec![remark(b"1"), remark(b"2")]), 1), Ok(Ok(()))),
		("a failing dispatch", xt(&Dave.pair(), failing_transfer(), 2), Ok(insufficient)),
		("a weight-refunding batch", xt(&Dave.pair(), interrupted, 3), Ok(Ok(()))),
		("a proxy added", xt(&Dave.pair(), add_proxy, 4), Ok(Ok(()))),
		("a proxy's call", xt(&Alice.pair(), by_proxy, 0), Ok(Ok(()))),
		(
			"a multisig not admitted",
			xt(&Alice.pair(), by_multisig, 1),
			invalid(InvalidTransaction::Custom(codes::UNKNOWN_ACCOUNT)),
		),
		("a citizen's first", xt(&DaveStash.pair(), remark(b"c1"), 0), Ok(Ok(()))),
		("a citizen's second", xt(&DaveStash.pair(), remark(b"c2"), 1), Ok(Ok(()))),
		(
			"a citizen's third, rate limited",
			xt(&DaveStash.pair(), remark(b"c3"), 2),
			invalid(InvalidTransaction::Custom(codes::RATE_LIMITED)),
		),
		(
			"a stale nonce",
			xt(&Dave.pair(), remark(b"again"), 0),
			invalid(InvalidTransaction::Stale),
		),
		(
			"a stranger",
			xt(&Ferdie.pair(), remark(b"stranger"), 0),
			invalid(InvalidTransaction::Custom(codes::UNKNOWN_ACCOUNT)),
		),
		(
			"a call nested too deep",
			xt(&Dave.pair(), derivative_of(remark(b"deep"), 254), 5),
			invalid(InvalidTransaction::Custom(codes::TOO_DEEP)),
		),
		(
			"a citizen's transfer",
			xt(&EveStash.pair(), failing_transfer(), 0),
			invalid(InvalidTransaction::Custom(codes::CALL_NOT_ALLOWED)),
		),
		("a remark after them all", xt(&Dave.pair(), remark(b"last"), 5), Ok(Ok(()))),
	]
}

#[test]
fn every_call_shape_builds_the_block_importers_execute() {
	use seoul_runtime::{Block, UncheckedExtrinsic};
	let shapes = dev_chain().execute_with(every_shape);
	let extrinsics: Vec<UncheckedExtrinsic> = shapes.iter().map(|(_, x, _)| x.clone()).collect();
	let inherent = UncheckedExtrinsic::new_bare(
		seoul_runtime::TimestampCall::set { now: seoul_runtime::SLOT_DURATION }.into(),
	);

	// Authored as the proposer authors: the inherent alone, then one batch.
	let build = |apply: fn(&[UncheckedExtrinsic]) -> Vec<ApplyExtrinsicResult>| {
		dev_chain_with_small_quota().execute_with(|| {
			Executive::initialize_block(&block_one_header());
			assert_eq!(Executive::apply_extrinsic(inherent.clone()), Ok(Ok(())));
			let results = apply(&extrinsics);
			let events = System::events();
			(results, events, Executive::finalize_block())
		})
	};
	let (results, events, header) = build(apply_extrinsics);
	for ((shape, _, expected), result) in shapes.iter().zip(&results) {
		assert_eq!(result, expected, "{shape}");
	}
	assert_eq!(results.len(), shapes.len());
	// The basic block builder's one call each builds the same block, events and all.
	assert_eq!(build(apply_one_by_one), (results.clone(), events, header.clone()));

	// An importer executes the block on a fresh state: same digest, state root and extrinsics
	// root, or `execute_block` panics.
	let included: Vec<UncheckedExtrinsic> = std::iter::once(inherent)
		.chain(extrinsics.iter().zip(&results).filter(|(_, r)| r.is_ok()).map(|(x, _)| x.clone()))
		.collect();
	assert_eq!(included.len(), 1 + shapes.iter().filter(|(_, _, r)| r.is_ok()).count());
	dev_chain_with_small_quota().execute_with(|| {
		Executive::execute_block(Block { header, extrinsics: included }.into());
	});
}
