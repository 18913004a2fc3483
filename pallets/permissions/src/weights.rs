//! Weights for `pallet_permissions`. Replaced by `scripts/weights.sh permissions`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_permissions`.
pub trait WeightInfo {
	fn set_quota() -> Weight;
	fn suspend_account() -> Weight;
	fn resume_account() -> Weight;
	fn check_permission() -> Weight;
	fn check_nonce_and_quota() -> Weight;
}

/// Weights for `pallet_permissions` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_quota() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn suspend_account() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(1_u64, 1_u64))
	}
	fn resume_account() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(1_u64, 1_u64))
	}
	fn check_permission() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().reads(4_u64))
	}
	fn check_nonce_and_quota() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(6_u64, 2_u64))
	}
}

// For tests: ParityDB's defaults.
impl WeightInfo for () {
	fn set_quota() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn suspend_account() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(ParityDbWeight::get().reads_writes(1_u64, 1_u64))
	}
	fn resume_account() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(ParityDbWeight::get().reads_writes(1_u64, 1_u64))
	}
	fn check_permission() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(ParityDbWeight::get().reads(4_u64))
	}
	fn check_nonce_and_quota() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(ParityDbWeight::get().reads_writes(6_u64, 2_u64))
	}
}
