//! Account permissioning: which accounts may send transactions, the rules on the calls they
//! send, and their rate limits (`pallet-permissions`).

use alloc::vec::Vec;
use frame_support::weights::Weight;
use pallet_permissions::{AccountKind, Admission, CallRules, WeightInfo as PermissionsWeight};
use seoul_primitives::{CitizenRegistry, OrganizationRegistry};
use sp_runtime::{traits::StaticLookup, transaction_validity::InvalidTransaction};

use super::{governance::CityOrigin, system::CityCalls};
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
/// No call nests deeper than [`MAX_CALL_DEPTH`] (the calls above, a council motion's proposal
/// and `cityCouncil.enact`'s call count as nested): deeper is refused with `TOO_DEEP` before any
/// account is looked up.
///
/// And who may send what, each refused with `CALL_NOT_ALLOWED` however it is nested:
/// - a call the runtime's call filter refuses ([`CityCalls`], the `assets` calls) when it
///   would be dispatched with a signed origin: refused at the pool, not included to fail;
/// - S-coin reaches and leaves a citizen's account (one holding a card, whatever its status:
///   a lost card's holder too) only through the s-coin pallet's counted paths (`sCoin.reward`,
///   `sCoin.pay`, `sCoin.convert`, expiry), never by a `balances` transfer from or to it nor a
///   `balances.burn`, so that every S-coin is in the audit totals and spent oldest mileage first;
/// - citizens use no `multisig` (whose operations leave storage, and whose deposits would hold
///   mileage) and send no remark longer than [`MAX_CITIZEN_REMARK`] bytes;
/// - only authorities (validators and council members) claim nodes and their connections
///   (`nodeAuthorization`) and create pure proxies (`proxy.createPure`), which leave storage
///   no deposit pays for; a call adds at most [`MAX_NODE_CONNECTIONS`] connections.
pub struct NestedCalls;

/// How deep calls may nest in a transaction: a call inside a batch, a proxy, a multisig, sudo
/// or a council motion is one level down, and at most this many levels are allowed
/// (`sudo.sudoAs` of a `proxy.proxy` of a `multisig.asMulti` of a `utility.batchAll` of a
/// transfer is four). Deeper is refused with `TOO_DEEP`, before any account it names is looked
/// up: the pool walks at most this deep, and no dispatch comes near FRAME's limit of 255
/// transactional layers.
pub const MAX_CALL_DEPTH: u32 = 6;

/// The longest remark a citizen may send, in bytes: a reference or a short note, not data.
pub const MAX_CITIZEN_REMARK: usize = 256;

/// The most connections one `nodeAuthorization.addConnections` may add.
pub const MAX_NODE_CONNECTIONS: usize = 64;

fn not_allowed() -> InvalidTransaction {
	InvalidTransaction::Custom(pallet_permissions::codes::CALL_NOT_ALLOWED)
}

impl CallRules<AccountId, RuntimeCall> for NestedCalls {
	fn check(who: &AccountId, call: &RuntimeCall) -> Result<(), InvalidTransaction> {
		if Nested::deeper_than(call, MAX_CALL_DEPTH) {
			return Err(InvalidTransaction::Custom(pallet_permissions::codes::TOO_DEEP));
		}
		Self::check_nested(who, call, true)
	}

	/// A citizen's tip would burn S-coin outside the s-coin pallet's counted paths.
	fn may_tip(who: &AccountId) -> bool {
		!CitizenCard::holds_card(who)
	}

	fn may_tip_weight() -> Weight {
		<Runtime as frame_system::Config>::DbWeight::get().reads(1)
	}

	/// What `check` reads for `call`, walking it as `check` does: an admission for each account
	/// a nested call acts for, and whether the sender is a citizen where a rule asks.
	fn weight(call: &RuntimeCall) -> Weight {
		let admission =
			<<Runtime as pallet_permissions::Config>::WeightInfo as PermissionsWeight>::admission;
		let citizen = <Runtime as frame_system::Config>::DbWeight::get().reads(1);
		match Nested::of(call) {
			Nested::Calls(calls) => calls
				.iter()
				.map(|call| Self::weight(call))
				.fold(Weight::zero(), Weight::saturating_add),
			Nested::AsRoot(call) => Self::weight(call),
			Nested::ActingFor(Account::Address(_), call) =>
				admission().saturating_add(Self::weight(call)),
			Nested::ActingFor(Account::Multisig(..), call) =>
				admission().saturating_add(citizen).saturating_add(Self::weight(call)),
			Nested::NotFromCitizens | Nested::Remark(_) => citizen,
			Nested::Transfer(_) => citizen.saturating_mul(2),
			Nested::Dispatched(_) | Nested::AuthoritiesOnly | Nested::Refused | Nested::None =>
				Weight::zero(),
		}
	}
}

impl NestedCalls {
	/// [`CallRules::check`] on `call`, known to nest no deeper than [`MAX_CALL_DEPTH`], sent by
	/// `who`; `signed` when it is dispatched with a signed origin, which the runtime's call filter
	/// applies to.
	fn check_nested(
		who: &AccountId,
		call: &RuntimeCall,
		signed: bool,
	) -> Result<(), InvalidTransaction> {
		use frame_support::traits::Contains;
		if signed && !CityCalls::contains(call) {
			return Err(not_allowed());
		}
		let citizen = || CitizenCard::holds_card(who);
		match Nested::of(call) {
			Nested::Calls(calls) =>
				calls.iter().try_for_each(|call| Self::check_nested(who, call, signed)),
			Nested::AsRoot(call) => Self::check_nested(who, call, false),
			Nested::ActingFor(Account::Multisig(..), _) if citizen() => Err(not_allowed()),
			Nested::ActingFor(account, call) => {
				let account = account.resolve(who)?;
				Permissions::admitted(&account)?;
				Self::check_nested(&account, call, true)
			},
			Nested::NotFromCitizens if citizen() => Err(not_allowed()),
			Nested::Transfer(to) if citizen() || CitizenCard::holds_card(&lookup(to)?) =>
				Err(not_allowed()),
			Nested::Remark(len) if len > MAX_CITIZEN_REMARK && citizen() => Err(not_allowed()),
			Nested::AuthoritiesOnly
				if !(ValidatorSet::is_validator(who) || Council::is_member(who)) =>
				Err(not_allowed()),
			Nested::Refused => Err(not_allowed()),
			Nested::Dispatched(_)
			| Nested::NotFromCitizens
			| Nested::Transfer(_)
			| Nested::Remark(_)
			| Nested::AuthoritiesOnly
			| Nested::None => Ok(()),
		}
	}
}

/// What [`NestedCalls`] rules on in a call: the calls it dispatches, and for whom, or the rule
/// on who may send it.
enum Nested<'a> {
	/// Calls dispatched for the sender (a batch, a derivative, ...).
	Calls(Vec<&'a RuntimeCall>),
	/// A call dispatched as Root for the sender (`sudo`), which the call filter lets through.
	AsRoot(&'a RuntimeCall),
	/// A call dispatched for another account (`sudo_as`, a proxy, a multisig).
	ActingFor(Account<'a>, &'a RuntimeCall),
	/// A call dispatched later or with another origin than an account's (a council motion,
	/// `cityCouncil.enact`): only its depth is ruled on.
	Dispatched(&'a RuntimeCall),
	/// A call citizens may not send: `balances.burn`, a `multisig` approval or cancellation.
	NotFromCitizens,
	/// A `balances` transfer to this account, which neither a citizen may send nor a citizen
	/// receive.
	Transfer(&'a <<Runtime as frame_system::Config>::Lookup as StaticLookup>::Source),
	/// A remark of this many bytes.
	Remark(usize),
	/// A call only authorities may send: node authorization's claims and connections, a pure
	/// proxy's creation.
	AuthoritiesOnly,
	/// A call nobody may send: more than [`MAX_NODE_CONNECTIONS`] connections at once.
	Refused,
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
	/// Whether `call` nests calls more than `depth` levels down. Reads no storage, and walks at
	/// most `depth + 1` levels.
	fn deeper_than(call: &RuntimeCall, depth: u32) -> bool {
		let inner = match Nested::of(call) {
			Nested::Calls(calls) => calls,
			Nested::AsRoot(call) | Nested::ActingFor(_, call) | Nested::Dispatched(call) =>
				alloc::vec![call],
			Nested::NotFromCitizens
			| Nested::Transfer(_)
			| Nested::Remark(_)
			| Nested::AuthoritiesOnly
			| Nested::Refused
			| Nested::None => return false,
		};
		inner.into_iter().any(|call| depth == 0 || Self::deeper_than(call, depth - 1))
	}

	fn of(call: &'a RuntimeCall) -> Self {
		use pallet_balances::Call as Balances;
		use pallet_city_council::Call as CityCouncil;
		use pallet_collective::Call as Council;
		use pallet_multisig::Call as Multisig;
		use pallet_node_authorization::Call as NodeAuthorization;
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
				Self::AsRoot(call),
			RuntimeCall::Sudo(Sudo::sudo_as { who, call }) =>
				Self::ActingFor(Account::Address(who), call),
			RuntimeCall::Proxy(
				Proxy::proxy { real, call, .. } | Proxy::proxy_announced { real, call, .. },
			) => Self::ActingFor(Account::Address(real), call),
			RuntimeCall::Proxy(Proxy::create_pure { .. }) => Self::AuthoritiesOnly,
			RuntimeCall::Multisig(Multisig::as_multi_threshold_1 { other_signatories, call }) =>
				Self::ActingFor(Account::Multisig(other_signatories, 1), call),
			RuntimeCall::Multisig(Multisig::as_multi {
				threshold,
				other_signatories,
				call,
				..
			}) => Self::ActingFor(Account::Multisig(other_signatories, *threshold), call),
			RuntimeCall::Multisig(..) => Self::NotFromCitizens,
			RuntimeCall::Council(
				Council::propose { proposal, .. } | Council::execute { proposal, .. },
			) => Self::Dispatched(&proposal.0),
			RuntimeCall::CityCouncil(CityCouncil::enact { call }) => Self::Dispatched(call),
			RuntimeCall::Balances(
				Balances::transfer_allow_death { dest, .. }
				| Balances::transfer_keep_alive { dest, .. }
				| Balances::transfer_all { dest, .. },
			) => Self::Transfer(dest),
			RuntimeCall::Balances(Balances::burn { .. }) => Self::NotFromCitizens,
			RuntimeCall::System(
				frame_system::Call::remark { remark }
				| frame_system::Call::remark_with_event { remark },
			) => Self::Remark(remark.len()),
			RuntimeCall::NodeAuthorization(NodeAuthorization::add_connections {
				connections,
				..
			}) if connections.len() > MAX_NODE_CONNECTIONS => Self::Refused,
			RuntimeCall::NodeAuthorization(
				NodeAuthorization::claim_node { .. }
				| NodeAuthorization::remove_claim { .. }
				| NodeAuthorization::transfer_node { .. }
				| NodeAuthorization::add_connections { .. }
				| NodeAuthorization::remove_connections { .. },
			) => Self::AuthoritiesOnly,
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
