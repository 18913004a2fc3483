//! The types the registry stores.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	BoundedBTreeSet, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use seoul_primitives::{OrganizationKind, Role};

/// Whether an organization may act.
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
pub enum OrganizationStatus {
	/// The organization acts with all its roles.
	Active,
	/// The city has suspended the organization: it holds its roles but may act as none of them,
	/// and its admin may only remove members or be replaced by the city.
	Suspended,
}

/// A registered organization.
///
/// Its members are listed in [`Members`](crate::Members); `members` keeps their number so that
/// no call has to count them.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, TypeInfo, MaxEncodedLen,
)]
#[codec(mel_bound())]
#[scale_info(skip_type_params(T))]
pub struct Organization<T: Config> {
	/// The organization's name, UTF-8.
	pub name: BoundedVec<u8, T::MaxNameLength>,
	/// What kind of body it is. Informational: permissions come from `roles`.
	pub kind: OrganizationKind,
	/// The roles it holds, each once. Encoded as a sorted list.
	pub roles: BoundedBTreeSet<Role, T::MaxRoles>,
	/// The account that adds and removes its members; itself a member.
	pub admin: T::AccountId,
	/// Whether it may act.
	pub status: OrganizationStatus,
	/// How many member accounts it has, the admin included.
	pub members: u32,
	/// The block in which it was registered.
	pub registered_at: BlockNumberFor<T>,
}

impl<T: Config> Organization<T> {
	/// Whether the organization is active.
	pub fn is_active(&self) -> bool {
		self.status == OrganizationStatus::Active
	}
}
