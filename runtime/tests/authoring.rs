//! Block authoring in batches (`seoul_primitives::BatchBlockBuilder`): a batch builds the same
//! block state as the basic block builder's one call per transaction, each rolled back if it is
//! not valid, and stops where the block is full.

mod common;

use common::{
	dev_chain,
	shapes::{derivative_of, dev_chain_with_small_quota, every_shape},
	signed_with_nonce,
};
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
