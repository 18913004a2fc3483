//! A test runtime: System, Utility (for batches), the council (the real pallet-collective, its
//! motions [`crate::Motion`]s) and this pallet, `u64` accounts. The council is the city
//! (account 1) and three operators (2, 3, 4).

use crate as pallet_city_council;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Utility: pallet_utility,
		Council: pallet_collective::<Instance1>,
		CityCouncil: pallet_city_council,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// The city's seat.
pub const CITY: u64 = 1;
/// The operators' seats.
pub const OPERATORS: [u64; 3] = [2, 3, 4];
/// Not on the council.
impl pallet_utility::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = ();
}

pub const STRANGER: u64 = 9;
/// Blocks a motion stays open.
pub const MOTION_DURATION: u64 = 10;

parameter_types! {
	pub MaxProposalWeight: Weight = Weight::from_parts(1_000_000_000_000, u64::MAX);
}

pub type CouncilInstance = pallet_collective::Instance1;

impl pallet_collective::Config<CouncilInstance> for Test {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = crate::Motion<Test>;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = ConstU64<MOTION_DURATION>;
	type MaxProposals = ConstU32<10>;
	type MaxMembers = ConstU32<10>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = ();
	type SetMembersOrigin = EnsureRoot<u64>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = EnsureRoot<u64>;
	type KillOrigin = EnsureRoot<u64>;
	type Consideration = ();
}

impl pallet_city_council::Config for Test {
	type RuntimeCall = RuntimeCall;
	type MotionOrigin = pallet_collective::EnsureProportionAtLeast<u64, CouncilInstance, 2, 3>;
	type MotionVotes = crate::CollectiveVotes<Test, CouncilInstance>;
	type CitySeatOrigin = EnsureRoot<u64>;
	type MaxCouncilMembers = ConstU32<10>;
	type WeightInfo = ();
}

/// A chain at block 1 with the council of the city and three operators, the city's seat set.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut members = vec![CITY];
	members.extend(OPERATORS);
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		council: pallet_collective::GenesisConfig { members, phantom: Default::default() },
		city_council: pallet_city_council::GenesisConfig { city_seat: Some(CITY) },
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
