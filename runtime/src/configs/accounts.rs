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

// A multisig operation, which any signatory opens with a new call hash, holds a deposit while it
// is open: each account's open operations are bounded by the S-coin it holds (citizens use no
// multisig: `NestedCalls`). The deposit is reserved from the signatory that opens it and given
// back when the operation is executed or cancelled.
impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	/// 1,000 S-coin an operation, and 100 more for each approval it needs.
	type DepositBase = ConstU128<{ 1_000 * crate::SCOIN }>;
	type DepositFactor = ConstU128<{ 100 * crate::SCOIN }>;
	type MaxSignatories = ConstU32<20>;
	type WeightInfo = crate::weights::pallet_multisig::WeightInfo<Runtime>;
	type BlockNumberProvider = System;
}

/// What a proxy may do for the account that appointed it.
///
/// The types are drawn along what moves money ([`moves_money`]): S-coin, the KRW deposit token,
/// and a multisig's funds through the account's approvals. A proxy's type applies to every
/// call it dispatches, those inside a batch included (pallet-proxy filters the origin).
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
	/// Everything but moving money ([`moves_money`]).
	NonTransfer,
	/// Managing an organization in the registry (for an organization's admin account).
	Registry,
}

/// Whether `call` moves money of the account it is dispatched for, or may: any `balances` call
/// (S-coin held in `Balances`), `sCoin.reward`, `sCoin.pay` and `sCoin.convert`,
/// `depositToken.mint`, `burn` and `transfer` (KRW), `assets` (filtered anyway), any `multisig`
/// call (an approval moves the multisig's funds), a call through another proxy
/// (`proxy.proxy`, `proxyAnnounced`: the other proxy's type, not this one's, would filter it),
/// `proxy.createPure` (an account whose funds this one controls) and any `sudo` call (Root, not
/// filtered).
pub fn moves_money(call: &RuntimeCall) -> bool {
	use pallet_deposit_token::Call as DepositToken;
	use pallet_proxy::Call as Proxy;
	use pallet_s_coin::Call as SCoin;
	matches!(
		call,
		RuntimeCall::Balances(..) |
			RuntimeCall::Assets(..) |
			RuntimeCall::Multisig(..) |
			RuntimeCall::Sudo(..) |
			RuntimeCall::Proxy(
				Proxy::proxy { .. } | Proxy::proxy_announced { .. } | Proxy::create_pure { .. }
			) |
			RuntimeCall::SCoin(SCoin::reward { .. } | SCoin::pay { .. } | SCoin::convert { .. }) |
			RuntimeCall::DepositToken(
				DepositToken::mint { .. } |
					DepositToken::burn { .. } |
					DepositToken::transfer { .. }
			)
	)
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => !moves_money(call),
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

/// Proxies and announcements hold no deposit: an account's proxies and announcements are bounded
/// (`MaxProxies`, `MaxPending`), and pure proxies, which are new accounts, are the authorities'
/// only (`NestedCalls`). The benchmarks run with one: the
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
