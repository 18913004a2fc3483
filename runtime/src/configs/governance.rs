//! Who governs the chain: the city origin.
//!
//! The city origin is Root. Root is reached in two ways:
//! - On the dev chain, through Sudo's key. That is the only genesis with one.
//! - Everywhere, through a council motion `CityCouncil::enact(call)` carried by at least two
//!   thirds of the council, with the city's seat among the ayes (`pallet-city-council`).
//!
//! The council is the city and the operators. Its members are kept by `CouncilMembership`, whose
//! changes are themselves city-origin calls.

use frame_support::{
	parameter_types,
	traits::{ChangeMembers, ConstU32, InitializeMembers},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

use super::system::RuntimeBlockWeights;
use crate::{
	AccountId, Council, Permissions, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, DAYS,
};

/// The origin that governs the city's chain: registers organizations, grants roles, adds
/// validators and nodes, sets the parameters that law or policy sets.
pub type CityOrigin = EnsureRoot<AccountId>;

/// The council's instance of `pallet-collective` and `pallet-membership`.
pub type CouncilInstance = pallet_collective::Instance1;

/// The most seats on the council.
pub type CouncilMaxMembers = ConstU32<16>;

parameter_types! {
	/// A motion stays open for a day; it closes as soon as enough members have voted.
	pub const CouncilMotionDuration: crate::BlockNumber = DAYS;
	/// A motion's call may use at most half a block.
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilInstance> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	/// Motions record themselves while they are dispatched, so that `CityCouncil::enact` knows the
	/// motion that carried it.
	type Proposal = pallet_city_council::Motion<Runtime>;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = ConstU32<32>;
	type MaxMembers = CouncilMaxMembers;
	/// Without a prime member, a member who did not vote counts as a nay.
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = crate::weights::pallet_collective::WeightInfo<Runtime>;
	/// Members change only through `CouncilMembership`. The pallet's benchmarks set them with
	/// this origin, so a benchmarking build opens it to Root.
	#[cfg(not(feature = "runtime-benchmarks"))]
	type SetMembersOrigin = frame_system::EnsureNever<()>;
	#[cfg(feature = "runtime-benchmarks")]
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = CityOrigin;
	type KillOrigin = CityOrigin;
	/// No deposit: only council members propose.
	type Consideration = ();
}

impl pallet_membership::Config<CouncilInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = CityOrigin;
	type RemoveOrigin = CityOrigin;
	type SwapOrigin = CityOrigin;
	type ResetOrigin = CityOrigin;
	type PrimeOrigin = CityOrigin;
	type MembershipInitialized = CouncilMembers;
	type MembershipChanged = CouncilMembers;
	type MaxMembers = CouncilMaxMembers;
	type WeightInfo = crate::weights::pallet_membership::WeightInfo<Runtime>;
}

/// Passes the council's membership on to the collective, and gives every new member a provider
/// reference (`Permissions::admit`), so that a member with no balance can transact.
pub struct CouncilMembers;

impl InitializeMembers<AccountId> for CouncilMembers {
	fn initialize_members(members: &[AccountId]) {
		members.iter().for_each(Permissions::admit);
		Council::initialize_members(members);
	}
}

impl ChangeMembers<AccountId> for CouncilMembers {
	fn change_members_sorted(incoming: &[AccountId], outgoing: &[AccountId], new: &[AccountId]) {
		incoming.iter().for_each(Permissions::admit);
		Council::change_members_sorted(incoming, outgoing, new);
	}

	fn set_prime(prime: Option<AccountId>) {
		Council::set_prime(prime);
	}

	fn get_prime() -> Option<AccountId> {
		Council::get_prime()
	}
}

impl pallet_city_council::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type MotionOrigin =
		pallet_collective::EnsureProportionAtLeast<AccountId, CouncilInstance, 2, 3>;
	type MotionVotes = pallet_city_council::CollectiveVotes<Runtime, CouncilInstance>;
	type CitySeatOrigin = CityOrigin;
	type MaxCouncilMembers = CouncilMaxMembers;
	type WeightInfo = pallet_city_council::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = crate::weights::pallet_sudo::WeightInfo<Runtime>;
}
