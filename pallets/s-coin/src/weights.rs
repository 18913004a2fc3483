//! Weights for `pallet_s_coin`. Placeholder until `scripts/weights.sh s-coin` generates them.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::weights::Weight;

/// The weight functions of `pallet_s_coin`.
pub trait WeightInfo {
	fn set_budget() -> Weight;
	fn pause_issuer() -> Weight;
	fn resume_issuer() -> Weight;
	fn set_expiry_policy() -> Weight;
	fn reward(b: u32) -> Weight;
	fn pay(b: u32) -> Weight;
	fn convert(b: u32) -> Weight;
	fn expire(b: u32) -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_budget() -> Weight {
		Weight::zero()
	}
	fn pause_issuer() -> Weight {
		Weight::zero()
	}
	fn resume_issuer() -> Weight {
		Weight::zero()
	}
	fn set_expiry_policy() -> Weight {
		Weight::zero()
	}
	fn reward(_: u32) -> Weight {
		Weight::zero()
	}
	fn pay(_: u32) -> Weight {
		Weight::zero()
	}
	fn convert(_: u32) -> Weight {
		Weight::zero()
	}
	fn expire(_: u32) -> Weight {
		Weight::zero()
	}
}

impl WeightInfo for () {
	fn set_budget() -> Weight {
		Weight::zero()
	}
	fn pause_issuer() -> Weight {
		Weight::zero()
	}
	fn resume_issuer() -> Weight {
		Weight::zero()
	}
	fn set_expiry_policy() -> Weight {
		Weight::zero()
	}
	fn reward(_: u32) -> Weight {
		Weight::zero()
	}
	fn pay(_: u32) -> Weight {
		Weight::zero()
	}
	fn convert(_: u32) -> Weight {
		Weight::zero()
	}
	fn expire(_: u32) -> Weight {
		Weight::zero()
	}
}
