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
