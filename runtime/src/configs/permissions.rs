//! Account permissioning: which accounts may send transactions, the rules on the calls they
//! send, and their rate limits (`pallet-permissions`).

use alloc::vec::Vec;
use frame_support::weights::Weight;
use pallet_permissions::{AccountKind, Admission, CallRules, WeightInfo as PermissionsWeight};
use seoul_primitives::{CitizenRegistry, OrganizationRegistry};
use sp_runtime::{traits::StaticLookup, transaction_validity::InvalidTransaction};

use super::governance::CityOrigin;
use crate::{
	AccountId, CitizenCard, Council, Permissions, Registry, Runtime, RuntimeCall, ValidatorSet,
};

impl pallet_permissions::Config for Runtime {
	type Admission = KnownAccounts;
	type CallRules = NestedCalls;
	type CityOrigin = CityOrigin;
	type WeightInfo = pallet_permissions::weights::SubstrateWeight<Runtime>;
}

/// The accounts the chain knows: validators and council members (authorities), members of
/// registered organizations, then citizens with an active card.
pub struct KnownAccounts;

impl Admission<AccountId> for KnownAccounts {
	fn kind(who: &AccountId) -> Option<AccountKind> {
		if ValidatorSet::is_validator(who) || Council::is_member(who) {
			Some(AccountKind::Authority)
		} else if <Registry as OrganizationRegistry<AccountId>>::is_member(who) {
			Some(AccountKind::Organization)
		} else if CitizenCard::is_active_citizen(who) {
			Some(AccountKind::Citizen)
		} else {
			None
		}
	}

	/// The validator set and the council's members: two storage values every lookup reads.
	fn shared_keys() -> Vec<Vec<u8>> {
		alloc::vec![
			pallet_validator_set::Validators::<Runtime>::hashed_key().to_vec(),
			pallet_collective::Members::<Runtime, super::governance::CouncilInstance>::hashed_key()
				.to_vec(),
		]
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn admit_for_benchmark(who: &AccountId, kind: AccountKind) {
		match kind {
			// The slowest answer: a citizen, found after the three other lookups.
			AccountKind::Citizen => {
				pallet_citizen_card::Cards::<Runtime>::insert(
					who,
					pallet_citizen_card::Card {
						resident: sp_core::H256::repeat_byte(1),
						info: seoul_primitives::CitizenInfo {
							district: 1,
							age_band: seoul_primitives::AgeBand::Adult,
						},
						status: pallet_citizen_card::CardStatus::Active,
						registrar: 0,
						since: 0,
					},
				);
			},
			AccountKind::Organization | AccountKind::Authority => {
				<Registry as OrganizationRegistry<AccountId>>::register_for_benchmark(
					who,
					seoul_primitives::Role::Registrar,
				);
			},
		}
	}
}

/// The same admission for every account a call acts for, looking into nested calls:
/// - the calls of a `utility` batch, `as_derivative`, `with_weight`, `dispatch_as` and
///   `if_else`, for the same sender;
/// - the call of `sudo`, for the sender, and of `sudo_as`, for its target;
/// - the call of `proxy` and `proxy_announced`, for the real account;
/// - the call of a `multisig`, for the multisig account.
///
/// So a suspended or unknown account cannot act through a proxy, a multisig or sudo.
///
/// And who may send what: citizens spend S-coin only on the uses the s-coin pallet allows
/// (`sCoin.pay`, `sCoin.convert`), never to each other. A `balances` transfer from an active
/// citizen is refused with `CALL_NOT_ALLOWED`, however it is nested, so that every S-coin a
/// citizen spends is counted in the audit totals and taken from the oldest mileage first.
pub struct NestedCalls;

impl CallRules<AccountId, RuntimeCall> for NestedCalls {
	fn check(who: &AccountId, call: &RuntimeCall) -> Result<(), InvalidTransaction> {
		use pallet_balances::Call as Balances;
		use pallet_multisig::Call as Multisig;
		use pallet_proxy::Call as Proxy;
		use pallet_sudo::Call as Sudo;
		use pallet_utility::Call as Utility;

		match call {
			RuntimeCall::Utility(
				Utility::batch { calls }
				| Utility::batch_all { calls }
				| Utility::force_batch { calls },
			) => calls.iter().try_for_each(|call| Self::check(who, call)),
			RuntimeCall::Utility(
				Utility::as_derivative { call, .. }
				| Utility::with_weight { call, .. }
				| Utility::dispatch_as { call, .. }
				| Utility::dispatch_as_fallible { call, .. },
			) => Self::check(who, call),
			RuntimeCall::Utility(Utility::if_else { main, fallback }) => {
				Self::check(who, main)?;
				Self::check(who, fallback)
			},
			RuntimeCall::Sudo(Sudo::sudo { call } | Sudo::sudo_unchecked_weight { call, .. }) =>
				Self::check(who, call),
			RuntimeCall::Sudo(Sudo::sudo_as { who: target, call }) =>
				Self::acting_for(&lookup(target)?, call),
			RuntimeCall::Proxy(
				Proxy::proxy { real, call, .. } | Proxy::proxy_announced { real, call, .. },
			) => Self::acting_for(&lookup(real)?, call),
			RuntimeCall::Multisig(Multisig::as_multi_threshold_1 { other_signatories, call }) =>
				Self::acting_for(&multisig_account(who, other_signatories, 1), call),
			RuntimeCall::Multisig(Multisig::as_multi {
				threshold,
				other_signatories,
				call,
				..
			}) => Self::acting_for(&multisig_account(who, other_signatories, *threshold), call),
			RuntimeCall::Balances(
				Balances::transfer_allow_death { .. }
				| Balances::transfer_keep_alive { .. }
				| Balances::transfer_all { .. },
			) if CitizenCard::is_active_citizen(who) =>
				Err(InvalidTransaction::Custom(pallet_permissions::codes::CALL_NOT_ALLOWED)),
			_ => Ok(()),
		}
	}

	/// What `check` reads for `call`, walking it as `check` does: an admission for each account
	/// a nested call acts for, and whether the sender of a `balances` transfer is a citizen.
	fn weight(call: &RuntimeCall) -> Weight {
		use pallet_balances::Call as Balances;
		use pallet_multisig::Call as Multisig;
		use pallet_proxy::Call as Proxy;
		use pallet_sudo::Call as Sudo;
		use pallet_utility::Call as Utility;

		let admission =
			<<Runtime as pallet_permissions::Config>::WeightInfo as PermissionsWeight>::admission;
		match call {
			RuntimeCall::Utility(
				Utility::batch { calls }
				| Utility::batch_all { calls }
				| Utility::force_batch { calls },
			) => calls.iter().map(Self::weight).fold(Weight::zero(), Weight::saturating_add),
			RuntimeCall::Utility(
				Utility::as_derivative { call, .. }
				| Utility::with_weight { call, .. }
				| Utility::dispatch_as { call, .. }
				| Utility::dispatch_as_fallible { call, .. },
			) => Self::weight(call),
			RuntimeCall::Utility(Utility::if_else { main, fallback }) =>
				Self::weight(main).saturating_add(Self::weight(fallback)),
			RuntimeCall::Sudo(Sudo::sudo { call } | Sudo::sudo_unchecked_weight { call, .. }) =>
				Self::weight(call),
			RuntimeCall::Sudo(Sudo::sudo_as { call, .. })
			| RuntimeCall::Proxy(Proxy::proxy { call, .. } | Proxy::proxy_announced { call, .. })
			| RuntimeCall::Multisig(
				Multisig::as_multi_threshold_1 { call, .. } | Multisig::as_multi { call, .. },
			) => admission().saturating_add(Self::weight(call)),
			RuntimeCall::Balances(
				Balances::transfer_allow_death { .. }
				| Balances::transfer_keep_alive { .. }
				| Balances::transfer_all { .. },
			) => <Runtime as frame_system::Config>::DbWeight::get().reads(1),
			_ => Weight::zero(),
		}
	}
}

impl NestedCalls {
	/// A nested call acts for `account`: it must be admitted, then its calls are checked for it.
	fn acting_for(account: &AccountId, call: &RuntimeCall) -> Result<(), InvalidTransaction> {
		Permissions::admitted(account)?;
		Self::check(account, call)
	}
}

fn lookup(
	address: &<<Runtime as frame_system::Config>::Lookup as StaticLookup>::Source,
) -> Result<AccountId, InvalidTransaction> {
	<Runtime as frame_system::Config>::Lookup::lookup(address.clone())
		.map_err(|_| InvalidTransaction::Custom(pallet_permissions::codes::UNKNOWN_ACCOUNT))
}

/// The account of the multisig of `who` and `others` with `threshold`, as pallet-multisig
/// derives it (from the sorted signatories).
fn multisig_account(who: &AccountId, others: &[AccountId], threshold: u16) -> AccountId {
	let mut signatories: alloc::vec::Vec<AccountId> = others.to_vec();
	signatories.push(who.clone());
	signatories.sort();
	pallet_multisig::Pallet::<Runtime>::multi_account_id(&signatories, threshold)
}
