//! The validators: added and removed by the city origin, feeding pallet-session (see
//! `consensus.rs`), so that Aura and GRANDPA authorities change without restarting any node.

use frame_support::traits::ConstU32;

use super::{
	consensus::{MaxAuthorities, SessionRotation},
	governance::CityOrigin,
};
use crate::{Runtime, Session};

impl pallet_validator_set::Config for Runtime {
	type AddRemoveOrigin = CityOrigin;
	/// One: the dev chain runs a single validator, and the runtime is the same on every chain.
	type MinValidators = ConstU32<1>;
	/// Aura's and GRANDPA's bound: Aura truncates a longer list of authorities.
	type MaxValidators = MaxAuthorities;
	/// "Has this account set its session keys?": pallet-session answers from its `NextKeys`.
	type ValidatorRegistration = Session;
	type Rotation = SessionRotation;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SessionKeysForBenchmarks;
}

/// Gives an account session keys in the validator-set benchmarks: keys made from the account's
/// 32 bytes, written straight into pallet-session's `NextKeys` (what `set_keys` would store).
/// `set_keys` itself needs a proof signed with the private keys, hence a keystore, which the
/// benchmark runner does not have; the benchmarks only need `NextKeys` to hold an entry.
#[cfg(feature = "runtime-benchmarks")]
pub struct SessionKeysForBenchmarks;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_validator_set::BenchmarkHelper<crate::AccountId> for SessionKeysForBenchmarks {
	fn set_session_keys(who: &crate::AccountId) {
		let raw: [u8; 32] = who.clone().into();
		let keys = crate::SessionKeys {
			aura: sp_core::sr25519::Public::from_raw(raw).into(),
			grandpa: sp_core::ed25519::Public::from_raw(raw).into(),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}

	/// GRANDPA enacts at `on_finalize` the change a rotation scheduled (with no delay).
	fn finish_rotation() {
		use frame_support::traits::OnFinalize;
		crate::Grandpa::on_finalize(crate::System::block_number());
	}
}
