//! Aura authoring, GRANDPA finality and the sessions that rotate their authorities.

use frame_support::traits::{ConstBool, ConstU32, ConstU64};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

use crate::{
	AccountId, Balances, Runtime, RuntimeEvent, SessionKeys, ValidatorSet, SESSION_PERIOD,
};

/// The most validators the network can have.
pub type MaxAuthorities = ConstU32<32>;

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// No equivocation reports: the validators are known organizations, answerable off chain.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

type Period = ConstU32<SESSION_PERIOD>;
type Offset = ConstU32<0>;

/// Sessions end every [`SESSION_PERIOD`] blocks. The validator-set pallet rotates them in its
/// `on_initialize`, weighed by its `rotate_session` benchmark (about a millisecond), instead of
/// pallet-session's own hook, which weighs every rotation at the block's whole maximum weight
/// and so left each session's last block empty of transactions.
pub type SessionRotation = pallet_validator_set::PeriodicRotation<Runtime, Period, Offset>;

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	/// Never: the validator-set pallet rotates sessions ([`SessionRotation`]).
	type ShouldEndSession = pallet_validator_set::NeverEndSession;
	type NextSessionRotation = pallet_session::PeriodicSessions<Period, Offset>;
	/// The validators of the validator-set pallet, added and removed by the city origin.
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = crate::weights::pallet_session::WeightInfo<Runtime>;
	type Currency = Balances;
	/// Operators set their session keys with a zero balance.
	type KeyDeposit = frame_support::traits::ConstU128<0>;
}
