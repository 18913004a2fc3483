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
		match Nested::of(call) {
			Nested::Calls(calls) => calls.iter().try_for_each(|call| Self::check(who, call)),
			Nested::ActingFor(account, call) => {
				let account = account.resolve(who)?;
				Permissions::admitted(&account)?;
				Self::check(&account, call)
			},
			Nested::Transfer if CitizenCard::is_active_citizen(who) =>
				Err(InvalidTransaction::Custom(pallet_permissions::codes::CALL_NOT_ALLOWED)),
			Nested::Transfer | Nested::None => Ok(()),
		}
	}

	/// What `check` reads for `call`, walking it as `check` does: an admission for each account
	/// a nested call acts for, and whether the sender of a `balances` transfer is a citizen.
	fn weight(call: &RuntimeCall) -> Weight {
		let admission =
			<<Runtime as pallet_permissions::Config>::WeightInfo as PermissionsWeight>::admission;
		match Nested::of(call) {
			Nested::Calls(calls) => calls
				.iter()
				.map(|call| Self::weight(call))
				.fold(Weight::zero(), Weight::saturating_add),
			Nested::ActingFor(_, call) => admission().saturating_add(Self::weight(call)),
			Nested::Transfer => <Runtime as frame_system::Config>::DbWeight::get().reads(1),
			Nested::None => Weight::zero(),
		}
	}
}

/// What [`NestedCalls`] rules on in a call: the calls it dispatches, and for whom.
enum Nested<'a> {
	/// Calls dispatched for the sender (a batch, a derivative, sudo, ...).
	Calls(Vec<&'a RuntimeCall>),
	/// A call dispatched for another account (`sudo_as`, a proxy, a multisig).
	ActingFor(Account<'a>, &'a RuntimeCall),
	/// A `balances` transfer, which citizens may not send.
	Transfer,
	/// Anything else: no rule beyond the sender's admission.
	None,
}

/// The account a nested call acts for, as the call names it.
enum Account<'a> {
	/// An address to look up (`sudo_as`, a proxy's real account).
	Address(&'a <<Runtime as frame_system::Config>::Lookup as StaticLookup>::Source),
	/// The multisig of the sender and these signatories, with this threshold.
	Multisig(&'a [AccountId], u16),
}

impl<'a> Nested<'a> {
	fn of(call: &'a RuntimeCall) -> Self {
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
			) => Self::Calls(calls.iter().collect()),
			RuntimeCall::Utility(
				Utility::as_derivative { call, .. }
				| Utility::with_weight { call, .. }
				| Utility::dispatch_as { call, .. }
				| Utility::dispatch_as_fallible { call, .. },
			) => Self::Calls(alloc::vec![&**call]),
			RuntimeCall::Utility(Utility::if_else { main, fallback }) =>
				Self::Calls(alloc::vec![&**main, &**fallback]),
			RuntimeCall::Sudo(Sudo::sudo { call } | Sudo::sudo_unchecked_weight { call, .. }) =>
				Self::Calls(alloc::vec![&**call]),
			RuntimeCall::Sudo(Sudo::sudo_as { who, call }) =>
				Self::ActingFor(Account::Address(who), call),
			RuntimeCall::Proxy(
				Proxy::proxy { real, call, .. } | Proxy::proxy_announced { real, call, .. },
			) => Self::ActingFor(Account::Address(real), call),
			RuntimeCall::Multisig(Multisig::as_multi_threshold_1 { other_signatories, call }) =>
				Self::ActingFor(Account::Multisig(other_signatories, 1), call),
			RuntimeCall::Multisig(Multisig::as_multi {
				threshold,
				other_signatories,
				call,
				..
			}) => Self::ActingFor(Account::Multisig(other_signatories, *threshold), call),
			RuntimeCall::Balances(
				Balances::transfer_allow_death { .. }
				| Balances::transfer_keep_alive { .. }
				| Balances::transfer_all { .. },
			) => Self::Transfer,
			_ => Self::None,
		}
	}
}

impl Account<'_> {
	/// The account, for a call sent by `who`.
	fn resolve(&self, who: &AccountId) -> Result<AccountId, InvalidTransaction> {
		match self {
			Self::Address(address) => lookup(address),
			Self::Multisig(others, threshold) => Ok(multisig_account(who, others, *threshold)),
		}
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
