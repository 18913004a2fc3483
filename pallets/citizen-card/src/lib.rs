//! # Citizen card pallet: the Seoul Citizen Card
//!
//! - **Residents.** Registrar organizations (role `Registrar` in the registry) register
//!   residents: the account, a keyed hash of the resident registration number (HMAC with a key
//!   the registrar holds off chain, so the number is never on chain and cannot be guessed from
//!   the hash), the district and an attested age band.
//! - **Card life cycle.** A registrar suspends, resumes and revokes cards, and reissues a card to
//!   a new account when a phone is lost. The holder or a registrar reports it lost. Each
//!   resident's history ([`History`]) follows the resident across accounts.
//! - **Facilities.** Facility operators (role `FacilityOperator`) register their facilities,
//!   with eligibility rules (districts, age bands), and open and close them.
//! - **Access.** [`Pallet::check_access`] answers "may this card use this facility now?" with
//!   yes, or an [`AccessRefusal`] that says why not.
//!
//! Other pallets ask [`CitizenRegistry`] "is this account an active citizen, and with which
//! attributes?". The network's account permissioning admits active citizens through it.
//! Registering a resident gives the account a provider reference through
//! [`Config::Admission`], which is kept through suspension and revocation. So a citizen exists,
//! and can transact with a zero balance.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use pallet::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::ConstU32, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use seoul_primitives::{
	AccountAdmission, AgeBand, CitizenInfo, CitizenRegistry, DistrictCode, OrganizationId,
	OrganizationRegistry, Role,
};

/// A keyed hash (HMAC-SHA256, with a key the registrar holds off chain) of a resident
/// registration number: one resident, one card, without the number on chain.
pub type ResidentHash = sp_core::H256;

/// A registered facility's id, assigned in sequence.
pub type FacilityId = u32;

/// Where a card stands.
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
pub enum CardStatus {
	/// In use.
	Active,
	/// Suspended by a registrar; a registrar may resume it.
	Suspended,
	/// Reported lost; only a reissue to a new account brings the card back.
	Lost,
	/// Revoked for good; the resident may be registered again.
	Revoked,
}

/// A citizen card, stored under its holder's account.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct Card<T: Config> {
	/// The resident it belongs to.
	pub resident: ResidentHash,
	/// The attested district and age band.
	pub info: CitizenInfo,
	/// Where the card stands.
	pub status: CardStatus,
	/// The organization that registered the resident or last reissued the card.
	pub registrar: OrganizationId,
	/// The block of the registration or the last reissue.
	pub since: BlockNumberFor<T>,
}

/// A change in a resident's card, as its history records it.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub enum CardChange<T: Config> {
	/// Registered on this account.
	Registered { account: T::AccountId },
	/// District or age band changed.
	Updated { info: CitizenInfo },
	/// Suspended by a registrar.
	Suspended,
	/// Resumed by a registrar.
	Resumed,
	/// Reported lost.
	ReportedLost,
	/// Moved to a new account.
	Reissued { to: T::AccountId },
	/// Revoked.
	Revoked,
}

/// One entry of a resident's history.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct HistoryEntry<T: Config> {
	/// When.
	pub at: BlockNumberFor<T>,
	/// The registrar organization that made the change, or `None` for the holder.
	pub by: Option<OrganizationId>,
	/// What changed.
	pub change: CardChange<T>,
}

/// A registered facility: a library, sports centre, car park, hall...
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct Facility<T: Config> {
	/// The organization that operates it.
	pub operator: OrganizationId,
	/// Its name, UTF-8.
	pub name: BoundedVec<u8, T::MaxNameLength>,
	/// The districts whose residents may use it; empty: every district.
	pub districts: BoundedVec<DistrictCode, T::MaxDistricts>,
	/// The age bands that may use it; empty: every age band.
	pub age_bands: BoundedVec<AgeBand, ConstU32<4>>,
	/// Whether it takes visitors now.
	pub open: bool,
}

/// A card as agencies see it (runtime API and JSON-RPC): its status and attested attributes.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct CardView<BlockNumber> {
	/// The resident's keyed hash.
	pub resident: ResidentHash,
	/// Where the card stands.
	pub status: CardStatus,
	/// The district the citizen is registered in.
	pub district: DistrictCode,
	/// The attested age band.
	pub age_band: AgeBand,
	/// The organization that registered the resident or last reissued the card.
	pub registrar: OrganizationId,
	/// The block of the registration or the last reissue.
	pub since: BlockNumber,
}

/// Why a card may not use a facility now.
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
pub enum AccessRefusal {
	/// The account holds no citizen card.
	NoCard,
	/// The card is suspended.
	CardSuspended,
	/// The card was reported lost.
	CardLost,
	/// The card is revoked.
	CardRevoked,
	/// No facility has this id.
	UnknownFacility,
	/// The facility is closed.
	FacilityClosed,
	/// The facility is for residents of other districts.
	OutsideDistrict,
	/// The facility is for other age bands.
	AgeBandNotAllowed,
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Zero;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Which organizations may act as registrars and facility operators.
		type Registry: OrganizationRegistry<Self::AccountId>;

		/// Gives a registered citizen's account its provider reference.
		type Admission: AccountAdmission<Self::AccountId>;

		/// The longest facility name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// The most districts a facility's rule may list.
		#[pallet::constant]
		type MaxDistricts: Get<u32>;

		/// The most entries kept in a resident's history; the oldest go first (the events keep
		/// the whole record).
		#[pallet::constant]
		type MaxHistory: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The citizen cards, by holder.
	#[pallet::storage]
	pub type Cards<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Card<T>, OptionQuery>;

	/// The account holding each resident's card.
	#[pallet::storage]
	pub type Residents<T: Config> =
		StorageMap<_, Identity, ResidentHash, T::AccountId, OptionQuery>;

	/// Each resident's card history, oldest first.
	#[pallet::storage]
	pub type History<T: Config> = StorageMap<
		_,
		Identity,
		ResidentHash,
		BoundedVec<HistoryEntry<T>, T::MaxHistory>,
		ValueQuery,
	>;

	/// The id the next registered facility gets.
	#[pallet::storage]
	pub type NextFacilityId<T: Config> = StorageValue<_, FacilityId, ValueQuery>;

	/// The registered facilities.
	#[pallet::storage]
	pub type Facilities<T: Config> =
		StorageMap<_, Blake2_128Concat, FacilityId, Facility<T>, OptionQuery>;

	/// A citizen at genesis: account, resident hash, district, age band, registrar organization.
	pub type GenesisCitizen<T> = (
		<T as frame_system::Config>::AccountId,
		ResidentHash,
		DistrictCode,
		AgeBand,
		OrganizationId,
	);

	/// A facility at genesis: operator organization, name, districts, age bands.
	pub type GenesisFacility = (OrganizationId, Vec<u8>, Vec<DistrictCode>, Vec<AgeBand>);

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Registered residents, each with an active card.
		pub citizens: Vec<GenesisCitizen<T>>,
		/// Registered facilities, open, with ids 0, 1, ... in order.
		pub facilities: Vec<GenesisFacility>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (who, resident, district, age_band, registrar) in &self.citizens {
				assert!(
					!Cards::<T>::contains_key(who),
					"a genesis citizen's account is listed twice"
				);
				assert!(
					!Residents::<T>::contains_key(resident),
					"a genesis resident is listed twice"
				);
				let info = CitizenInfo { district: *district, age_band: *age_band };
				Cards::<T>::insert(
					who,
					Card {
						resident: *resident,
						info,
						status: CardStatus::Active,
						registrar: *registrar,
						since: Zero::zero(),
					},
				);
				Residents::<T>::insert(resident, who);
				T::Admission::admit(who);
				Pallet::<T>::record(
					*resident,
					Some(*registrar),
					CardChange::Registered { account: who.clone() },
				);
			}
			for (operator, name, districts, age_bands) in &self.facilities {
				let (name, districts, age_bands) =
					Pallet::<T>::rules(name.clone(), districts.clone(), age_bands.clone())
						.expect("genesis facilities have valid names and rules");
				let facility = NextFacilityId::<T>::get();
				Facilities::<T>::insert(
					facility,
					Facility { operator: *operator, name, districts, age_bands, open: true },
				);
				NextFacilityId::<T>::put(facility + 1);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A resident was registered and holds a card on `who`.
		CitizenRegistered { who: T::AccountId, registrar: OrganizationId, info: CitizenInfo },
		/// A citizen's district or age band changed.
		CitizenUpdated { who: T::AccountId, info: CitizenInfo },
		/// A card was suspended.
		CardSuspended { who: T::AccountId, registrar: OrganizationId },
		/// A suspended card was resumed.
		CardResumed { who: T::AccountId, registrar: OrganizationId },
		/// A card was reported lost, by its holder (`by: None`) or a registrar.
		CardReportedLost { who: T::AccountId, by: Option<OrganizationId> },
		/// A card moved to a new account.
		CardReissued { from: T::AccountId, to: T::AccountId, registrar: OrganizationId },
		/// A card was revoked.
		CardRevoked { who: T::AccountId, registrar: OrganizationId },
		/// A facility was registered.
		FacilityRegistered { facility: FacilityId, operator: OrganizationId },
		/// A facility's name or rules changed.
		FacilityUpdated { facility: FacilityId },
		/// A facility opened or closed.
		FacilityOpenChanged { facility: FacilityId, open: bool },
		/// A facility was removed.
		FacilityRemoved { facility: FacilityId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The sender does not act for an active organization with the `Registrar` role.
		NotRegistrar,
		/// The sender does not act for an active organization with the `FacilityOperator` role.
		NotFacilityOperator,
		/// The account holds, or once held, a card of another resident, or holds an unrevoked one.
		AccountHasCard,
		/// The resident already holds an unrevoked card on another account.
		ResidentHasCard,
		/// The account holds no citizen card.
		NoCard,
		/// The card is revoked.
		CardRevoked,
		/// The card was reported lost: only a reissue to a new account brings it back.
		CardLost,
		/// The card is already suspended.
		AlreadySuspended,
		/// The card is not suspended.
		NotSuspended,
		/// The card is already reported lost.
		AlreadyLost,
		/// Only the card's holder or a registrar may report it lost.
		NotHolderOrRegistrar,
		/// A card is reissued to a different account.
		SameAccount,
		/// The district and age band are the ones the card already has.
		Unchanged,
		/// No facility has this id.
		UnknownFacility,
		/// The facility is another organization's.
		NotFacilityOwner,
		/// A facility needs a name.
		EmptyName,
		/// The name is longer than `MaxNameLength`.
		NameTooLong,
		/// The rule lists more districts than `MaxDistricts`.
		TooManyDistricts,
		/// The rule lists an age band twice.
		DuplicateAgeBand,
		/// The facility is already open, or already closed.
		OpenUnchanged,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers a resident: a card on `who`, for the resident whose keyed hash is
		/// `resident`, in `district`, of `age_band`.
		///
		/// The sender must act for a registrar. `who` gets a provider reference, so it exists
		/// and may transact with a zero balance. A revoked resident may be registered again:
		/// on a new account, or on the account that held the revoked card.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_citizen(T::MaxHistory::get()))]
		pub fn register_citizen(
			origin: OriginFor<T>,
			who: T::AccountId,
			resident: ResidentHash,
			district: DistrictCode,
			age_band: AgeBand,
		) -> DispatchResult {
			let registrar = Self::ensure_registrar(origin)?;
			if let Some(card) = Cards::<T>::get(&who) {
				ensure!(
					card.status == CardStatus::Revoked && card.resident == resident,
					Error::<T>::AccountHasCard
				);
			}
			if let Some(holder) = Residents::<T>::get(resident) {
				let revoked =
					Cards::<T>::get(&holder).is_none_or(|card| card.status == CardStatus::Revoked);
				ensure!(revoked, Error::<T>::ResidentHasCard);
			}
			let info = CitizenInfo { district, age_band };
			Cards::<T>::insert(
				&who,
				Card {
					resident,
					info,
					status: CardStatus::Active,
					registrar,
					since: frame_system::Pallet::<T>::block_number(),
				},
			);
			Residents::<T>::insert(resident, &who);
			T::Admission::admit(&who);
			Self::record(
				resident,
				Some(registrar),
				CardChange::Registered { account: who.clone() },
			);
			Self::deposit_event(Event::CitizenRegistered { who, registrar, info });
			Ok(())
		}

		/// Changes a citizen's district or age band (a move, a birthday).
		///
		/// The sender must act for a registrar; the card must not be revoked.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_citizen(T::MaxHistory::get()))]
		pub fn update_citizen(
			origin: OriginFor<T>,
			who: T::AccountId,
			district: DistrictCode,
			age_band: AgeBand,
		) -> DispatchResult {
			let registrar = Self::ensure_registrar(origin)?;
			let mut card = Cards::<T>::get(&who).ok_or(Error::<T>::NoCard)?;
			ensure!(card.status != CardStatus::Revoked, Error::<T>::CardRevoked);
			let info = CitizenInfo { district, age_band };
			ensure!(card.info != info, Error::<T>::Unchanged);
			card.info = info;
			let resident = card.resident;
			Cards::<T>::insert(&who, card);
			Self::record(resident, Some(registrar), CardChange::Updated { info });
			Self::deposit_event(Event::CitizenUpdated { who, info });
			Ok(())
		}

		/// Suspends an active card. The holder stays an account (nonce and provider kept) but is
		/// no longer an active citizen.
		///
		/// The sender must act for a registrar.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::suspend_card(T::MaxHistory::get()))]
		pub fn suspend_card(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let registrar = Self::ensure_registrar(origin)?;
			Self::change_status(&who, Some(registrar), |status| match status {
				CardStatus::Active => Ok((CardStatus::Suspended, CardChange::Suspended)),
				CardStatus::Suspended => Err(Error::<T>::AlreadySuspended),
				CardStatus::Lost => Err(Error::<T>::CardLost),
				CardStatus::Revoked => Err(Error::<T>::CardRevoked),
			})?;
			Self::deposit_event(Event::CardSuspended { who, registrar });
			Ok(())
		}

		/// Resumes a suspended card. A card reported lost is not resumed but reissued.
		///
		/// The sender must act for a registrar.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::resume_card(T::MaxHistory::get()))]
		pub fn resume_card(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let registrar = Self::ensure_registrar(origin)?;
			Self::change_status(&who, Some(registrar), |status| match status {
				CardStatus::Suspended => Ok((CardStatus::Active, CardChange::Resumed)),
				CardStatus::Active => Err(Error::<T>::NotSuspended),
				CardStatus::Lost => Err(Error::<T>::CardLost),
				CardStatus::Revoked => Err(Error::<T>::CardRevoked),
			})?;
			Self::deposit_event(Event::CardResumed { who, registrar });
			Ok(())
		}

		/// Reports the card of `who` lost: it stops working until a registrar reissues it to a
		/// new account.
		///
		/// The sender must be the holder (`who` itself) or act for a registrar.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::report_lost(T::MaxHistory::get()))]
		pub fn report_lost(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let sender = ensure_signed(origin)?;
			let by = if sender == who {
				None
			} else {
				Some(
					T::Registry::acting_as(&sender, Role::Registrar)
						.ok_or(Error::<T>::NotHolderOrRegistrar)?,
				)
			};
			Self::change_status(&who, by, |status| match status {
				CardStatus::Active | CardStatus::Suspended =>
					Ok((CardStatus::Lost, CardChange::ReportedLost)),
				CardStatus::Lost => Err(Error::<T>::AlreadyLost),
				CardStatus::Revoked => Err(Error::<T>::CardRevoked),
			})?;
			Self::deposit_event(Event::CardReportedLost { who, by });
			Ok(())
		}

		/// Moves the card of `from` to `to`, active, with the resident's history: what a
		/// registrar does when a phone is lost. `to` must never have held a card; it gets a
		/// provider reference. `from` keeps its account but holds no card any more.
		///
		/// The sender must act for a registrar; the card must not be revoked.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reissue_card(T::MaxHistory::get()))]
		pub fn reissue_card(
			origin: OriginFor<T>,
			from: T::AccountId,
			to: T::AccountId,
		) -> DispatchResult {
			let registrar = Self::ensure_registrar(origin)?;
			ensure!(from != to, Error::<T>::SameAccount);
			let mut card = Cards::<T>::get(&from).ok_or(Error::<T>::NoCard)?;
			ensure!(card.status != CardStatus::Revoked, Error::<T>::CardRevoked);
			ensure!(!Cards::<T>::contains_key(&to), Error::<T>::AccountHasCard);
			card.status = CardStatus::Active;
			card.registrar = registrar;
			card.since = frame_system::Pallet::<T>::block_number();
			let resident = card.resident;
			Cards::<T>::remove(&from);
			Cards::<T>::insert(&to, card);
			Residents::<T>::insert(resident, &to);
			T::Admission::admit(&to);
			Self::record(resident, Some(registrar), CardChange::Reissued { to: to.clone() });
			Self::deposit_event(Event::CardReissued { from, to, registrar });
			Ok(())
		}

		/// Revokes a card for good. The resident may be registered again later.
		///
		/// The sender must act for a registrar.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::revoke_card(T::MaxHistory::get()))]
		pub fn revoke_card(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let registrar = Self::ensure_registrar(origin)?;
			Self::change_status(&who, Some(registrar), |status| match status {
				CardStatus::Revoked => Err(Error::<T>::CardRevoked),
				_ => Ok((CardStatus::Revoked, CardChange::Revoked)),
			})?;
			Self::deposit_event(Event::CardRevoked { who, registrar });
			Ok(())
		}

		/// Registers a facility of the sender's organization, open, with its eligibility rules:
		/// the districts whose residents may use it and the age bands (empty: all).
		///
		/// The sender must act for a facility operator.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::register_facility(name.len() as u32, districts.len() as u32))]
		pub fn register_facility(
			origin: OriginFor<T>,
			name: Vec<u8>,
			districts: Vec<DistrictCode>,
			age_bands: Vec<AgeBand>,
		) -> DispatchResult {
			let operator = Self::ensure_facility_operator(origin)?;
			let (name, districts, age_bands) = Self::rules(name, districts, age_bands)?;
			let facility = NextFacilityId::<T>::get();
			Facilities::<T>::insert(
				facility,
				Facility { operator, name, districts, age_bands, open: true },
			);
			NextFacilityId::<T>::put(facility.wrapping_add(1));
			Self::deposit_event(Event::FacilityRegistered { facility, operator });
			Ok(())
		}

		/// Replaces a facility's name and eligibility rules.
		///
		/// The sender must act for the facility operator that registered it.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::update_facility(name.len() as u32, districts.len() as u32))]
		pub fn update_facility(
			origin: OriginFor<T>,
			facility: FacilityId,
			name: Vec<u8>,
			districts: Vec<DistrictCode>,
			age_bands: Vec<AgeBand>,
		) -> DispatchResult {
			let mut record = Self::own_facility(origin, facility)?;
			(record.name, record.districts, record.age_bands) =
				Self::rules(name, districts, age_bands)?;
			Facilities::<T>::insert(facility, record);
			Self::deposit_event(Event::FacilityUpdated { facility });
			Ok(())
		}

		/// Opens or closes a facility.
		///
		/// The sender must act for the facility operator that registered it.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_facility_open())]
		pub fn set_facility_open(
			origin: OriginFor<T>,
			facility: FacilityId,
			open: bool,
		) -> DispatchResult {
			let mut record = Self::own_facility(origin, facility)?;
			ensure!(record.open != open, Error::<T>::OpenUnchanged);
			record.open = open;
			Facilities::<T>::insert(facility, record);
			Self::deposit_event(Event::FacilityOpenChanged { facility, open });
			Ok(())
		}

		/// Removes a facility.
		///
		/// The sender must act for the facility operator that registered it.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::remove_facility())]
		pub fn remove_facility(origin: OriginFor<T>, facility: FacilityId) -> DispatchResult {
			Self::own_facility(origin, facility)?;
			Facilities::<T>::remove(facility);
			Self::deposit_event(Event::FacilityRemoved { facility });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// May the card of `who` use `facility` now? `Ok` or the reason why not.
		pub fn check_access(who: &T::AccountId, facility: FacilityId) -> Result<(), AccessRefusal> {
			let card = Cards::<T>::get(who).ok_or(AccessRefusal::NoCard)?;
			match card.status {
				CardStatus::Active => {},
				CardStatus::Suspended => return Err(AccessRefusal::CardSuspended),
				CardStatus::Lost => return Err(AccessRefusal::CardLost),
				CardStatus::Revoked => return Err(AccessRefusal::CardRevoked),
			}
			let facility = Facilities::<T>::get(facility).ok_or(AccessRefusal::UnknownFacility)?;
			if !facility.open {
				return Err(AccessRefusal::FacilityClosed);
			}
			if !facility.districts.is_empty() && !facility.districts.contains(&card.info.district) {
				return Err(AccessRefusal::OutsideDistrict);
			}
			if !facility.age_bands.is_empty() && !facility.age_bands.contains(&card.info.age_band) {
				return Err(AccessRefusal::AgeBandNotAllowed);
			}
			Ok(())
		}

		/// Whether `who` holds a card, whatever its status (suspended, lost and revoked cards
		/// included): the account is a citizen's, and the money rules on citizens' accounts
		/// apply to it.
		pub fn holds_card(who: &T::AccountId) -> bool {
			Cards::<T>::contains_key(who)
		}

		/// The card `who` holds, whatever its status.
		pub fn card_view(who: &T::AccountId) -> Option<CardView<BlockNumberFor<T>>> {
			Cards::<T>::get(who).map(|card| CardView {
				resident: card.resident,
				status: card.status,
				district: card.info.district,
				age_band: card.info.age_band,
				registrar: card.registrar,
				since: card.since,
			})
		}

		fn ensure_registrar(origin: OriginFor<T>) -> Result<OrganizationId, DispatchError> {
			let who = ensure_signed(origin)?;
			Ok(T::Registry::acting_as(&who, Role::Registrar).ok_or(Error::<T>::NotRegistrar)?)
		}

		fn ensure_facility_operator(origin: OriginFor<T>) -> Result<OrganizationId, DispatchError> {
			let who = ensure_signed(origin)?;
			Ok(T::Registry::acting_as(&who, Role::FacilityOperator)
				.ok_or(Error::<T>::NotFacilityOperator)?)
		}

		/// The facility, when the sender acts for the operator that registered it.
		fn own_facility(
			origin: OriginFor<T>,
			facility: FacilityId,
		) -> Result<Facility<T>, DispatchError> {
			let operator = Self::ensure_facility_operator(origin)?;
			let record = Facilities::<T>::get(facility).ok_or(Error::<T>::UnknownFacility)?;
			ensure!(record.operator == operator, Error::<T>::NotFacilityOwner);
			Ok(record)
		}

		/// A facility's name and rules, checked and bounded.
		#[allow(clippy::type_complexity)]
		fn rules(
			name: Vec<u8>,
			districts: Vec<DistrictCode>,
			age_bands: Vec<AgeBand>,
		) -> Result<
			(
				BoundedVec<u8, T::MaxNameLength>,
				BoundedVec<DistrictCode, T::MaxDistricts>,
				BoundedVec<AgeBand, ConstU32<4>>,
			),
			DispatchError,
		> {
			ensure!(!name.is_empty(), Error::<T>::EmptyName);
			let name: BoundedVec<_, _> = name.try_into().map_err(|_| Error::<T>::NameTooLong)?;
			let districts: BoundedVec<_, _> =
				districts.try_into().map_err(|_| Error::<T>::TooManyDistricts)?;
			let mut sorted = age_bands.clone();
			sorted.sort();
			sorted.dedup();
			ensure!(sorted.len() == age_bands.len(), Error::<T>::DuplicateAgeBand);
			let age_bands: BoundedVec<_, _> =
				age_bands.try_into().map_err(|_| Error::<T>::DuplicateAgeBand)?;
			Ok((name, districts, age_bands))
		}

		/// Applies `transition` to the status of the card of `who` and records the change.
		fn change_status(
			who: &T::AccountId,
			by: Option<OrganizationId>,
			transition: impl FnOnce(CardStatus) -> Result<(CardStatus, CardChange<T>), Error<T>>,
		) -> DispatchResult {
			let mut card = Cards::<T>::get(who).ok_or(Error::<T>::NoCard)?;
			let (status, change) = transition(card.status)?;
			card.status = status;
			let resident = card.resident;
			Cards::<T>::insert(who, card);
			Self::record(resident, by, change);
			Ok(())
		}

		/// Appends to a resident's history, dropping the oldest entry when it is full.
		fn record(resident: ResidentHash, by: Option<OrganizationId>, change: CardChange<T>) {
			let entry = HistoryEntry { at: frame_system::Pallet::<T>::block_number(), by, change };
			History::<T>::mutate(resident, |history| {
				if history.is_full() && !history.is_empty() {
					history.remove(0);
				}
				// Cannot fail: there is room now (or `MaxHistory` is 0 and nothing is kept).
				let _ = history.try_push(entry);
			});
		}
	}

	impl<T: Config> CitizenRegistry<T::AccountId> for Pallet<T> {
		fn citizen(who: &T::AccountId) -> Option<CitizenInfo> {
			Cards::<T>::get(who).filter(|card| card.status == CardStatus::Active).map(|c| c.info)
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn register_for_benchmark(who: &T::AccountId) {
			use sp_runtime::traits::{BlakeTwo256, Hash};
			let resident = BlakeTwo256::hash_of(who);
			Cards::<T>::insert(
				who,
				Card {
					resident,
					info: CitizenInfo { district: 1, age_band: AgeBand::Adult },
					status: CardStatus::Active,
					registrar: 0,
					since: frame_system::Pallet::<T>::block_number(),
				},
			);
			Residents::<T>::insert(resident, who);
			T::Admission::admit(who);
		}
	}
}
