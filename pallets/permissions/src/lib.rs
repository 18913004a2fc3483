//! # Permissions pallet: who may send transactions, and how many
//!
//! The city's chain is permissioned. This pallet decides, when a transaction is validated (at the
//! transaction pool and again in the block), whether its sender may send it:
//!
//! - **Admission.** The sender must be an account the chain knows, as [`Config::Admission`]
//!   answers: a validator or council member ([`AccountKind::Authority`]), a member of a
//!   registered organization ([`AccountKind::Organization`]), or a registered citizen
//!   ([`AccountKind::Citizen`]). The city origin may suspend any account.
//! - **Rules on calls.** [`Config::CallRules`] applies the same admission to the accounts a call
//!   acts for (a proxy's real account, a multisig account, a `sudo_as` target), looking into
//!   calls nested in `utility` and `sudo`, and is where rules on who may send what belong.
//! - **Rate limits.** Fees are zero, so spam is bounded by a quota per account: at most
//!   `transactions` transactions per window of `window` blocks, set by the city origin per
//!   [`AccountKind`] ([`Quotas`]).
//!
//! ## The transaction extensions
//!
//! [`CheckPermission`] carries no data, so wallets (polkadot-js, subxt) sign with it without any
//! configuration. It applies the rules on calls, and refuses a version-5 general transaction
//! whose origin is not a signed account. It is weighed by the call: the rules' walk, and one
//! admission for each account a nested call acts for ([`CallRules::weight`]).
//!
//! [`CheckSender`] replaces `frame_system::CheckNonce`, with the same identifier (`CheckNonce`)
//! and the same data (the compact nonce), so wallets treat it as the nonce check they know. It
//! checks the sender's admission first, so that an unknown account gets its own error rather
//! than the nonce check's "no provider" payment error, then runs the nonce check of
//! `frame_system`, then the quota, with the kind looked up once for the admission and the quota.
//! The quota has to be here: the pool validates each transaction against the chain state alone,
//! and only the nonce tells how many of the sender's transactions come before this one. A window
//! starts with the first transaction dispatched after the previous window ended, and remembers
//! the sender's nonce at that point. A transaction is valid only if its nonce is less than that
//! nonce plus the quota. When no window is running, the limit counts from the account's current
//! nonce. So a burst of consecutive nonces submitted at once is cut at the quota, at submission.
//! It is weighed at its worst case (a citizen, found last, whose window restarts) and gives
//! back, once the transaction is dispatched, the window access it did not make. What it reads
//! for every sender alike (the validator set, the council, the quotas: [`Pallet::shared_keys`])
//! a block reads from the database once, and writes at most once: the pallet charges a read
//! and a write of each once a block, in `on_initialize`, and the extension's weight leaves
//! them out.
//!
//! [`FreeUnlessTipped`] replaces `pallet_transaction_payment::ChargeTransactionPayment`, with
//! the same identifier, data (the compact tip) and type information. Fees are zero, so a
//! transaction without a tip owes nothing: it is not charged, reports no fee paid, and is
//! weighed at the check alone. A tip is charged by `ChargeTransactionPayment` itself.
//!
//! ## Refusals
//!
//! Each refusal is an `InvalidTransaction::Custom` code, listed in [`codes`] and in
//! `docs/permissions.md`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod extensions;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use extensions::{CheckPermission, CheckSender, FreeUnlessTipped, TipOf};
pub use weights::WeightInfo;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{transaction_validity::InvalidTransaction, Weight};

/// The `InvalidTransaction::Custom` codes of this pallet's refusals.
pub mod codes {
	/// The sender, or an account a nested call acts for, is not admitted: neither a validator,
	/// a council member, an organization member nor a registered citizen.
	pub const UNKNOWN_ACCOUNT: u8 = 1;
	/// The sender, or an account a nested call acts for, is suspended by the city.
	pub const SUSPENDED: u8 = 2;
	/// A general (version 5) transaction whose origin is not a signed account.
	pub const NOT_SIGNED: u8 = 3;
	/// The sender's quota for the current window is used up: this transaction's nonce is beyond
	/// it. Send it again once the window has ended.
	pub const RATE_LIMITED: u8 = 4;
	/// A rule on calls forbids this call to this sender.
	pub const CALL_NOT_ALLOWED: u8 = 5;
	/// The call nests calls deeper than the rules allow (calls in a batch, a proxy, a multisig,
	/// sudo, ... in another such call).
	pub const TOO_DEEP: u8 = 6;
	/// The transaction is longer or heavier than the sender's kind of account may send
	/// ([`Quota::max_length`](crate::Quota::max_length),
	/// [`Quota::max_weight`](crate::Quota::max_weight)).
	pub const TOO_LARGE: u8 = 7;
}

/// Why the chain knows an account. Each kind has its own quota.
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
pub enum AccountKind {
	/// A registered citizen.
	Citizen,
	/// A member of a registered organization.
	Organization,
	/// A validator or council member.
	Authority,
}

impl AccountKind {
	/// Every kind.
	pub const ALL: [AccountKind; 3] =
		[AccountKind::Citizen, AccountKind::Organization, AccountKind::Authority];
}

/// "Does the chain know this account, and as what?" When an account is known in several ways,
/// the answer is the kind with the loosest quota: authority, then organization, then citizen.
pub trait Admission<AccountId> {
	/// The kind of `who`, or `None` when the chain does not know it.
	fn kind(who: &AccountId) -> Option<AccountKind>;

	/// The storage keys `kind` reads whoever `who` is, such as the validator set or the
	/// council's members. A block reads each from the database once, however many transactions
	/// it holds: [`Pallet`] charges them once a block (a read and a write each), in
	/// `on_initialize`, and the runtime's benchmarks whitelist them ([`Pallet::shared_keys`]),
	/// so that no transaction is weighed for them.
	fn shared_keys() -> Vec<Vec<u8>>;

	/// Makes `who` known as `kind`, for the benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn admit_for_benchmark(who: &AccountId, kind: AccountKind);
}

/// Rules on calls, applied by [`CheckPermission`]. The sender's own admission is
/// [`CheckSender`]'s.
pub trait CallRules<AccountId, Call> {
	/// Whether `who` may send `call`. Refusals are `InvalidTransaction::Custom` with a code of
	/// [`codes`].
	fn check(who: &AccountId, call: &Call) -> Result<(), InvalidTransaction>;

	/// The weight of `check` on `call` beyond the walk [`WeightInfo::check_permission`] weighs:
	/// the storage it reads for this call, such as [`WeightInfo::admission`] for each account a
	/// nested call acts for. At most what `check` costs for any sender.
	fn weight(call: &Call) -> Weight;

	/// Whether `who` may tip: a tip is charged outside any call, so a rule on where money goes
	/// (citizens' S-coin is spent only on counted uses, say) has to refuse it here. Refusals
	/// come back as [`codes::CALL_NOT_ALLOWED`]. Every account may, unless the rules say no.
	fn may_tip(_who: &AccountId) -> bool {
		true
	}

	/// The weight of [`CallRules::may_tip`].
	fn may_tip_weight() -> Weight {
		Weight::zero()
	}
}

impl<AccountId, Call> CallRules<AccountId, Call> for () {
	fn check(_: &AccountId, _: &Call) -> Result<(), InvalidTransaction> {
		Ok(())
	}

	fn weight(_: &Call) -> Weight {
		Weight::zero()
	}
}

/// A rate limit: at most `transactions` transactions per window of `window` blocks, each of at
/// most `max_length` bytes and `max_weight`. So a window holds at most `transactions *
/// max_length` bytes and `transactions * max_weight` of block weight from one account.
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
pub struct Quota<BlockNumber> {
	/// The most transactions in a window.
	pub transactions: u32,
	/// The length of a window, in blocks.
	pub window: BlockNumber,
	/// The longest transaction, in bytes (its encoding, signature included).
	pub max_length: u32,
	/// The heaviest transaction: its call's weight and its extensions', before refunds.
	pub max_weight: Weight,
}

impl<BlockNumber> Quota<BlockNumber> {
	/// Whether a transaction of `len` bytes and `weight` is within the quota's bounds.
	pub fn admits(&self, len: usize, weight: Weight) -> bool {
		len <= self.max_length as usize && weight.all_lte(self.max_weight)
	}
}

/// An account's current window: where it started and the account's nonce then.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct Window<BlockNumber, Nonce> {
	/// The block in which the window's first transaction was dispatched.
	pub start: BlockNumber,
	/// The nonce of that first transaction.
	pub first_nonce: Nonce,
}

/// An account's rate limit at one moment.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct RateLimit<Nonce, BlockNumber> {
	/// The first nonce beyond the quota: transactions with this nonce or higher are refused.
	pub limit: Nonce,
	/// Whether the account's window is running; if not, its next dispatched transaction starts
	/// one.
	pub window_running: bool,
	/// The quota, whose bounds each transaction must keep.
	pub quota: Quota<BlockNumber>,
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Saturating;

	/// The storage layout's version: 1 since quotas bound each transaction's length and weight.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Which accounts the chain knows, and as what.
		type Admission: Admission<Self::AccountId>;

		/// Rules on calls: the accounts nested calls act for, and who may send what.
		type CallRules: CallRules<Self::AccountId, Self::RuntimeCall>;

		/// Sets quotas and suspends accounts: the city origin.
		type CityOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls and transaction extensions.
		type WeightInfo: WeightInfo;
	}

	/// The rate limit of each kind of account. A kind without one is not limited.
	#[pallet::storage]
	pub type Quotas<T: Config> =
		StorageMap<_, Twox64Concat, AccountKind, Quota<BlockNumberFor<T>>, OptionQuery>;

	/// Each rate-limited account's current (or last) window.
	#[pallet::storage]
	pub type Windows<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Window<BlockNumberFor<T>, T::Nonce>,
		OptionQuery,
	>;

	/// Accounts the city has suspended: they may send no transaction.
	#[pallet::storage]
	pub type Suspended<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, (), OptionQuery>;

	/// Accounts given a provider reference by [`Pallet::admit`]: each gets one once, and keeps it.
	#[pallet::storage]
	pub type Admitted<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, (), OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The rate limit of each kind of account.
		pub quotas: Vec<(AccountKind, Quota<BlockNumberFor<T>>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (kind, quota) in &self.quotas {
				assert!(quota.window > Zero::zero(), "a quota's window must be at least one block");
				Quotas::<T>::insert(kind, quota);
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Charges the block, once, for reading [`Pallet::shared_keys`], which every
		/// transaction's checks read and no transaction's weight counts, and for writing them,
		/// since the calls that change them (a quota, the validator set, the council) are
		/// benchmarked with the keys whitelisted too.
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			let keys = Self::shared_keys().len() as u64;
			T::DbWeight::get().reads_writes(keys, keys)
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The rate limit of a kind of account changed (`None`: no limit).
		QuotaSet { kind: AccountKind, quota: Option<Quota<BlockNumberFor<T>>> },
		/// An account was suspended.
		AccountSuspended { who: T::AccountId },
		/// A suspended account was allowed to send transactions again.
		AccountResumed { who: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A quota's window must be at least one block.
		EmptyWindow,
		/// The account is already suspended.
		AlreadySuspended,
		/// The account is not suspended.
		NotSuspended,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Sets the rate limit of `kind` of account, or removes it (`None`).
		///
		/// The origin must be the city origin. Emits [`Event::QuotaSet`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_quota())]
		pub fn set_quota(
			origin: OriginFor<T>,
			kind: AccountKind,
			quota: Option<Quota<BlockNumberFor<T>>>,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			if let Some(quota) = &quota {
				ensure!(!quota.window.is_zero(), Error::<T>::EmptyWindow);
			}
			Quotas::<T>::set(kind, quota);
			Self::deposit_event(Event::QuotaSet { kind, quota });
			Ok(())
		}

		/// Suspends `who`: it may send no transaction, and no nested call may act for it, until
		/// it is resumed. Its account, nonce and provider references stay.
		///
		/// The origin must be the city origin. Emits [`Event::AccountSuspended`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::suspend_account())]
		pub fn suspend_account(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			ensure!(!Suspended::<T>::contains_key(&who), Error::<T>::AlreadySuspended);
			Suspended::<T>::insert(&who, ());
			Self::deposit_event(Event::AccountSuspended { who });
			Ok(())
		}

		/// Lets a suspended account send transactions again.
		///
		/// The origin must be the city origin. Emits [`Event::AccountResumed`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::resume_account())]
		pub fn resume_account(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			ensure!(Suspended::<T>::take(&who).is_some(), Error::<T>::NotSuspended);
			Self::deposit_event(Event::AccountResumed { who });
			Ok(())
		}
	}

	impl<T: Config> seoul_primitives::AccountAdmission<T::AccountId> for Pallet<T> {
		fn admit(who: &T::AccountId) {
			Pallet::<T>::admit(who)
		}

		fn is_admitted(who: &T::AccountId) -> bool {
			Pallet::<T>::admitted(who).is_ok()
		}
	}

	impl<T: Config> Pallet<T> {
		/// The storage keys [`CheckSender`] reads for every sender: the admission's
		/// ([`Admission::shared_keys`]) and the quota of each kind. Charged once a block by
		/// `on_initialize`; the runtime's benchmarks whitelist them, so the weights of the
		/// extensions and of [`WeightInfo::admission`] leave them out.
		pub fn shared_keys() -> Vec<Vec<u8>> {
			let mut keys = T::Admission::shared_keys();
			keys.extend(AccountKind::ALL.iter().map(Quotas::<T>::hashed_key_for));
			keys
		}

		/// The kind of `who` if it may act: known to the chain and not suspended.
		pub fn admitted(who: &T::AccountId) -> Result<AccountKind, InvalidTransaction> {
			if Suspended::<T>::contains_key(who) {
				return Err(InvalidTransaction::Custom(codes::SUSPENDED));
			}
			T::Admission::kind(who).ok_or(InvalidTransaction::Custom(codes::UNKNOWN_ACCOUNT))
		}

		/// Gives `who` a provider reference, once: the nonce check refuses an account without one,
		/// and an admitted account must be able to transact with a zero balance. The reference
		/// is never taken back, also when `who` leaves whatever admitted it, so that its nonce
		/// is never reset (which would let its old transactions be replayed).
		///
		/// For what admits accounts without a provider reference of its own, such as the
		/// council's membership.
		pub fn admit(who: &T::AccountId) {
			if !Admitted::<T>::contains_key(who) {
				frame_system::Pallet::<T>::inc_providers(who);
				Admitted::<T>::insert(who, ());
			}
		}

		/// `who`'s rate limit now, or `None` when `who` is not rate-limited. `kind` is `who`'s
		/// kind ([`Pallet::admitted`]) and `account_nonce` its nonce on chain.
		pub fn rate_limit(
			who: &T::AccountId,
			kind: AccountKind,
			account_nonce: T::Nonce,
		) -> Option<RateLimit<T::Nonce, BlockNumberFor<T>>> {
			let quota = Quotas::<T>::get(kind)?;
			let now = frame_system::Pallet::<T>::block_number();
			let running = Windows::<T>::get(who)
				.filter(|window| now < window.start.saturating_add(quota.window));
			let first = running.map_or(account_nonce, |window| window.first_nonce);
			Some(RateLimit {
				limit: first.saturating_add(quota.transactions.into()),
				window_running: running.is_some(),
				quota,
			})
		}

		/// Starts `who`'s new window with its transaction of `nonce`, dispatched now.
		pub fn start_window(who: &T::AccountId, nonce: T::Nonce) {
			let now = frame_system::Pallet::<T>::block_number();
			Windows::<T>::insert(who, Window { start: now, first_nonce: nonce });
		}
	}
}
