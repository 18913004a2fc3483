//! Accounts acting together or for others: batches (`pallet-utility`), organizations' shared
//! accounts (`pallet-multisig`) and delegation (`pallet-proxy`).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::{ConstU128, ConstU32, InstanceFilter};
use scale_info::TypeInfo;
use sp_runtime::traits::BlakeTwo256;

use crate::{Balances, OriginCaller, Runtime, RuntimeCall, RuntimeEvent, System};

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = crate::weights::pallet_utility::WeightInfo<Runtime>;
}

// Deposits are zero: admitted accounts transact with a zero balance, and the storage these
// pallets use is bounded per account (signatories, proxies, announcements) and reachable only
// by admitted accounts.
impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = ConstU128<0>;
	type DepositFactor = ConstU128<0>;
	type MaxSignatories = ConstU32<20>;
	type WeightInfo = crate::weights::pallet_multisig::WeightInfo<Runtime>;
	type BlockNumberProvider = System;
}

/// What a proxy may do for the account that appointed it.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	Default,
)]
pub enum ProxyType {
	/// Everything.
	#[default]
	Any,
	/// Everything but moving S-coin.
	NonTransfer,
	/// Managing an organization in the registry (for an organization's admin account).
	Registry,
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => !matches!(call, RuntimeCall::Balances(..)),
			ProxyType::Registry =>
				matches!(call, RuntimeCall::Registry(..) | RuntimeCall::Utility(..)),
		}
	}

	fn is_superset(&self, other: &Self) -> bool {
		match (self, other) {
			(x, y) if x == y => true,
			(ProxyType::Any, _) => true,
			(_, ProxyType::Any) => false,
			(ProxyType::NonTransfer, ProxyType::Registry) => true,
			_ => false,
		}
	}
}

/// Proxies and announcements hold no deposit (above). The benchmarks run with one: the
/// pallet's `poke_deposit` benchmark needs a deposit to adjust, and holding or releasing one is
/// the costlier path of every call, so the weights measured stay an upper bound.
#[cfg(not(feature = "runtime-benchmarks"))]
type ProxyDeposit = ConstU128<0>;
#[cfg(feature = "runtime-benchmarks")]
type ProxyDeposit = ConstU128<1>;

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDeposit;
	type ProxyDepositFactor = ProxyDeposit;
	type MaxProxies = ConstU32<32>;
	type WeightInfo = crate::weights::pallet_proxy::WeightInfo<Runtime>;
	type MaxPending = ConstU32<32>;
	type CallHasher = BlakeTwo256;
	type AnnouncementDepositBase = ProxyDeposit;
	type AnnouncementDepositFactor = ProxyDeposit;
	type BlockNumberProvider = System;
}
