//! The Seoul Citizen Card: residents, their cards and the city's facilities.

use frame_support::traits::ConstU32;

use crate::{Permissions, Registry, Runtime};

impl pallet_citizen_card::Config for Runtime {
	type Registry = Registry;
	/// Registration and reissue give the account its provider reference, once, for good.
	type Admission = Permissions;
	type MaxNameLength = ConstU32<64>;
	/// Seoul has 25 districts.
	type MaxDistricts = ConstU32<25>;
	type MaxHistory = ConstU32<32>;
	type WeightInfo = pallet_citizen_card::weights::SubstrateWeight<Runtime>;
}
