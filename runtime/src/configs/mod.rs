//! The configuration of every pallet in the runtime, one file per area.

mod accounts;
mod citizen_card;
mod consensus;
mod governance;
mod monetary;
mod network;
mod permissions;
mod registry;
mod system;
mod validator_set;

pub use accounts::ProxyType;
pub use governance::{CityOrigin, CouncilInstance};
pub use system::{RuntimeBlockLength, RuntimeBlockWeights, NORMAL_DISPATCH_RATIO};
