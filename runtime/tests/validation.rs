//! Transaction validation in batches (`seoul_primitives::BatchTransactionQueue`): a batch gives
//! each transaction the result `TaggedTransactionQueue::validate_transaction` gives it on its
//! own, and leaves the state as it found it.

mod common;

use common::{dev_chain, signed_with_nonce};
use pallet_permissions::codes;
use seoul_runtime::{validate_transactions, Executive, Runtime, RuntimeCall, UncheckedExtrinsic};
use sp_keyring::Sr25519Keyring::{Dave, Ferdie};
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidity},
	StateVersion,
};

fn remark(text: &[u8]) -> RuntimeCall {
	frame_system::Call::remark_with_event { remark: text.to_vec() }.into()
}

/// Dave's remarks with nonces 0, 0 again and 1; one whose call was changed after signing; an
/// unknown account's remark.
fn mixed_batch() -> Vec<UncheckedExtrinsic> {
	let mut forged = signed_with_nonce(&Dave.pair(), remark(b"signed"), 2);
	forged.function = remark(b"changed");
	vec![
		signed_with_nonce(&Dave.pair(), remark(b"first"), 0),
		signed_with_nonce(&Dave.pair(), remark(b"same nonce"), 0),
		signed_with_nonce(&Dave.pair(), remark(b"second"), 1),
		forged,
		signed_with_nonce(&Ferdie.pair(), remark(b"stranger"), 0),
	]
}

fn genesis_hash() -> seoul_runtime::Hash {
	frame_system::BlockHash::<Runtime>::get(0)
}

#[test]
fn a_batch_gives_each_transaction_its_own_result() {
	// The same extrinsics (sr25519 signatures are randomized) for both ways.
	let batch = dev_chain().execute_with(mixed_batch);
	// What the pool does without batches: one runtime call each, on a fresh state.
	let one_by_one: Vec<TransactionValidity> = batch
		.iter()
		.map(|extrinsic| {
			dev_chain().execute_with(|| {
				Executive::validate_transaction(
					TransactionSource::External,
					extrinsic.clone(),
					genesis_hash(),
				)
			})
		})
		.collect();
	let batched = dev_chain().execute_with(|| {
		validate_transactions(TransactionSource::External, &batch, genesis_hash())
	});
	assert_eq!(batched, one_by_one);
	// Both nonce-0 remarks are valid and provide the same tag, as they are apart; nonce 1
	// requires that tag; the changed call's signature does not match; the stranger is refused
	// for itself.
	let valid = |i: usize| batched[i].clone().expect("valid");
	assert_eq!(valid(0).provides, valid(1).provides);
	assert!(valid(0).requires.is_empty());
	assert_eq!(valid(2).requires, valid(0).provides);
	assert_eq!(batched[3], Err(InvalidTransaction::BadProof.into()));
	assert_eq!(batched[4], Err(InvalidTransaction::Custom(codes::UNKNOWN_ACCOUNT).into()));
}

#[test]
fn a_batch_leaves_the_state_as_it_found_it() {
	dev_chain().execute_with(|| {
		let batch = mixed_batch();
		let before = sp_io::storage::root(StateVersion::V1);
		validate_transactions(TransactionSource::External, &batch, genesis_hash());
		assert_eq!(sp_io::storage::root(StateVersion::V1), before);
	});
}

#[test]
fn an_empty_batch_validates_nothing() {
	dev_chain().execute_with(|| {
		assert!(validate_transactions(TransactionSource::InBlock, &[], genesis_hash()).is_empty());
	});
}

#[test]
fn every_call_shape_gets_from_a_batch_the_validity_it_gets_alone() {
	use common::shapes::{dev_chain_with_small_quota, every_shape};
	let shapes = dev_chain().execute_with(every_shape);
	let batch: Vec<UncheckedExtrinsic> = shapes.iter().map(|(_, x, _)| x.clone()).collect();
	let alone: Vec<TransactionValidity> = batch
		.iter()
		.map(|extrinsic| {
			dev_chain_with_small_quota().execute_with(|| {
				Executive::validate_transaction(
					TransactionSource::External,
					extrinsic.clone(),
					genesis_hash(),
				)
			})
		})
		.collect();
	let batched = dev_chain_with_small_quota().execute_with(|| {
		validate_transactions(TransactionSource::External, &batch, genesis_hash())
	});
	assert_eq!(batched, alone);
	// What the pool refuses is what the block refuses, the nonce and quota aside (the pool
	// sees each on the genesis state, the block after the transactions before it).
	for ((shape, _, applied), validity) in shapes.iter().zip(&batched) {
		if let Err(refused) = applied {
			if !matches!(
				refused,
				sp_runtime::transaction_validity::TransactionValidityError::Invalid(
					InvalidTransaction::Stale | InvalidTransaction::Custom(codes::RATE_LIMITED)
				)
			) {
				assert_eq!(validity.as_ref().map(|_| ()), Err(refused), "{shape}");
			}
		}
	}
}
