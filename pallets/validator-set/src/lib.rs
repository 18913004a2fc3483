//! # Validator set
//!
//! The validators of the Seoul city chain, added and removed by the city: the accounts whose
//! session keys are the Aura and GRANDPA authorities. The set feeds `pallet-session` as its
//! [`SessionManager`], so the authorities change on a running chain, without restarting any
//! node.
//!
//! ## Overview
//!
//! The city origin adds a validator, removes one, or swaps one for another in a single call (the
//! way to replace a validator while the set is at its minimum). Every call checks everything
//! before it writes anything, so a refused call changes nothing: it refuses an account that is
//! already a validator, one that is not, one that has not set its session keys, and any change
//! that would leave more than [`Config::MaxValidators`] or fewer than [`Config::MinValidators`]
//! validators.
//!
//! A change takes effect one to two sessions after it is made. At each session rotation,
//! pallet-session asks this pallet for the set of the session after next
//! ([`SessionManager::new_session`]) and queues it with each validator's session keys; at the
//! following rotation it activates it, and Aura and GRANDPA switch to the new authorities. When
//! the set has not changed since the last rotation, this pallet answers `None`: pallet-session
//! keeps the set it has, and GRANDPA schedules no authority-set change.
//!
//! ### Terminology
//!
//! - **City origin**: the origin that governs the chain ([`Config::AddRemoveOrigin`]): adds,
//!   removes and swaps validators.
//! - **Validator**: an account in [`Validators`]. Its authorities are the session keys it set with
//!   pallet-session's `set_keys` (an Aura and a GRANDPA key), not its account key.
//! - **Session**: a fixed number of blocks (`SESSION_PERIOD` in the runtime) during which the
//!   authorities do not change.
//! - **Admitted account**: an account this pallet has once made a validator (at genesis or by
//!   [`Pallet::add_validator`] or [`Pallet::swap_validator`]). It was given a provider reference
//!   then, and keeps it for ever (see [`Admitted`]).
//!
//! ## Becoming a validator
//!
//! 1. The operator's validator account exists on chain with a provider reference. On this chain
//!    that is a member account of the operator's organization in the registry: membership gives
//!    it a provider reference and admits it to the network. pallet-session's `set_keys` takes a
//!    consumer reference and refuses (`NoAccount`) an account without a provider; it needs no
//!    balance, since the runtime's key deposit is zero.
//! 2. The operator starts its node, generates session keys in the node's keystore with
//!    `author_rotateKeysWithOwner(owner)`, `owner` being the validator account's id (its 32
//!    bytes), and registers them with `Session::set_keys(keys, proof)`, signed by that account:
//!    pallet-session checks that `proof` holds each key's signature of the account id.
//! 3. The city origin calls [`Pallet::add_validator`]. This pallet gives the account a provider
//!    reference of its own the first time, so the account keeps existing (and its nonce) even if
//!    it later leaves its organization.
//!
//! Keys come before admission to the set, and the account before its keys: that is why this
//! pallet does not admit candidates itself. A validator without keys would be skipped by
//! pallet-session, leaving fewer authorities than the set lists; and registering keys needs an
//! existing account, which the registry already provides for every operator account.
//!
//! ## In the runtime
//!
//! - **Genesis**: `validatorSet.initialValidators` lists the genesis validators; their session keys
//!   come only from `session.keys`, for the same accounts. Aura's and GRANDPA's own genesis
//!   authorities stay empty: pallet-session initializes both, and they refuse a second
//!   initialization. The genesis build refuses fewer than `MinValidators`, duplicates, and (when
//!   pallet-session asks for the genesis set) a validator without keys in `session.keys`. An
//!   empty list (a runtime's default genesis) builds nothing: pallet-session then starts with
//!   the accounts of `session.keys`, and a chain spec must list them here as well.
//! - **Order**: `ValidatorSet` must have a lower pallet index than `Session`.
//!   `#[frame_support::runtime]` builds genesis (and runs hooks) in the order of pallet indices,
//!   and pallet-session's genesis build asks this pallet for the genesis set
//!   ([`SessionManager::new_session_genesis`]): this pallet's storage must be built by then. Were
//!   it not, this pallet would answer `None` and pallet-session would fall back to the accounts
//!   of `session.keys`, never to an empty set.
//! - **Bounds**: `MaxValidators` should equal Aura's and GRANDPA's `MaxAuthorities` (Aura truncates
//!   a longer list), and must never be lowered below the number of validators on a live chain
//!   (the stored set would no longer decode).
//! - **Session rotation**: this pallet ends sessions, in its `on_initialize`
//!   ([`Config::Rotation`]: in the runtime, [`PeriodicRotation`], which calls pallet-session's
//!   `rotate_session` every `SESSION_PERIOD` blocks). pallet-session's own `ShouldEndSession` is
//!   [`NeverEndSession`]. Its hook would rotate too, but weighs every rotation at the block's
//!   whole maximum weight, so the last block of every session would take no transaction. Here
//!   a rotation weighs what the `rotate_session` benchmark measured for the largest set. Its
//!   worst case: the authorities switch, and a changed set with all its keys is queued.
//!
//! ## GRANDPA after a change
//!
//! GRANDPA finalizes a block when more than two thirds of its authorities vote for it:
//! `n - (n - 1) / 3` of `n`. So:
//!
//! - Add a validator only once its node is running, synced, and holds its session keys
//!   (`author_hasSessionKeys`): [`Error::NoSessionKeys`] proves the keys are registered on chain,
//!   not that a node uses them. In a small set one silent authority stops finality: of two, both
//!   must vote; of three, all three.
//! - Keep a removed validator's node running until its removal is active and finalized: the new
//!   GRANDPA set takes over at a block that the old set finalizes.
//! - If finality stalls all the same, remove the silent validators, then have the city origin
//!   call `Grandpa::note_stalled(delay, best_finalized_block)`: GRANDPA forces a change to the
//!   current set at the next session.
//!
//! ## Example
//!
//! An operator whose account exists and has set its session keys is added by the city, and
//! becomes an authority two sessions later:
#![doc = docify::embed!("src/tests.rs", add_validator_takes_effect_two_sessions_later)]
//!
//! ## Pallet API
//!
//! See the [`pallet`] module for the configuration trait, calls, storage, events and errors;
//! [`Pallet::validators`] and [`Pallet::is_validator`] for queries; and the
//! [`SessionManager`] implementation for what pallet-session is told.

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
#[cfg(feature = "runtime-benchmarks")]
pub use types::BenchmarkHelper;
pub use types::{NeverEndSession, PeriodicRotation, SessionRotation, ValidatorsOf};
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::{dispatch::DispatchResult, ensure, traits::ValidatorRegistration};
use pallet_session::SessionManager;
use sp_runtime::traits::StaticLookup;

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::validator-set";

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
		/// The origin that adds, removes and swaps validators: the city origin.
		type AddRemoveOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The fewest validators the set may have. At least 1: an empty set would stop Aura and
		/// GRANDPA.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// The most validators the set may have. At least `MinValidators`; should equal Aura's
		/// and GRANDPA's `MaxAuthorities`.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Whether an account has set its session keys: in the runtime, pallet-session itself
		/// (`Session`), which answers from its `NextKeys`.
		type ValidatorRegistration: ValidatorRegistration<Self::AccountId>;

		/// When sessions end, and how one is rotated: in the runtime, [`PeriodicRotation`] over
		/// pallet-session, whose own `ShouldEndSession` is then [`NeverEndSession`]. This pallet
		/// rotates in its `on_initialize`, weighed by the `rotate_session` benchmark.
		type Rotation: SessionRotation<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls and of a session rotation.
		type WeightInfo: WeightInfo;

		/// Gives accounts session keys in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The validators, in the order they were added: at most [`Config::MaxValidators`], at least
	/// [`Config::MinValidators`], each once.
	///
	/// pallet-session activates a change of this set one to two sessions after it is made: until
	/// then its own `Validators` still lists the previous set.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Whether [`Validators`] changed since pallet-session last planned a session, so that the
	/// next planning returns the new set ([`SessionManager::new_session`]) and every other
	/// planning returns `None`.
	#[pallet::storage]
	pub type SetChanged<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// The accounts this pallet has given a provider reference, so each is given one only once.
	///
	/// A validator gets a provider reference the first time it is made a validator, so that it
	/// exists and can sign with a zero balance. It keeps it when removed: dropping the last
	/// provider would reap the account and reset its nonce to zero, and old immortal
	/// transactions it signed would become valid again.
	#[pallet::storage]
	pub type Admitted<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, (), OptionQuery>;

	/// The validators at genesis.
	///
	/// Their session keys come from pallet-session's genesis (`session.keys`, the same accounts),
	/// and this pallet must stand before `Session` in the runtime (see the crate docs). An empty
	/// list (the default genesis) builds nothing; a chain spec must list the same accounts as
	/// `session.keys`, or the first change of the set would replace them all.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The genesis validators, in order: at least `MinValidators`, at most `MaxValidators`,
		/// each once.
		pub initial_validators: Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// No genesis validators: a runtime's default genesis, not a chain. pallet-session then
			// starts with the accounts of `session.keys`; a chain spec lists them here too.
			if self.initial_validators.is_empty() {
				return;
			}
			let min = T::MinValidators::get().max(1);
			let count = self.initial_validators.len();
			assert!(
				count >= min as usize,
				"validator-set genesis: {count} initial validators, fewer than `MinValidators` \
				 ({min}): the chain would start without authorities",
			);
			let mut validators = ValidatorsOf::<T>::default();
			for who in &self.initial_validators {
				assert!(!validators.contains(who), "validator-set genesis: {who:?} listed twice");
				validators.try_push(who.clone()).unwrap_or_else(|_| {
					panic!(
						"validator-set genesis: more than `MaxValidators` ({}) initial validators",
						T::MaxValidators::get(),
					)
				});
			}
			for who in validators.iter() {
				Pallet::<T>::admit(who);
			}
			// `SetChanged` stays false: pallet-session starts with this very set.
			Validators::<T>::put(validators);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account was added to the validators; it becomes an authority one to two sessions
		/// later.
		ValidatorAdded {
			/// The new validator.
			who: T::AccountId,
		},
		/// An account was removed from the validators; it stops being an authority one to two
		/// sessions later.
		ValidatorRemoved {
			/// The former validator.
			who: T::AccountId,
		},
		/// A validator was replaced by another account, in its place in the set; the change
		/// takes effect one to two sessions later.
		ValidatorSwapped {
			/// The former validator.
			old: T::AccountId,
			/// The new validator.
			new: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a validator.
		AlreadyValidator,
		/// The account is not a validator: check the address against `validatorSet.validators`.
		NotValidator,
		/// The set has as few validators as it may (`MinValidators`): add one first, or swap
		/// instead of removing.
		TooFewValidators,
		/// The set has as many validators as it may (`MaxValidators`): remove one first, or swap
		/// instead of adding.
		TooManyValidators,
		/// The account has not set its session keys: its operator calls `session.setKeys` from
		/// it first.
		NoSessionKeys,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Rotates the session when [`Config::Rotation`] says it ends here, weighed for the
		/// largest set; otherwise nothing (the check is arithmetic on the block number).
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			if !T::Rotation::should_rotate(now) {
				return Weight::zero();
			}
			T::Rotation::rotate();
			T::WeightInfo::rotate_session(T::MaxValidators::get())
		}

		fn integrity_test() {
			assert!(
				T::MinValidators::get() > 0,
				"`MinValidators` must be at least 1: an empty set stops Aura and GRANDPA",
			);
			assert!(
				T::MinValidators::get() <= T::MaxValidators::get(),
				"`MinValidators` must not exceed `MaxValidators`",
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add an account to the validators.
		///
		/// ## Dispatch Origin
		///
		/// [`Config::AddRemoveOrigin`].
		///
		/// ## Details
		///
		/// `who` must have set its session keys (`session.setKeys`). It is appended to
		/// [`Validators`], and becomes an Aura and GRANDPA authority one to two sessions later,
		/// once pallet-session has queued and then activated the new set. It is given a provider
		/// reference if this pallet never gave it one ([`Admitted`]).
		///
		/// Add a validator only once its node runs and holds its keys: a silent authority can
		/// stop GRANDPA's finality in a small set.
		///
		/// ## Errors
		///
		/// - [`Error::AlreadyValidator`]: `who` is a validator.
		/// - [`Error::NoSessionKeys`]: `who` has not set its session keys.
		/// - [`Error::TooManyValidators`]: the set has [`Config::MaxValidators`] validators.
		///
		/// ## Events
		///
		/// [`Event::ValidatorAdded`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, who: AccountIdLookupOf<T>) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			let mut validators = Validators::<T>::get();
			ensure!(!validators.contains(&who), Error::<T>::AlreadyValidator);
			ensure!(T::ValidatorRegistration::is_registered(&who), Error::<T>::NoSessionKeys);
			validators.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;

			Self::admit(&who);
			Self::put_set(validators);
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		/// Remove an account from the validators.
		///
		/// ## Dispatch Origin
		///
		/// [`Config::AddRemoveOrigin`].
		///
		/// ## Details
		///
		/// `who` stops being an authority one to two sessions later; keep its node running until
		/// then, and until GRANDPA has finalized the change. It keeps its session keys (its
		/// operator may purge them) and its provider reference (see [`Admitted`]).
		///
		/// ## Errors
		///
		/// - [`Error::NotValidator`]: `who` is not a validator.
		/// - [`Error::TooFewValidators`]: the set has [`Config::MinValidators`] validators.
		///
		/// ## Events
		///
		/// [`Event::ValidatorRemoved`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, who: AccountIdLookupOf<T>) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			let mut validators = Validators::<T>::get();
			ensure!(validators.contains(&who), Error::<T>::NotValidator);
			ensure!(
				validators.len() > T::MinValidators::get() as usize,
				Error::<T>::TooFewValidators
			);

			validators.retain(|v| v != &who);
			Self::put_set(validators);
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}

		/// Replace a validator by another account, in one change of the set.
		///
		/// ## Dispatch Origin
		///
		/// [`Config::AddRemoveOrigin`].
		///
		/// ## Details
		///
		/// `new` takes `old`'s place in [`Validators`], so the set keeps its size: this replaces a
		/// validator while the set is at [`Config::MinValidators`] or [`Config::MaxValidators`].
		/// Both changes take effect together, one to two sessions later. `new` must have set its
		/// session keys, and is given a provider reference if this pallet never gave it one
		/// ([`Admitted`]); `old` keeps its own.
		///
		/// ## Errors
		///
		/// - [`Error::NotValidator`]: `old` is not a validator.
		/// - [`Error::AlreadyValidator`]: `new` is a validator (`old` included).
		/// - [`Error::NoSessionKeys`]: `new` has not set its session keys.
		///
		/// ## Events
		///
		/// [`Event::ValidatorSwapped`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::swap_validator())]
		pub fn swap_validator(
			origin: OriginFor<T>,
			old: AccountIdLookupOf<T>,
			new: AccountIdLookupOf<T>,
		) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			let old = T::Lookup::lookup(old)?;
			let new = T::Lookup::lookup(new)?;
			let mut validators = Validators::<T>::get();
			let index =
				validators.iter().position(|v| v == &old).ok_or(Error::<T>::NotValidator)?;
			ensure!(!validators.contains(&new), Error::<T>::AlreadyValidator);
			ensure!(T::ValidatorRegistration::is_registered(&new), Error::<T>::NoSessionKeys);

			if let Some(slot) = validators.get_mut(index) {
				*slot = new.clone();
			}
			Self::admit(&new);
			Self::put_set(validators);
			Self::deposit_event(Event::ValidatorSwapped { old, new });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The validators, in order. The set pallet-session plans next; its own `Validators` are the
	/// active authorities, which lag one to two sessions behind a change.
	pub fn validators() -> Vec<T::AccountId> {
		Validators::<T>::get().into_inner()
	}

	/// Whether `who` is a validator (in the set this pallet holds, active or not yet).
	pub fn is_validator(who: &T::AccountId) -> bool {
		Validators::<T>::get().contains(who)
	}

	/// Store a changed set, to be returned at the next session planning.
	fn put_set(validators: ValidatorsOf<T>) {
		Validators::<T>::put(validators);
		SetChanged::<T>::put(true);
	}

	/// Give `who` a provider reference the first time it is ever made a validator: it then
	/// exists and can sign with a zero balance. The reference is never dropped (see
	/// [`Admitted`]).
	fn admit(who: &T::AccountId) {
		if !Admitted::<T>::contains_key(who) {
			let _ = frame_system::Pallet::<T>::inc_providers(who);
			Admitted::<T>::insert(who, ());
		}
	}

	/// Checks the set's invariants: at least one validator, none twice, every one admitted.
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let validators = Validators::<T>::get();
		ensure!(!validators.is_empty(), "the validator set is empty");
		let mut sorted = validators.clone().into_inner();
		sorted.sort();
		sorted.dedup();
		ensure!(sorted.len() == validators.len(), "a validator is listed twice");
		ensure!(
			validators.iter().all(|v| Admitted::<T>::contains_key(v)),
			"a validator has no provider reference from this pallet"
		);
		Ok(())
	}
}

/// What pallet-session is told. The session index is pallet-session's `SessionIndex` (`u32`).
impl<T: Config> SessionManager<T::AccountId> for Pallet<T> {
	/// The set to queue for session `new_index`: the validators if they changed since the last
	/// planning, `None` (keep the current set, no authority change) otherwise.
	///
	/// A changed set in which no validator has session keys is not planned (`None`, and the
	/// change stays pending): pallet-session would queue it without authorities, and Aura
	/// would stop.
	fn new_session(new_index: u32) -> Option<Vec<T::AccountId>> {
		if !SetChanged::<T>::get() {
			return None;
		}
		let validators = Validators::<T>::get();
		if !validators.iter().any(|v| T::ValidatorRegistration::is_registered(v)) {
			log::error!(
				target: LOG_TARGET,
				"session {new_index}: no validator has session keys; keeping the current set",
			);
			return None;
		}
		SetChanged::<T>::kill();
		log::info!(
			target: LOG_TARGET,
			"session {new_index}: planning {} validators",
			validators.len(),
		);
		Some(validators.into_inner())
	}

	/// The genesis set, for sessions 0 and 1; `None` if this pallet's genesis has not been built
	/// yet (it stands after `Session` in the runtime), so that pallet-session falls back to the
	/// accounts of `session.keys` rather than start without authorities.
	///
	/// # Panics
	///
	/// At genesis only: if a genesis validator has no session keys in `session.keys`.
	fn new_session_genesis(new_index: u32) -> Option<Vec<T::AccountId>> {
		let validators = Validators::<T>::get();
		if validators.is_empty() {
			return None;
		}
		for who in validators.iter() {
			assert!(
				T::ValidatorRegistration::is_registered(who),
				"validator-set genesis: validator {who:?} has no session keys: give it keys in \
				 `session.keys` (session {new_index})",
			);
		}
		Some(validators.into_inner())
	}

	fn end_session(_end_index: u32) {}

	fn start_session(_start_index: u32) {}
}
