//! Weights for `pallet_citizen_card`. Replaced by `scripts/weights.sh citizen-card`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(unused_variables)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_citizen_card`.
pub trait WeightInfo {
	fn register_citizen(h: u32, ) -> Weight;
	fn update_citizen(h: u32, ) -> Weight;
	fn suspend_card(h: u32, ) -> Weight;
	fn resume_card(h: u32, ) -> Weight;
	fn report_lost(h: u32, ) -> Weight;
	fn reissue_card(h: u32, ) -> Weight;
	fn revoke_card(h: u32, ) -> Weight;
	fn register_facility(n: u32, d: u32, ) -> Weight;
	fn update_facility(n: u32, d: u32, ) -> Weight;
	fn set_facility_open() -> Weight;
	fn remove_facility() -> Weight;
}

/// Weights for `pallet_citizen_card` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_citizen(h: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn update_citizen(h: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn suspend_card(h: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn resume_card(h: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn report_lost(h: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn reissue_card(h: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn revoke_card(h: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn register_facility(n: u32, d: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn update_facility(n: u32, d: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn set_facility_open() -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn remove_facility() -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64))
	}
}

// For tests: ParityDB's defaults.
impl WeightInfo for () {
	fn register_citizen(h: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn update_citizen(h: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn suspend_card(h: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn resume_card(h: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn report_lost(h: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn reissue_card(h: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn revoke_card(h: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn register_facility(n: u32, d: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn update_facility(n: u32, d: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn set_facility_open() -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64))
	}
	fn remove_facility() -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(ParityDbWeight::get().reads_writes(4_u64, 4_u64))
	}
}
