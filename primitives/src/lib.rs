//! # Seoul city chain primitives
//!
//! The types and traits that the runtime and every city-service pallet share, defined once:
//! account and balance types, organization ids, the roles an organization may hold, and
//! [`OrganizationRegistry`], the one question every service pallet asks: "may this account
//! act as this role?".

#![cfg_attr(not(feature = "std"), no_std)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// The signature type of extrinsics.
pub type Signature = MultiSignature;
/// An account: the public key behind a [`Signature`].
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Amounts of the native S-coin (0 decimals: one unit is one won of city mileage) and of assets.
pub type Balance = u128;
/// A block number.
pub type BlockNumber = u32;
/// The transaction counter of an account.
pub type Nonce = u32;
/// Block and trie hashes.
pub type Hash = sp_core::H256;
/// A registered organization's id, assigned in sequence by the registry.
pub type OrganizationId = u32;

/// What an organization may do on the chain. A service pallet asks the registry whether an
/// account acts for an organization holding the role the call needs.
///
/// New roles are appended at the end: the SCALE index of a variant is its on-chain encoding.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Role {
	/// Registers residents and issues, suspends and reissues citizen cards.
	Registrar,
	/// Operates city or district facilities and sets their eligibility rules.
	FacilityOperator,
	/// Rewards citizens with S-coin within a budget the city gives.
	RewardIssuer,
	/// A ZeroPay merchant that citizens may pay in S-coin.
	Merchant,
	/// Tops up transit cards against S-coin.
	TransitOperator,
	/// Collects local taxes payable in S-coin.
	TaxCollector,
	/// Converts S-coin into another mileage or points programme.
	Converter,
	/// Issues and redeems the KRW deposit token.
	Bank,
	/// Defines credential types and issues credentials.
	CredentialIssuer,
	/// Offers labour contracts and pays wages.
	Employer,
	/// Records social-insurance registrations and vehicle accidents.
	Insurer,
	/// Oversees labour contracts and arrears.
	LaborAgency,
	/// Keeps the vehicle registry.
	VehicleRegistry,
	/// Records used-car title transfers.
	CarDealer,
	/// Reports vehicle inspections and odometer readings.
	VehicleInspector,
	/// Reports repairs and odometer readings.
	RepairShop,
	/// Runs EV subsidy programmes.
	SubsidyAgency,
	/// Operates EV chargers and reports battery records.
	ChargerOperator,
	/// Registers solar meters and reports metered surplus.
	MeterOperator,
	/// Opens donation campaigns.
	Charity,
	/// Manages private trust funds.
	TrustCompany,
	/// Evaluates trust funds.
	Evaluator,
	/// Opens polls.
	PollOrganizer,
	/// Anchors health records.
	Hospital,
}

/// What kind of body an organization is. Informational: permissions come from roles.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum OrganizationKind {
	/// A bureau of the Seoul Metropolitan Government.
	CityBureau,
	/// One of the 25 autonomous districts (gu).
	District,
	/// A public agency or corporation.
	Agency,
	/// A bank.
	Bank,
	/// An insurer.
	Insurer,
	/// A business: merchant, employer, dealer, repair shop, operator.
	Business,
	/// A charity.
	Charity,
	/// A trust company.
	TrustCompany,
	/// A hospital.
	Hospital,
	/// Anything else.
	Other,
}

/// The registry's answer to "may this account act as this role?", for service pallets.
///
/// Service pallets take an implementation in their `Config` and never read the registry's
/// storage, so each can be tested with a mock.
pub trait OrganizationRegistry<AccountId> {
	/// The organization `who` is a member of, if any, whatever its status.
	fn organization_of(who: &AccountId) -> Option<OrganizationId>;

	/// Whether organization `org` exists, is active (not suspended) and holds `role`.
	fn has_role(org: OrganizationId, role: Role) -> bool;

	/// The organization for which `who` may act as `role`: `Some` when `who` is a member of an
	/// active organization holding `role`.
	fn acting_as(who: &AccountId, role: Role) -> Option<OrganizationId> {
		Self::organization_of(who).filter(|org| Self::has_role(*org, role))
	}

	/// Whether `who` may act as `role` for organization `org`.
	fn can_act_for(who: &AccountId, org: OrganizationId, role: Role) -> bool {
		Self::acting_as(who, role) == Some(org)
	}

	/// The account that receives what is paid to organization `org` (its admin's), if `org` exists.
	fn payment_account(org: OrganizationId) -> Option<AccountId>;

	/// Whether `who` is a member of any organization, active or suspended. The network's account
	/// permissioning admits such accounts.
	fn is_member(who: &AccountId) -> bool {
		Self::organization_of(who).is_some()
	}

	/// Registers an active organization holding `role` with `who` as its admin and member, for
	/// other pallets' benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmark(who: &AccountId, role: Role) -> OrganizationId;
}

/// A Seoul district (gu) or other area code, as the city's registrars record it. The codes are
/// the city's (off chain); the chain only compares them.
pub type DistrictCode = u16;

/// The age band a registrar attests for a resident: enough for eligibility rules, without a
/// birth date on chain.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum AgeBand {
	/// Under 13.
	Child,
	/// 13 to 18.
	Youth,
	/// 19 to 64.
	Adult,
	/// 65 and over.
	Senior,
}

/// What other pallets may know of an active citizen.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct CitizenInfo {
	/// The district the citizen is registered in.
	pub district: DistrictCode,
	/// The attested age band.
	pub age_band: AgeBand,
}

/// The citizen-card pallet's answer to "is this account an active citizen, and with which
/// attributes?", for other pallets and for the network's account permissioning.
pub trait CitizenRegistry<AccountId> {
	/// `Some` when `who` holds an active (not suspended, lost or revoked) citizen card.
	fn citizen(who: &AccountId) -> Option<CitizenInfo>;

	/// Whether `who` holds an active citizen card.
	fn is_active_citizen(who: &AccountId) -> bool {
		Self::citizen(who).is_some()
	}

	/// Registers `who` as an active citizen, for other pallets' benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmark(who: &AccountId);
}

/// Makes an account exist on chain for good: the one place that gives provider references to
/// admitted accounts (citizens, organization members, validators, council members), once each,
/// and never takes them back (dropping the last one would reset the account's nonce and let its
/// old transactions be replayed).
pub trait AccountAdmission<AccountId> {
	/// Gives `who` a provider reference unless it already has the one admission gives.
	fn admit(who: &AccountId);

	/// Whether `who` may send transactions now: a known account (citizen, organization member,
	/// authority), not suspended. Service pallets ask it of the accounts they pay.
	fn is_admitted(who: &AccountId) -> bool;
}

/// Why an agency rewarded a citizen: a code from the city's catalogue (tax paid on time, poll
/// answered, volunteering...). The chain keeps totals per issuer and reason; the catalogue itself
/// is off chain.
pub type RewardReason = u16;

/// An off-chain reference: the hash of the record behind a reward, payment or conversion (the
/// agency's case file, the merchant's QR payment request, the converter's points account).
pub type Reference = sp_core::H256;

/// What S-coin may be spent on. Citizens cannot send it to each other: every spend goes to a
/// payee holding the role the use names ([`SpendUse::payee_role`]), or through a service pallet
/// (donations, solar trade) that checks its own payee.
///
/// New uses are appended at the end: the SCALE index of a variant is its on-chain encoding.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum SpendUse {
	/// A payment to a registered ZeroPay merchant (role `Merchant`), from its QR code.
	ZeroPay,
	/// A transit card top-up (role `TransitOperator`).
	TransitTopUp,
	/// A donation (role `Charity`).
	Donation,
	/// A local tax (role `TaxCollector`).
	LocalTax,
	/// Solar power bought from the grid's meter operators or from a neighbour through the
	/// solar-trade service (role `MeterOperator` for a direct payment).
	SolarPower,
}

impl SpendUse {
	/// Every use, in encoding order.
	pub const ALL: [SpendUse; 5] = [
		SpendUse::ZeroPay,
		SpendUse::TransitTopUp,
		SpendUse::Donation,
		SpendUse::LocalTax,
		SpendUse::SolarPower,
	];

	/// The role an organization must hold to be paid directly for this use.
	pub fn payee_role(self) -> Role {
		match self {
			SpendUse::ZeroPay => Role::Merchant,
			SpendUse::TransitTopUp => Role::TransitOperator,
			SpendUse::Donation => Role::Charity,
			SpendUse::LocalTax => Role::TaxCollector,
			SpendUse::SolarPower => Role::MeterOperator,
		}
	}
}

/// The s-coin pallet's rewards, for service pallets that reward citizens (a poll answered, a
/// volunteering hour): within the issuer's budget, with a reason and a reference, counted in
/// the audit totals.
pub trait SCoinRewards<AccountId> {
	/// Rewards active citizen `citizen` with `amount` S-coin from issuer `issuer`'s budget.
	fn reward(
		issuer: OrganizationId,
		citizen: &AccountId,
		amount: Balance,
		reason: RewardReason,
		reference: Reference,
	) -> sp_runtime::DispatchResult;
}

/// The s-coin pallet's payments, for service pallets through which citizens spend S-coin
/// (donations, solar trade): the payer's oldest mileage goes first, and the spend is counted in
/// the audit totals of its use. The calling pallet answers for its payee.
pub trait SCoinPayments<AccountId> {
	/// Pays `amount` S-coin from `payer` to `payee` for `spend`.
	fn pay(
		payer: &AccountId,
		payee: &AccountId,
		spend: SpendUse,
		amount: Balance,
		reference: Reference,
	) -> sp_runtime::DispatchResult;
}

/// Where a service pallet keeps money in escrow for the KRW deposit token, which (being a
/// `pallet-assets` asset) has no holds: a sub-account of the pallet's `PalletId` per escrow
/// (a contract, a trust fund, a subsidy). The native S-coin uses holds instead.
///
/// The one choice for every pallet: the sub-account is keyless, derived from the pallet id and
/// the escrow's id, and only the pallet moves money out of it.
pub fn escrow_account<AccountId: Encode + Decode>(
	pallet: frame_support::PalletId,
	escrow: impl Encode,
) -> AccountId {
	use sp_runtime::traits::AccountIdConversion;
	pallet.into_sub_account_truncating(escrow)
}

extern crate alloc;

sp_api::decl_runtime_apis! {
	/// Block authoring in batches: the node's proposer applies the pool's transactions many at a
	/// time, in one runtime call, instead of one `BlockBuilder::apply_extrinsic` call each.
	///
	/// Every runtime call costs the node a fresh WebAssembly instance, a state and trie cache
	/// built and dropped, and the copies across the host boundary; for a small transaction those
	/// cost as much as the transaction itself. The block is the same either way: importers
	/// execute it with `Core::execute_block`, as any other.
	pub trait BatchBlockBuilder {
		/// Applies `extrinsics` in order, each exactly as `BlockBuilder::apply_extrinsic` would
		/// in its own storage transaction: one that is not valid here (`Err` of the outer
		/// result) changes nothing and the next is tried.
		///
		/// Returns one result per extrinsic tried. It stops after the first that would exhaust
		/// the block's resources (its result is the last one), so fewer results than
		/// extrinsics means the rest were not tried.
		fn apply_extrinsics(
			extrinsics: &alloc::vec::Vec<<Block as sp_runtime::traits::Block>::Extrinsic>,
		) -> alloc::vec::Vec<sp_runtime::ApplyExtrinsicResult>;
	}

	/// Transaction validation in batches: the node's pool validates the transactions submitted
	/// to it many at a time, in one runtime call, instead of one
	/// `TaggedTransactionQueue::validate_transaction` call each (the cost of a runtime call is
	/// `BatchBlockBuilder`'s).
	pub trait BatchTransactionQueue {
		/// Validates each of `extrinsics` from `source` as
		/// `TaggedTransactionQueue::validate_transaction(source, extrinsic, block_hash)` would on
		/// its own, on the state of the block the call is made at (`block_hash`): what one
		/// validation leaves in storage is rolled back before the next, so each sees that state
		/// alone, and two transactions with the same nonce are both valid, as they would be
		/// validated apart. Returns one result per extrinsic, in order.
		fn validate_transactions(
			source: sp_runtime::transaction_validity::TransactionSource,
			extrinsics: &alloc::vec::Vec<<Block as sp_runtime::traits::Block>::Extrinsic>,
			block_hash: <Block as sp_runtime::traits::Block>::Hash,
		) -> alloc::vec::Vec<sp_runtime::transaction_validity::TransactionValidity>;
	}
}
