//! Benchmarks of `pallet_session`'s calls, `set_keys` and `purge_keys`, on this runtime.
//!
//! polkadot-sdk's own (`pallet-session-benchmarking`) set up a validator through
//! `pallet_staking`, which this runtime does not have. Here any account may set session keys
//! (`ValidatorIdOf` is the identity), so the benchmarks need no validator: they use the
//! caller's own account, and real keys generated in the benchmark's keystore with their proof
//! of possession.

use alloc::vec::Vec;
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use pallet_session::{Call, NextKeys, Pallet as Session};

/// `pallet_session`'s benchmarks, under the name `pallet_session`.
pub struct Pallet<T: Config>(pallet_session::Pallet<T>);

/// What the benchmarks need of the runtime, whose validators are accounts.
pub trait Config:
	pallet_session::Config<ValidatorId = <Self as frame_system::Config>::AccountId>
{
	/// New session keys, and the proof that `owner` holds their private keys.
	fn keys_and_proof(owner: &Self::AccountId) -> (Self::Keys, Vec<u8>);
}

impl Config for crate::Runtime {
	fn keys_and_proof(owner: &crate::AccountId) -> (crate::SessionKeys, Vec<u8>) {
		let generated = crate::SessionKeys::generate(&owner.encode(), None);
		(generated.keys, generated.proof.encode())
	}
}

/// `who` with session keys set.
fn with_keys<T: Config>(who: &T::AccountId) -> Result<(), BenchmarkError> {
	let (keys, proof) = T::keys_and_proof(who);
	Session::<T>::ensure_can_pay_key_deposit(who)?;
	Session::<T>::set_keys(RawOrigin::Signed(who.clone()).into(), keys, proof)?;
	Ok(())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The worst case replaces keys: besides checking the new keys' owners and their proof,
	/// it removes the owner of each old key. (A first setting instead adds a consumer reference
	/// to the account, one read and one write, against the two removals' two writes.)
	#[benchmark]
	fn set_keys() -> Result<(), BenchmarkError> {
		let who: T::AccountId = whitelisted_caller();
		with_keys::<T>(&who)?;
		let (keys, proof) = T::keys_and_proof(&who);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), keys.clone(), proof);

		assert!(NextKeys::<T>::get(&who) == Some(keys));
		Ok(())
	}

	#[benchmark]
	fn purge_keys() -> Result<(), BenchmarkError> {
		let who: T::AccountId = whitelisted_caller();
		with_keys::<T>(&who)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(NextKeys::<T>::get(&who).is_none());
		Ok(())
	}
}
