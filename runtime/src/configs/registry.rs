//! Organizations, their roles and members: the registry every city service asks.

use frame_support::traits::ConstU32;

use super::governance::CityOrigin;
use crate::Runtime;

impl pallet_registry::Config for Runtime {
	type CityOrigin = CityOrigin;
	type MaxNameLength = ConstU32<64>;
	type MaxRoles = ConstU32<16>;
	type MaxMembers = ConstU32<1_000>;
	type WeightInfo = pallet_registry::weights::SubstrateWeight<Runtime>;
}
