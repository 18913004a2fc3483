//! # City council pallet
//!
//! The city's chain is governed by the *city origin*: Root, or a motion of the council (the city
//! and the operators, in `pallet-collective`) carried by at least two thirds **with the city's
//! own vote among the ayes**, so that the operators alone never govern the city's chain.
//!
//! `pallet-collective` gives a carried motion only `Members(ayes, seats)` as its origin, which
//! says how many voted aye but not who. This pallet adds the missing check:
//!
//! - The council proposes `CityCouncil::enact(call)` as its motion (the motion *is* the `enact`
//!   call, not a batch around it).
//! - When the motion is carried, `enact` runs with the collective's origin. It requires that
//!   origin to be a two-thirds motion ([`Config::MotionOrigin`]).
//! - It hashes itself, which gives the motion's hash, and requires that hash to be the motion
//!   the collective is executing. The council's collective stores and dispatches its motions as
//!   [`Motion`]s, which record their own hash for the time of their dispatch. So an `enact`
//!   inside another motion (a batch of `enact`s, say) is refused with [`Error::NotTheMotion`]:
//!   one motion's votes authorize exactly one dispatch, that motion's own.
//! - It reads who voted aye from the motion's vote record, which pallet-collective removes only
//!   after the dispatch, and requires the city's seat ([`CitySeat`]) among the ayes.
//! - It dispatches `call` as Root.
//!
//! A motion that fails one of these checks is still closed by the collective, whose `Executed`
//! event carries this pallet's error. An `enact` whose inner call fails succeeds itself, and
//! [`Event::Enacted`] carries the inner error, as `pallet-sudo` does.
//!
//! A lone council member's motion (threshold 1) is executed at once, without a vote record, and
//! with the origin of one aye: short of two thirds on a council of more than one, it is refused
//! with `BadOrigin`; a council of one member gets [`Error::NoVoteRecord`]. A motion needs a
//! threshold of at least 2.
//!
//! The city's seat is set at genesis and changed by the city origin ([`Pallet::set_city_seat`]).
//! The seat must stay a council member: a chain without sudo whose city seat leaves the council
//! can no longer be governed. Council membership is changed only by the city origin (the runtime
//! refuses `pallet-membership`'s `change_key`, by which a member would move its own seat), so
//! only the city can make that mistake.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	dispatch::{DispatchInfo, GetDispatchInfo, PostDispatchInfo},
	dispatch_context::{run_in_context, with_context},
	CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Dispatchable, Hash};

/// Who voted aye on an open motion of the council.
pub trait MotionVotes<Hash, AccountId> {
	/// The accounts that voted aye on the open motion whose proposal hashes to `motion`, or
	/// `None` when there is no vote record for it.
	fn ayes(motion: &Hash) -> Option<Vec<AccountId>>;

	/// Opens a vote record for `motion` with these ayes, for the benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn open_for_benchmark(motion: &Hash, ayes: Vec<AccountId>);
}

/// The vote record `pallet-collective` keeps for an open motion (its `Votes`), field for field.
///
/// `pallet-collective` 50 keeps the fields of `Votes` private. Its SCALE encoding is on-chain
/// state, so it does not change without a storage migration; the unit tests read it back from
/// the real pallet-collective to catch such a change.
#[derive(Encode, Decode)]
struct VoteRecord<AccountId, BlockNumber> {
	index: u32,
	threshold: u32,
	ayes: Vec<AccountId>,
	nays: Vec<AccountId>,
	end: BlockNumber,
}

/// [`MotionVotes`] from the vote records of the `pallet-collective` instance `I`.
pub struct CollectiveVotes<T, I = ()>(PhantomData<(T, I)>);

impl<T: pallet_collective::Config<I>, I: 'static> MotionVotes<T::Hash, T::AccountId>
	for CollectiveVotes<T, I>
{
	fn ayes(motion: &T::Hash) -> Option<Vec<T::AccountId>> {
		let key = pallet_collective::Voting::<T, I>::hashed_key_for(motion);
		frame_support::storage::unhashed::get::<VoteRecord<T::AccountId, BlockNumberFor<T>>>(&key)
			.map(|record| record.ayes)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn open_for_benchmark(motion: &T::Hash, ayes: Vec<T::AccountId>) {
		let key = pallet_collective::Voting::<T, I>::hashed_key_for(motion);
		let record = VoteRecord {
			index: 0,
			threshold: ayes.len() as u32,
			ayes,
			nays: Vec::new(),
			end: frame_system::Pallet::<T>::block_number(),
		};
		frame_support::storage::unhashed::put(&key, &record);
	}
}

/// A council motion: the call the council's collective stores, votes on and dispatches (its
/// `pallet_collective::Config::Proposal`).
///
/// It encodes, hashes and weighs itself exactly as the call it holds, so clients propose the
/// runtime's call (its type information is a wrapper of one unnamed field, which polkadot-js and
/// subxt take as the call itself) and the collective's storage is the same.
///
/// Dispatching it dispatches the call with the motion's hash recorded as the motion being
/// executed, in the dispatch's context (memory, not storage, gone with the dispatch): that is
/// how [`Pallet::enact`] knows which motion carried it. The collective dispatches a motion from
/// `close` (carried, `Members` origin), from `execute` (one member's `Member` origin) and from
/// `propose` with a threshold below 2; only the first gives `enact` the two-thirds origin it
/// requires.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	scale_info::TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Motion<T: Config>(pub <T as Config>::RuntimeCall);

/// The hash of the motion the collective is executing, while it executes it.
#[derive(Default)]
struct Executing<Hash>(Option<Hash>);

impl<T: Config> Motion<T> {
	/// The motion the collective is executing now, if any, taken: it authorizes one `enact`.
	fn take_executing() -> Option<T::Hash> {
		with_context::<Executing<T::Hash>, _>(|executing| {
			executing.get_mut().and_then(|executing| executing.0.take())
		})
		.flatten()
	}
}

impl<T: Config> GetDispatchInfo for Motion<T> {
	fn get_dispatch_info(&self) -> DispatchInfo {
		self.0.get_dispatch_info()
	}
}

impl<T: Config> From<frame_system::Call<T>> for Motion<T>
where
	<T as Config>::RuntimeCall: From<frame_system::Call<T>>,
{
	fn from(call: frame_system::Call<T>) -> Self {
		Self(call.into())
	}
}

impl<T: Config> Dispatchable for Motion<T>
where
	T::RuntimeOrigin: core::fmt::Debug,
{
	type RuntimeOrigin = T::RuntimeOrigin;
	type Config = <<T as Config>::RuntimeCall as Dispatchable>::Config;
	type Info = DispatchInfo;
	type PostInfo = PostDispatchInfo;

	fn dispatch(
		self,
		origin: Self::RuntimeOrigin,
	) -> sp_runtime::DispatchResultWithInfo<PostDispatchInfo> {
		let motion = T::Hashing::hash_of(&self.0);
		run_in_context(|| {
			let set = |hash| {
				with_context::<Executing<T::Hash>, _>(|executing| {
					core::mem::replace(executing.or_default(), Executing(hash)).0
				})
				.flatten()
			};
			// A motion's call cannot close another motion (`close` is signed), but should one
			// motion ever be dispatched inside another, the outer one is executing again once
			// the inner one is done.
			let outer = set(Some(motion));
			let result = self.0.dispatch(origin);
			set(outer);
			result
		})
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::boxed::Box;
	use frame_support::{pallet_prelude::*, traits::UnfilteredDispatchable};
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The runtime's call: what a motion enacts.
		type RuntimeCall: Parameter
			+ UnfilteredDispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo
			+ From<Call<Self>>
			+ From<frame_system::Call<Self>>;

		/// A council motion carried by the majority the city origin needs (two thirds).
		type MotionOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who voted aye on a motion: [`CollectiveVotes`] of the council's collective.
		type MotionVotes: MotionVotes<Self::Hash, Self::AccountId>;

		/// Sets the city's seat: the city origin.
		type CitySeatOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The most members the council may have: the longest list of ayes to search.
		#[pallet::constant]
		type MaxCouncilMembers: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The council member whose aye every motion of the city origin needs: the city's seat.
	#[pallet::storage]
	pub type CitySeat<T: Config> = StorageValue<_, T::AccountId, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The city's seat on the council.
		pub city_seat: Option<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(city) = &self.city_seat {
				CitySeat::<T>::put(city);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A motion carried with the city's aye was dispatched as Root, with this result.
		Enacted { motion: T::Hash, result: DispatchResult },
		/// The city's seat on the council changed.
		CitySeatSet { who: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No city seat is set, so no motion can carry the city origin.
		NoCitySeat,
		/// There is no vote record for this motion: it was executed at once, without a vote (a
		/// council of one member). `enact` must be proposed with a threshold of at least 2.
		NoVoteRecord,
		/// This `enact` is not the motion the council is executing: it must itself be the
		/// council's motion, not inside a batch or another motion.
		NotTheMotion,
		/// The city's seat did not vote aye: the operators alone do not govern the chain.
		CityDidNotApprove,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Dispatches `call` as Root, when this call is a council motion carried by two thirds
		/// with the city's seat among the ayes.
		///
		/// The origin must be [`Config::MotionOrigin`]. Emits [`Event::Enacted`] with the result
		/// of `call`.
		#[pallet::call_index(0)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(
				T::WeightInfo::enact(T::MaxCouncilMembers::get()).saturating_add(info.call_weight),
				info.class,
			)
		})]
		pub fn enact(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::MotionOrigin::ensure_origin(origin)?;
			let city = CitySeat::<T>::get().ok_or(Error::<T>::NoCitySeat)?;
			// The collective hashes the boxed call it stores; a `Box` encodes as its content.
			let motion = T::Hashing::hash_of(&<T as Config>::RuntimeCall::from(Call::<T>::enact {
				call: call.clone(),
			}));
			ensure!(Motion::<T>::take_executing() == Some(motion), Error::<T>::NotTheMotion);
			let ayes = T::MotionVotes::ayes(&motion).ok_or(Error::<T>::NoVoteRecord)?;
			ensure!(ayes.contains(&city), Error::<T>::CityDidNotApprove);

			let call_weight = call.get_dispatch_info().call_weight;
			let result = call.dispatch_bypass_filter(frame_system::RawOrigin::Root.into());
			let actual = match &result {
				Ok(post) => post.actual_weight,
				Err(error) => error.post_info.actual_weight,
			}
			.unwrap_or(call_weight);
			Self::deposit_event(Event::Enacted {
				motion,
				result: result.map(|_| ()).map_err(|error| error.error),
			});
			Ok(Some(T::WeightInfo::enact(ayes.len() as u32).saturating_add(actual)).into())
		}

		/// Makes `who` the city's seat on the council.
		///
		/// The origin must be [`Config::CitySeatOrigin`]. Emits [`Event::CitySeatSet`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_city_seat())]
		pub fn set_city_seat(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::CitySeatOrigin::ensure_origin(origin)?;
			CitySeat::<T>::put(&who);
			Self::deposit_event(Event::CitySeatSet { who });
			Ok(())
		}
	}
}
