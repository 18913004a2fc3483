//! S-coin, the city's mileage: budgets, rewards, allowed spends, conversion and expiry.

use frame_support::traits::ConstU32;

use super::governance::CityOrigin;
use crate::{Balances, CitizenCard, Registry, Runtime};

impl pallet_s_coin::Config for Runtime {
	type Currency = Balances;
	type Registry = Registry;
	type Citizens = CitizenCard;
	type CityOrigin = CityOrigin;
	/// Five years of monthly periods (a lifetime of 59 periods after the month received) fit.
	type MaxBuckets = ConstU32<64>;
	type WeightInfo = pallet_s_coin::weights::SubstrateWeight<Runtime>;
}
