//! Weights for `pallet_deposit_token`. Placeholder until `scripts/weights.sh deposit-token`
//! generates them.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::weights::Weight;

/// The weight functions of `pallet_deposit_token`.
pub trait WeightInfo {
	fn mint() -> Weight;
	fn burn() -> Weight;
	fn transfer() -> Weight;
	fn freeze() -> Weight;
	fn thaw() -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn mint() -> Weight {
		Weight::zero()
	}
	fn burn() -> Weight {
		Weight::zero()
	}
	fn transfer() -> Weight {
		Weight::zero()
	}
	fn freeze() -> Weight {
		Weight::zero()
	}
	fn thaw() -> Weight {
		Weight::zero()
	}
}

impl WeightInfo for () {
	fn mint() -> Weight {
		Weight::zero()
	}
	fn burn() -> Weight {
		Weight::zero()
	}
	fn transfer() -> Weight {
		Weight::zero()
	}
	fn freeze() -> Weight {
		Weight::zero()
	}
	fn thaw() -> Weight {
		Weight::zero()
	}
}
