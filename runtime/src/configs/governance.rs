//! Who governs the chain. For now the city origin is Root: on the dev chain, Sudo's key
//! (the only genesis with one) dispatches as Root.

use frame_system::EnsureRoot;

use crate::{AccountId, Runtime, RuntimeCall, RuntimeEvent};

/// The origin that governs the city's chain: registers organizations, grants roles, sets
/// the parameters that law or policy sets.
pub type CityOrigin = EnsureRoot<AccountId>;

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
