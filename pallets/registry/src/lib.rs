//! # Registry
//!
//! The organizations of the Seoul city chain, the roles they hold and their member accounts: the
//! one place that answers "may this account act as this role?".
//!
//! ## Overview
//!
//! The city registers organizations (city bureaus, the districts, agencies, banks, businesses,
//! charities, hospitals, ...) and grants each a set of [`Role`]s. Each organization has an
//! admin account, who adds and removes its member accounts. Every city-service pallet asks this
//! pallet, through [`OrganizationRegistry`] in its `Config` and never by reading this pallet's
//! storage, whether the account that signed a call may act as the role the call needs.
//!
//! The city may suspend an organization: while suspended, it acts as none of its roles, its
//! admin may add no member and may not hand over to another admin, but may still remove
//! members. The city resumes it, changes its roles, name, kind or admin, or deregisters it once
//! its admin has removed every other member.
//!
//! Name and kind change together, through `update_organization`: the kind is informational, so
//! one city call covers both. Every call checks everything before it writes anything, so a
//! refused call changes nothing (dispatch is transactional as well, but no call relies on it).
//!
//! ### Terminology
//!
//! - **City origin**: the origin that governs the chain ([`Config::CityOrigin`]): registers,
//!   updates, suspends, resumes and deregisters organizations, grants and revokes roles.
//! - **Organization**: a body registered by the city, with an id assigned in sequence from 0, a
//!   name, a kind ([`OrganizationKind`], informational), roles, an admin and members.
//! - **Role**: what an organization may do on the chain ([`Role`]); a service pallet requires a
//!   role for each of its privileged calls.
//! - **Admin**: the member account that adds and removes the organization's members. It is a
//!   member itself, and cannot be removed while it is the admin.
//! - **Member**: an account that acts for an organization. An account is a member of at most one
//!   organization: a person who works for two organizations uses two accounts, so that every
//!   signed call says unambiguously for which organization it is made.
//! - **Admitted account**: an account this pallet has once made a member. It was given a provider
//!   reference then, and keeps it for ever (see [`Admitted`]).
//!
//! ## Example
//!
//! The city registers a bank; its admin adds a clerk, who may then act as `Bank`:
#![doc = docify::embed!("src/tests.rs", register_and_act)]
//!
//! ## Pallet API
//!
//! See the [`pallet`] module for the configuration trait, calls, storage, events and errors, and
//! [`Pallet::organization`] and [`Pallet::members`] for the queries a runtime API serves.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::{Organization, OrganizationStatus};
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::{
	dispatch::DispatchResult, ensure, pallet_prelude::DispatchError, traits::Get, BoundedBTreeSet,
	BoundedVec,
};
use seoul_primitives::{OrganizationId, OrganizationKind, OrganizationRegistry, Role};
use sp_runtime::traits::StaticLookup;

/// The source of an account id, as calls take it (an address in polkadot-js).
pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The origin that registers, updates, suspends, resumes and deregisters organizations,
		/// grants and revokes their roles, and may set any organization's admin.
		type CityOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The longest organization name, in bytes. At least 1.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// The most roles one organization may hold. At least 1.
		#[pallet::constant]
		type MaxRoles: Get<u32>;

		/// The most member accounts one organization may have, its admin included. At least 1.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The id the next registered organization gets.
	#[pallet::storage]
	pub type NextOrganizationId<T: Config> = StorageValue<_, OrganizationId, ValueQuery>;

	/// The registered organizations, by id.
	#[pallet::storage]
	pub type Organizations<T: Config> =
		StorageMap<_, Blake2_128Concat, OrganizationId, Organization<T>, OptionQuery>;

	/// The organization each member account acts for. An account is a member of at most one
	/// organization.
	#[pallet::storage]
	pub type MemberOf<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, OrganizationId, OptionQuery>;

	/// The member accounts of each organization, its admin included, so they can be listed.
	#[pallet::storage]
	pub type Members<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		OrganizationId,
		Blake2_128Concat,
		T::AccountId,
		(),
		OptionQuery,
	>;

	/// The accounts this pallet has given a provider reference, so each is given one only once.
	///
	/// An account admitted as a member gets a provider reference the first time, so that it
	/// exists and can sign with a zero balance. It keeps it when removed or when its
	/// organization is deregistered: dropping the last provider would reap the account and reset
	/// its nonce to zero, and old immortal transactions it signed would become valid again.
	#[pallet::storage]
	pub type Admitted<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, (), OptionQuery>;

	/// The organizations registered at genesis, in order: they get ids 0, 1, ...
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// For each organization: name (UTF-8 bytes), kind, roles, admin, other members.
		pub organizations:
			Vec<(Vec<u8>, OrganizationKind, Vec<Role>, T::AccountId, Vec<T::AccountId>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (index, (name, kind, roles, admin, members)) in
				self.organizations.iter().enumerate()
			{
				let name: BoundedVec<u8, T::MaxNameLength> =
					name.clone().try_into().unwrap_or_else(|_| {
						panic!("registry genesis: organization {index}: name too long")
					});
				let id = Pallet::<T>::do_register(name, *kind, roles, admin.clone())
					.unwrap_or_else(|e| panic!("registry genesis: organization {index}: {e:?}"));
				for who in members {
					Pallet::<T>::do_add_member(id, who).unwrap_or_else(|e| {
						panic!("registry genesis: organization {index}: member {who:?}: {e:?}")
					});
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An organization was registered, with its admin as its first member.
		OrganizationRegistered {
			/// Its id.
			organization: OrganizationId,
			/// Its kind.
			kind: OrganizationKind,
			/// Its admin.
			admin: T::AccountId,
		},
		/// An organization's name and kind were updated.
		OrganizationUpdated {
			/// The organization.
			organization: OrganizationId,
		},
		/// A role was granted to an organization.
		RoleGranted {
			/// The organization.
			organization: OrganizationId,
			/// The role.
			role: Role,
		},
		/// A role was revoked from an organization.
		RoleRevoked {
			/// The organization.
			organization: OrganizationId,
			/// The role.
			role: Role,
		},
		/// An account was added to an organization's members.
		MemberAdded {
			/// The organization.
			organization: OrganizationId,
			/// The new member.
			who: T::AccountId,
		},
		/// An account was removed from an organization's members.
		MemberRemoved {
			/// The organization.
			organization: OrganizationId,
			/// The former member.
			who: T::AccountId,
		},
		/// An organization's admin changed.
		AdminChanged {
			/// The organization.
			organization: OrganizationId,
			/// The former admin, still a member.
			old: T::AccountId,
			/// The new admin.
			new: T::AccountId,
		},
		/// An organization was suspended: it acts as none of its roles.
		OrganizationSuspended {
			/// The organization.
			organization: OrganizationId,
		},
		/// A suspended organization was resumed.
		OrganizationResumed {
			/// The organization.
			organization: OrganizationId,
		},
		/// An organization was deregistered; its admin is no longer a member.
		OrganizationDeregistered {
			/// The organization's former id, never reused.
			organization: OrganizationId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The name is empty: give the organization a name.
		EmptyName,
		/// A role appears twice in the list: list each role once.
		DuplicateRole,
		/// The account is already a member of an organization: remove it there first, or use
		/// another account.
		AlreadyMember,
		/// Every organization id has been used: no more organizations can be registered.
		NoMoreIds,
		/// No organization has this id: check the id (deregistered ids are never reused).
		UnknownOrganization,
		/// The organization already holds this role.
		RoleAlreadyGranted,
		/// The organization holds as many roles as it may (`MaxRoles`): revoke one first.
		TooManyRoles,
		/// The organization does not hold this role.
		RoleNotGranted,
		/// The signer is not the organization's admin: only the admin manages its members.
		NotAdmin,
		/// The organization is suspended: only removing members is allowed until the city
		/// resumes it.
		Suspended,
		/// The organization has as many members as it may (`MaxMembers`): remove one first.
		TooManyMembers,
		/// The account is not a member of this organization.
		NotMember,
		/// The admin cannot be removed: make another member the admin first.
		CannotRemoveAdmin,
		/// The account is already the organization's admin.
		AlreadyAdmin,
		/// The organization is already suspended.
		AlreadySuspended,
		/// The organization is not suspended.
		NotSuspended,
		/// The organization has members besides its admin: the admin removes them first.
		HasMembers,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxNameLength::get() > 0, "`MaxNameLength` must be at least 1");
			assert!(T::MaxRoles::get() > 0, "`MaxRoles` must be at least 1");
			assert!(T::MaxMembers::get() > 0, "`MaxMembers` must be at least 1: the admin");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register an organization, with `admin` as its admin and first member.
		///
		/// ## Dispatch Origin
		///
		/// [`Config::CityOrigin`].
		///
		/// ## Details
		///
		/// The organization gets the next id ([`NextOrganizationId`]) and is active. `admin` is
		/// given a provider reference if this pallet never gave it one ([`Admitted`]).
		///
		/// ## Errors
		///
		/// - [`Error::EmptyName`]: `name` is empty.
		/// - [`Error::DuplicateRole`]: a role appears twice in `roles`.
		/// - [`Error::AlreadyMember`]: `admin` is a member of an organization.
		/// - [`Error::NoMoreIds`]: every id has been used.
		///
		/// ## Events
		///
		/// [`Event::OrganizationRegistered`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_organization())]
		pub fn register_organization(
			origin: OriginFor<T>,
			name: BoundedVec<u8, T::MaxNameLength>,
			kind: OrganizationKind,
			roles: BoundedVec<Role, T::MaxRoles>,
			admin: AccountIdLookupOf<T>,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let admin = T::Lookup::lookup(admin)?;
			let organization = Self::do_register(name, kind, &roles, admin.clone())?;
			Self::deposit_event(Event::OrganizationRegistered { organization, kind, admin });
			Ok(())
		}

		/// Update an organization's name and kind.
		///
		/// ## Dispatch Origin
		///
		/// [`Config::CityOrigin`].
		///
		/// ## Details
		///
		/// Both are replaced; pass the current value to keep one. Allowed while suspended.
		///
		/// ## Errors
		///
		/// - [`Error::UnknownOrganization`]: no organization has this id.
		/// - [`Error::EmptyName`]: `name` is empty.
		///
		/// ## Events
		///
		/// [`Event::OrganizationUpdated`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_organization())]
		pub fn update_organization(
			origin: OriginFor<T>,
			organization: OrganizationId,
			name: BoundedVec<u8, T::MaxNameLength>,
			kind: OrganizationKind,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let mut org = Self::existing(organization)?;
			ensure!(!name.is_empty(), Error::<T>::EmptyName);
			org.name = name;
			org.kind = kind;
			Organizations::<T>::insert(organization, org);
			Self::deposit_event(Event::OrganizationUpdated { organization });
			Ok(())
		}

		/// Grant a role to an organization.
		///
		/// ## Dispatch Origin
		///
		/// [`Config::CityOrigin`].
		///
		/// ## Details
		///
		/// Allowed while suspended: the role takes effect when the organization is resumed.
		///
		/// ## Errors
		///
		/// - [`Error::UnknownOrganization`]: no organization has this id.
		/// - [`Error::RoleAlreadyGranted`]: it holds the role.
		/// - [`Error::TooManyRoles`]: it holds [`Config::MaxRoles`] roles.
		///
		/// ## Events
		///
		/// [`Event::RoleGranted`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::grant_role())]
		pub fn grant_role(
			origin: OriginFor<T>,
			organization: OrganizationId,
			role: Role,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let mut org = Self::existing(organization)?;
			ensure!(!org.roles.contains(&role), Error::<T>::RoleAlreadyGranted);
			org.roles.try_insert(role).map_err(|_| Error::<T>::TooManyRoles)?;
			Organizations::<T>::insert(organization, org);
			Self::deposit_event(Event::RoleGranted { organization, role });
			Ok(())
		}

		/// Revoke a role from an organization.
		///
		/// ## Dispatch Origin
		///
		/// [`Config::CityOrigin`].
		///
		/// ## Details
		///
		/// Its members may no longer act as this role, from the next call on.
		///
		/// ## Errors
		///
		/// - [`Error::UnknownOrganization`]: no organization has this id.
		/// - [`Error::RoleNotGranted`]: it does not hold the role.
		///
		/// ## Events
		///
		/// [`Event::RoleRevoked`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::revoke_role())]
		pub fn revoke_role(
			origin: OriginFor<T>,
			organization: OrganizationId,
			role: Role,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let mut org = Self::existing(organization)?;
			ensure!(org.roles.remove(&role), Error::<T>::RoleNotGranted);
			Organizations::<T>::insert(organization, org);
			Self::deposit_event(Event::RoleRevoked { organization, role });
			Ok(())
		}

		/// Add an account to an organization's members.
		///
		/// ## Dispatch Origin
		///
		/// Signed by the organization's admin.
		///
		/// ## Details
		///
		/// `who` may then act for the organization as any role it holds. It is given a provider
		/// reference if this pallet never gave it one ([`Admitted`]), so it can sign with a zero
		/// balance.
		///
		/// ## Errors
		///
		/// - [`Error::UnknownOrganization`]: no organization has this id.
		/// - [`Error::NotAdmin`]: the signer is not its admin.
		/// - [`Error::Suspended`]: it is suspended.
		/// - [`Error::AlreadyMember`]: `who` is a member of an organization.
		/// - [`Error::TooManyMembers`]: it has [`Config::MaxMembers`] members.
		///
		/// ## Events
		///
		/// [`Event::MemberAdded`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::add_member())]
		pub fn add_member(
			origin: OriginFor<T>,
			organization: OrganizationId,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			let org = Self::existing(organization)?;
			ensure!(org.admin == caller, Error::<T>::NotAdmin);
			Self::do_add_member(organization, &who)?;
			Self::deposit_event(Event::MemberAdded { organization, who });
			Ok(())
		}

		/// Remove an account from an organization's members.
		///
		/// ## Dispatch Origin
		///
		/// Signed by the organization's admin.
		///
		/// ## Details
		///
		/// Allowed while suspended, so the admin can clean up. `who` keeps its provider
		/// reference (see [`Admitted`]) and may later join any organization.
		///
		/// ## Errors
		///
		/// - [`Error::UnknownOrganization`]: no organization has this id.
		/// - [`Error::NotAdmin`]: the signer is not its admin.
		/// - [`Error::CannotRemoveAdmin`]: `who` is its admin; set another admin first.
		/// - [`Error::NotMember`]: `who` is not its member.
		///
		/// ## Events
		///
		/// [`Event::MemberRemoved`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_member())]
		pub fn remove_member(
			origin: OriginFor<T>,
			organization: OrganizationId,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			let mut org = Self::existing(organization)?;
			ensure!(org.admin == caller, Error::<T>::NotAdmin);
			ensure!(org.admin != who, Error::<T>::CannotRemoveAdmin);
			ensure!(MemberOf::<T>::get(&who) == Some(organization), Error::<T>::NotMember);
			org.members = org.members.saturating_sub(1);
			Organizations::<T>::insert(organization, org);
			Members::<T>::remove(organization, &who);
			MemberOf::<T>::remove(&who);
			Self::deposit_event(Event::MemberRemoved { organization, who });
			Ok(())
		}

		/// Make another member the organization's admin.
		///
		/// ## Dispatch Origin
		///
		/// [`Config::CityOrigin`], or signed by the organization's current admin.
		///
		/// ## Details
		///
		/// `new_admin` must already be a member of the organization; the former admin stays a
		/// member. The current admin may hand over only while the organization is active; the
		/// city may also while it is suspended.
		///
		/// ## Errors
		///
		/// - [`Error::UnknownOrganization`]: no organization has this id.
		/// - [`Error::NotAdmin`]: signed by an account that is not its admin.
		/// - [`Error::Suspended`]: signed by the admin while it is suspended.
		/// - [`Error::AlreadyAdmin`]: `new_admin` is its admin.
		/// - [`Error::NotMember`]: `new_admin` is not its member.
		///
		/// ## Events
		///
		/// [`Event::AdminChanged`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_admin())]
		pub fn set_admin(
			origin: OriginFor<T>,
			organization: OrganizationId,
			new_admin: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let caller: Option<T::AccountId> = match T::CityOrigin::try_origin(origin) {
				Ok(_) => None,
				Err(origin) => Some(ensure_signed(origin)?),
			};
			let new = T::Lookup::lookup(new_admin)?;
			let mut org = Self::existing(organization)?;
			if let Some(caller) = caller {
				ensure!(org.admin == caller, Error::<T>::NotAdmin);
				ensure!(org.is_active(), Error::<T>::Suspended);
			}
			ensure!(org.admin != new, Error::<T>::AlreadyAdmin);
			ensure!(MemberOf::<T>::get(&new) == Some(organization), Error::<T>::NotMember);
			let old = core::mem::replace(&mut org.admin, new.clone());
			Organizations::<T>::insert(organization, org);
			Self::deposit_event(Event::AdminChanged { organization, old, new });
			Ok(())
		}

		/// Suspend an organization: it acts as none of its roles until resumed.
		///
		/// ## Dispatch Origin
		///
		/// [`Config::CityOrigin`].
		///
		/// ## Details
		///
		/// Its members stay members (and stay admitted to the network); its admin may still
		/// remove members but not add any or hand over.
		///
		/// ## Errors
		///
		/// - [`Error::UnknownOrganization`]: no organization has this id.
		/// - [`Error::AlreadySuspended`]: it is suspended.
		///
		/// ## Events
		///
		/// [`Event::OrganizationSuspended`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::suspend_organization())]
		pub fn suspend_organization(
			origin: OriginFor<T>,
			organization: OrganizationId,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let mut org = Self::existing(organization)?;
			ensure!(org.is_active(), Error::<T>::AlreadySuspended);
			org.status = OrganizationStatus::Suspended;
			Organizations::<T>::insert(organization, org);
			Self::deposit_event(Event::OrganizationSuspended { organization });
			Ok(())
		}

		/// Resume a suspended organization.
		///
		/// ## Dispatch Origin
		///
		/// [`Config::CityOrigin`].
		///
		/// ## Details
		///
		/// It acts again as every role it holds.
		///
		/// ## Errors
		///
		/// - [`Error::UnknownOrganization`]: no organization has this id.
		/// - [`Error::NotSuspended`]: it is not suspended.
		///
		/// ## Events
		///
		/// [`Event::OrganizationResumed`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::resume_organization())]
		pub fn resume_organization(
			origin: OriginFor<T>,
			organization: OrganizationId,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let mut org = Self::existing(organization)?;
			ensure!(!org.is_active(), Error::<T>::NotSuspended);
			org.status = OrganizationStatus::Active;
			Organizations::<T>::insert(organization, org);
			Self::deposit_event(Event::OrganizationResumed { organization });
			Ok(())
		}

		/// Deregister an organization whose admin is its last member.
		///
		/// ## Dispatch Origin
		///
		/// [`Config::CityOrigin`].
		///
		/// ## Details
		///
		/// The admin removes the other members first ([`Pallet::remove_member`]), so this call
		/// does a fixed amount of work. The admin stops being a member and keeps its provider
		/// reference (see [`Admitted`]). The id is never reused.
		///
		/// ## Errors
		///
		/// - [`Error::UnknownOrganization`]: no organization has this id.
		/// - [`Error::HasMembers`]: it has members besides its admin.
		///
		/// ## Events
		///
		/// [`Event::OrganizationDeregistered`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::deregister_organization())]
		pub fn deregister_organization(
			origin: OriginFor<T>,
			organization: OrganizationId,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let org = Self::existing(organization)?;
			ensure!(org.members <= 1, Error::<T>::HasMembers);
			Members::<T>::remove(organization, &org.admin);
			MemberOf::<T>::remove(&org.admin);
			Organizations::<T>::remove(organization);
			Self::deposit_event(Event::OrganizationDeregistered { organization });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The organization with id `id`, if registered. For the registry's runtime API.
	pub fn organization(id: OrganizationId) -> Option<Organization<T>> {
		Organizations::<T>::get(id)
	}

	/// The member accounts of organization `id`, its admin included, in no particular order;
	/// empty if it is not registered. At most [`Config::MaxMembers`]. For the registry's runtime
	/// API.
	pub fn members(id: OrganizationId) -> Vec<T::AccountId> {
		Members::<T>::iter_key_prefix(id).collect()
	}

	/// The registered organization `id`, or [`Error::UnknownOrganization`].
	fn existing(id: OrganizationId) -> Result<Organization<T>, DispatchError> {
		Organizations::<T>::get(id).ok_or_else(|| Error::<T>::UnknownOrganization.into())
	}

	/// Register an active organization with `admin` as its admin and first member; returns its
	/// id. Checks everything before writing anything.
	pub(crate) fn do_register(
		name: BoundedVec<u8, T::MaxNameLength>,
		kind: OrganizationKind,
		roles: &[Role],
		admin: T::AccountId,
	) -> Result<OrganizationId, DispatchError> {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		let mut role_set = BoundedBTreeSet::<Role, T::MaxRoles>::new();
		for role in roles {
			let inserted = role_set.try_insert(*role).map_err(|_| Error::<T>::TooManyRoles)?;
			ensure!(inserted, Error::<T>::DuplicateRole);
		}
		ensure!(!MemberOf::<T>::contains_key(&admin), Error::<T>::AlreadyMember);
		let id = NextOrganizationId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::NoMoreIds)?;

		NextOrganizationId::<T>::put(next);
		Organizations::<T>::insert(
			id,
			Organization {
				name,
				kind,
				roles: role_set,
				admin: admin.clone(),
				status: OrganizationStatus::Active,
				members: 1,
				registered_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Self::admit(id, &admin);
		Ok(id)
	}

	/// Add `who` to the members of the active organization `id`, without checking who asks.
	/// Checks everything before writing anything.
	pub(crate) fn do_add_member(id: OrganizationId, who: &T::AccountId) -> DispatchResult {
		let mut org = Self::existing(id)?;
		ensure!(org.is_active(), Error::<T>::Suspended);
		ensure!(!MemberOf::<T>::contains_key(who), Error::<T>::AlreadyMember);
		ensure!(org.members < T::MaxMembers::get(), Error::<T>::TooManyMembers);
		org.members = org.members.saturating_add(1);
		Organizations::<T>::insert(id, org);
		Self::admit(id, who);
		Ok(())
	}

	/// Record `who` as a member of `id`, and give it a provider reference the first time it is
	/// ever admitted: it then exists and can sign with a zero balance. The reference is never
	/// dropped (see [`Admitted`]).
	fn admit(id: OrganizationId, who: &T::AccountId) {
		Members::<T>::insert(id, who, ());
		MemberOf::<T>::insert(who, id);
		if !Admitted::<T>::contains_key(who) {
			let _ = frame_system::Pallet::<T>::inc_providers(who);
			Admitted::<T>::insert(who, ());
		}
	}
}

impl<T: Config> OrganizationRegistry<T::AccountId> for Pallet<T> {
	fn organization_of(who: &T::AccountId) -> Option<OrganizationId> {
		MemberOf::<T>::get(who)
	}

	fn has_role(org: OrganizationId, role: Role) -> bool {
		Organizations::<T>::get(org).is_some_and(|o| o.is_active() && o.roles.contains(&role))
	}

	fn payment_account(org: OrganizationId) -> Option<T::AccountId> {
		Organizations::<T>::get(org).map(|o| o.admin)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmark(who: &T::AccountId, role: Role) -> OrganizationId {
		if let Some(id) = MemberOf::<T>::get(who) {
			Organizations::<T>::mutate(id, |maybe_org| {
				if let Some(org) = maybe_org {
					org.status = OrganizationStatus::Active;
					let _ = org.roles.try_insert(role);
				}
			});
			return id;
		}
		let name = BoundedVec::truncate_from(b"benchmark".to_vec());
		Self::do_register(name, OrganizationKind::Other, &[role], who.clone())
			.expect("a fresh account registers an organization with one role; qed")
	}
}
