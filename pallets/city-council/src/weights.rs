//! Weights for `pallet_city_council`. Replaced by `scripts/weights.sh city-council`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_city_council`.
pub trait WeightInfo {
	fn enact(m: u32, ) -> Weight;
	fn set_city_seat() -> Weight;
}

/// Weights for `pallet_city_council` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn enact(m: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 1_600)
			.saturating_add(Weight::from_parts(100_000, 32).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
	}
	fn set_city_seat() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For tests: ParityDB's defaults.
impl WeightInfo for () {
	fn enact(m: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 1_600)
			.saturating_add(Weight::from_parts(100_000, 32).saturating_mul(m.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
	}
	fn set_city_seat() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
