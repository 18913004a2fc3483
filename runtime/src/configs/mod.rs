//! The configuration of every pallet in the runtime, one file per area.

mod accounts;
mod citizen_card;
mod consensus;
mod deposit_token;
mod governance;
mod monetary;
mod network;
mod permissions;
mod registry;
mod s_coin;
mod system;
mod validator_set;

pub use accounts::{moves_money, ProxyType};
pub use deposit_token::{krw_owner, KrwToken, KRW_ASSET_ID};
pub use governance::{CityOrigin, CouncilInstance};
pub use permissions::{MAX_CALL_DEPTH, MAX_CITIZEN_REMARK, MAX_NODE_CONNECTIONS};
pub use system::{RuntimeBlockLength, RuntimeBlockWeights, NORMAL_DISPATCH_RATIO};
