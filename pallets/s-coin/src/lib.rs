//! # S-coin pallet: the city's mileage
//!
//! S-coin is the chain's native unit (one S-coin is one won of city mileage). This pallet is the
//! only way it is issued to citizens and the way they spend it:
//!
//! - **Budgets.** The city origin gives each reward-issuing organization (role `RewardIssuer`) a
//!   budget ([`Pallet::set_budget`]), and may pause and resume an issuer.
//! - **Rewards.** An issuer's member rewards an active citizen ([`Pallet::reward`]) with a reason
//!   code and an off-chain reference; the S-coin is minted, never beyond the budget.
//! - **Spending.** A citizen pays an organization holding the role of the use
//!   ([`Pallet::pay`]): a ZeroPay merchant, a transit operator (top-up), a charity, a tax
//!   collector, a meter operator (solar power). Service pallets pay through [`SCoinPayments`].
//!   Citizens cannot send S-coin to each other: the runtime's account permissioning refuses
//!   `balances` transfers from citizens.
//! - **Conversion.** A citizen converts S-coin into another mileage or points programme through
//!   a registered converter (role `Converter`): the S-coin is burnt and a [`Receipt`] kept.
//! - **Expiry.** Mileage expires after a period the city sets ([`ExpiryPolicy`]), oldest first.
//!   Each citizen's rewards are kept in per-period buckets ([`Mileage`], bounded by
//!   [`Config::MaxBuckets`]): every reward of a period shares one bucket, so a payment touches at
//!   most `MaxBuckets` buckets however many rewards the citizen received. Expired buckets are
//!   burnt when the account next receives, pays or converts, or by anyone through
//!   [`Pallet::expire`].
//! - **Audit.** Anyone reads the totals issued per issuer and reason ([`IssuedTotals`]), spent
//!   per use ([`SpentTotals`]), converted per converter ([`ConvertedTotals`]) and expired
//!   ([`ExpiredTotal`]).
//!
//! Money moves only through [`Config::Currency`], a `fungible` implementation (the runtime's
//! `Balances`).
//!
//! Every payment of a use adds to the same total ([`SpentTotals`]), which a block reads and
//! writes in the database once however many payments it holds: the pallet charges the totals
//! once a block, in `on_initialize`, and the runtime's benchmarks whitelist them
//! ([`Pallet::shared_keys`]), so that a payment is not weighed for them.

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
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Precision, Preservation},
		Get,
	},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
pub use seoul_primitives::{Balance, Reference, RewardReason, SpendUse};
use seoul_primitives::{
	CitizenRegistry, OrganizationId, OrganizationRegistry, Role, SCoinPayments, SCoinRewards,
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError,
};

/// A conversion receipt's id, assigned in sequence.
pub type ReceiptId = u64;

/// Mileage of one period: every reward a citizen received in the period, expiring together.
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
#[serde(rename_all = "camelCase")]
pub struct Bucket<BlockNumber> {
	/// The first block in which this mileage is expired.
	pub expires_at: BlockNumber,
	/// What is left of it.
	pub amount: Balance,
}

/// How long mileage lasts: rewards received in a period of `period` blocks expire together,
/// `lifetime` whole periods after the end of that period.
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
pub struct ExpiryPolicy<BlockNumber> {
	/// The length of a period, in blocks.
	pub period: BlockNumber,
	/// How many whole periods mileage lasts after the period it was received in.
	pub lifetime: u32,
}

/// A reward-issuing organization's budget and what it has issued.
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
	Default,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct Issuer {
	/// What it may still issue.
	pub budget: Balance,
	/// What it has issued in all.
	pub issued: Balance,
	/// Whether the city paused it: a paused issuer rewards nobody.
	pub paused: bool,
}

/// The record of a conversion: S-coin burnt for credit in another programme.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Receipt<AccountId, BlockNumber> {
	/// The citizen whose S-coin was burnt.
	pub who: AccountId,
	/// The converter organization that owes the credit.
	pub converter: OrganizationId,
	/// How much S-coin was burnt.
	pub amount: Balance,
	/// The citizen's account in the other programme, as the converter identifies it (a hash).
	pub reference: Reference,
	/// The block of the conversion.
	pub at: BlockNumber,
}

/// An account's S-coin as agencies and wallets see it (runtime API and JSON-RPC).
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug, serde::Serialize)]
pub struct MileageView<BlockNumber> {
	/// What the account may spend now: its balance less mileage already expired.
	pub balance: Balance,
	/// Mileage that has expired and is burnt at the account's next move.
	pub expired: Balance,
	/// The mileage still to expire, soonest first.
	pub expiring: Vec<Bucket<BlockNumber>>,
}

/// The audit totals (runtime API and JSON-RPC): what was issued, spent, converted and expired.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Audit {
	/// Issued, per issuer and reason, in order.
	pub issued: Vec<(OrganizationId, RewardReason, Balance)>,
	/// Spent, per use, every use listed.
	pub spent: Vec<(SpendUse, Balance)>,
	/// Converted, per converter, in order.
	pub converted: Vec<(OrganizationId, Balance)>,
	/// Expired and burnt.
	pub expired: Balance,
}

/// What the burn of an account's expired mileage found, which a call's weight depends on.
pub(crate) struct Expiry {
	/// How many buckets the account had: the benchmarks' component `b`.
	pub buckets: u32,
	/// Whether S-coin was burnt.
	pub burnt: bool,
}

impl Expiry {
	/// `weight` (a benchmarked weight of `b` buckets, whose worst case burns) at `self.buckets`,
	/// less what a burn of nothing does not use: the read and write of `ExpiredTotal`.
	pub fn weight<T: frame_system::Config>(
		&self,
		weight: impl FnOnce(u32) -> frame_support::weights::Weight,
	) -> frame_support::weights::Weight {
		let full = weight(self.buckets);
		if self.burnt {
			full
		} else {
			full.saturating_sub(T::DbWeight::get().reads_writes(1, 1))
		}
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The S-coin: the native balance.
		type Currency: Mutate<Self::AccountId, Balance = Balance>;

		/// Which organizations issue rewards, and whom citizens may pay.
		type Registry: OrganizationRegistry<Self::AccountId>;

		/// Who is an active citizen.
		type Citizens: CitizenRegistry<Self::AccountId>;

		/// The city: sets budgets, pauses issuers, sets the expiry policy.
		type CityOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The most mileage buckets an account keeps. The expiry policy's `lifetime` is below
		/// it, so that under one policy a reward always finds a bucket.
		#[pallet::constant]
		type MaxBuckets: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Each reward-issuing organization's budget.
	#[pallet::storage]
	pub type Issuers<T: Config> = StorageMap<_, Twox64Concat, OrganizationId, Issuer, OptionQuery>;

	/// How long mileage lasts.
	#[pallet::storage]
	pub type Policy<T: Config> = StorageValue<_, ExpiryPolicy<BlockNumberFor<T>>, OptionQuery>;

	/// Each account's mileage still to expire, soonest first, one bucket per period.
	#[pallet::storage]
	pub type Mileage<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<Bucket<BlockNumberFor<T>>, T::MaxBuckets>,
		ValueQuery,
	>;

	/// Total issued, per issuer and reason.
	#[pallet::storage]
	pub type IssuedTotals<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		OrganizationId,
		Twox64Concat,
		RewardReason,
		Balance,
		ValueQuery,
	>;

	/// Total spent, per use.
	#[pallet::storage]
	pub type SpentTotals<T: Config> = StorageMap<_, Twox64Concat, SpendUse, Balance, ValueQuery>;

	/// Total converted, per converter.
	#[pallet::storage]
	pub type ConvertedTotals<T: Config> =
		StorageMap<_, Twox64Concat, OrganizationId, Balance, ValueQuery>;

	/// Total mileage expired and burnt.
	#[pallet::storage]
	pub type ExpiredTotal<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// The id the next conversion receipt gets.
	#[pallet::storage]
	pub type NextReceiptId<T: Config> = StorageValue<_, ReceiptId, ValueQuery>;

	/// Conversion receipts.
	#[pallet::storage]
	pub type Receipts<T: Config> = StorageMap<
		_,
		Twox64Concat,
		ReceiptId,
		Receipt<T::AccountId, BlockNumberFor<T>>,
		OptionQuery,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// How long mileage lasts; `None` until the city sets it (nothing can be rewarded).
		pub policy: Option<ExpiryPolicy<BlockNumberFor<T>>>,
		/// Reward issuers and their budgets.
		pub budgets: Vec<(OrganizationId, Balance)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(policy) = self.policy {
				assert!(Pallet::<T>::valid(&policy), "the genesis expiry policy is valid");
				Policy::<T>::put(policy);
			}
			for (issuer, budget) in &self.budgets {
				Issuers::<T>::insert(issuer, Issuer { budget: *budget, ..Default::default() });
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Charges the block, once, for reading and writing [`Pallet::shared_keys`], whichever
		/// payments it holds.
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			let keys = Self::shared_keys().len() as u64;
			T::DbWeight::get().reads_writes(keys, keys)
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The city set an issuer's budget: what it may still issue.
		BudgetSet { issuer: OrganizationId, budget: Balance },
		/// The city paused an issuer.
		IssuerPaused { issuer: OrganizationId },
		/// The city resumed a paused issuer.
		IssuerResumed { issuer: OrganizationId },
		/// The city set how long mileage lasts.
		ExpiryPolicySet { period: BlockNumberFor<T>, lifetime: u32 },
		/// An issuer rewarded a citizen; the mileage expires at `expires_at`.
		Rewarded {
			issuer: OrganizationId,
			citizen: T::AccountId,
			amount: Balance,
			reason: RewardReason,
			reference: Reference,
			expires_at: BlockNumberFor<T>,
		},
		/// S-coin was spent: paid to `payee` (organization `organization` when paid directly)
		/// for `spend`.
		Paid {
			payer: T::AccountId,
			payee: T::AccountId,
			organization: Option<OrganizationId>,
			spend: SpendUse,
			amount: Balance,
			reference: Reference,
		},
		/// S-coin was burnt for credit in another programme.
		Converted {
			receipt: ReceiptId,
			who: T::AccountId,
			converter: OrganizationId,
			amount: Balance,
			reference: Reference,
		},
		/// Expired mileage was burnt.
		Expired { who: T::AccountId, amount: Balance },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Amounts are at least one S-coin.
		ZeroAmount,
		/// The sender, or the organization, does not act as an active `RewardIssuer`.
		NotRewardIssuer,
		/// The account holds no active citizen card.
		NotACitizen,
		/// The city has given this issuer no budget.
		NoBudget,
		/// The city has paused this issuer.
		IssuerPaused,
		/// The reward is more than the issuer's remaining budget.
		OverBudget,
		/// The issuer is already paused.
		AlreadyPaused,
		/// The issuer is not paused.
		NotPaused,
		/// The city has not set how long mileage lasts yet.
		NoExpiryPolicy,
		/// The period must be at least one block, and the lifetime at least one period and
		/// below `MaxBuckets`.
		InvalidPolicy,
		/// The organization paid does not hold the role of the use (a merchant for ZeroPay, a
		/// transit operator for a top-up...), is suspended or does not exist.
		PayeeNotAllowed,
		/// The payer and the payee are the same account.
		SelfPayment,
		/// The account does not have the S-coin (expired mileage does not count).
		InsufficientBalance,
		/// The organization does not act as an active `Converter`.
		NotAConverter,
		/// None of the account's mileage has expired.
		NothingExpired,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Sets what reward issuer `issuer` may still issue. City origin.
		///
		/// A budget above zero needs `issuer` to hold the `RewardIssuer` role; zero stops it.
		/// Its total issued and its pause stay as they are.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_budget())]
		pub fn set_budget(
			origin: OriginFor<T>,
			issuer: OrganizationId,
			budget: Balance,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			ensure!(
				budget.is_zero() || T::Registry::has_role(issuer, Role::RewardIssuer),
				Error::<T>::NotRewardIssuer
			);
			Issuers::<T>::mutate(issuer, |info| {
				info.get_or_insert_with(Default::default).budget = budget
			});
			Self::deposit_event(Event::BudgetSet { issuer, budget });
			Ok(())
		}

		/// Pauses reward issuer `issuer`: it rewards nobody until resumed. City origin.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::pause_issuer())]
		pub fn pause_issuer(origin: OriginFor<T>, issuer: OrganizationId) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			Self::set_paused(issuer, true)?;
			Self::deposit_event(Event::IssuerPaused { issuer });
			Ok(())
		}

		/// Resumes paused reward issuer `issuer`. City origin.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::resume_issuer())]
		pub fn resume_issuer(origin: OriginFor<T>, issuer: OrganizationId) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			Self::set_paused(issuer, false)?;
			Self::deposit_event(Event::IssuerResumed { issuer });
			Ok(())
		}

		/// Sets how long mileage lasts from now on: rewards received in a period of `period`
		/// blocks expire `lifetime` whole periods after its end. City origin.
		///
		/// Mileage already received keeps its expiry.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_expiry_policy())]
		pub fn set_expiry_policy(
			origin: OriginFor<T>,
			period: BlockNumberFor<T>,
			lifetime: u32,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let policy = ExpiryPolicy { period, lifetime };
			ensure!(Self::valid(&policy), Error::<T>::InvalidPolicy);
			Policy::<T>::put(policy);
			Self::deposit_event(Event::ExpiryPolicySet { period, lifetime });
			Ok(())
		}

		/// Rewards active citizen `citizen` with `amount` S-coin, for `reason`, with the
		/// issuer's off-chain `reference` (its case file's hash).
		///
		/// The sender must act for a reward issuer that is not paused and whose budget covers
		/// `amount`. The S-coin is minted to the citizen and expires under the current policy.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::reward(T::MaxBuckets::get()))]
		pub fn reward(
			origin: OriginFor<T>,
			citizen: T::AccountId,
			amount: Balance,
			reason: RewardReason,
			reference: Reference,
		) -> DispatchResultWithPostInfo {
			let sender = ensure_signed(origin)?;
			let issuer = T::Registry::acting_as(&sender, Role::RewardIssuer)
				.ok_or(Error::<T>::NotRewardIssuer)?;
			let expiry = Self::do_reward(issuer, &citizen, amount, reason, reference)?;
			Ok(Some(expiry.weight::<T>(T::WeightInfo::reward)).into())
		}

		/// Pays `amount` S-coin to organization `payee` for `spend`: a ZeroPay merchant, a
		/// transit operator, a charity, a tax collector or a meter operator. `reference` is the
		/// payment request's hash (the merchant's QR code, the tax bill, the top-up order).
		///
		/// `payee` must hold the role of the use and be active; the S-coin goes to its payment
		/// account (its admin's). The payer's expired mileage is burnt first, then its oldest
		/// mileage is spent first.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::pay(T::MaxBuckets::get()))]
		pub fn pay(
			origin: OriginFor<T>,
			payee: OrganizationId,
			spend: SpendUse,
			amount: Balance,
			reference: Reference,
		) -> DispatchResultWithPostInfo {
			let payer = ensure_signed(origin)?;
			ensure!(T::Registry::has_role(payee, spend.payee_role()), Error::<T>::PayeeNotAllowed);
			let to = T::Registry::payment_account(payee).ok_or(Error::<T>::PayeeNotAllowed)?;
			let expiry = Self::do_pay(&payer, &to, Some(payee), spend, amount, reference)?;
			Ok(Some(expiry.weight::<T>(T::WeightInfo::pay)).into())
		}

		/// Converts `amount` S-coin into another mileage or points programme through converter
		/// `converter`: the S-coin is burnt and a receipt kept, which the converter honours for
		/// the programme account whose hash is `reference`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::convert(T::MaxBuckets::get()))]
		pub fn convert(
			origin: OriginFor<T>,
			converter: OrganizationId,
			amount: Balance,
			reference: Reference,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			ensure!(amount > 0, Error::<T>::ZeroAmount);
			ensure!(T::Registry::has_role(converter, Role::Converter), Error::<T>::NotAConverter);
			let expiry = Self::burn_expired(&who);
			Self::ensure_can_spend(&who, amount)?;
			T::Currency::burn_from(
				&who,
				amount,
				Preservation::Expendable,
				Precision::Exact,
				Fortitude::Polite,
			)?;
			Self::spend_buckets(&who, amount);
			let receipt = NextReceiptId::<T>::mutate(|next| {
				let id = *next;
				*next = next.saturating_add(1);
				id
			});
			Receipts::<T>::insert(
				receipt,
				Receipt {
					who: who.clone(),
					converter,
					amount,
					reference,
					at: frame_system::Pallet::<T>::block_number(),
				},
			);
			ConvertedTotals::<T>::mutate(converter, |total| total.saturating_accrue(amount));
			Self::deposit_event(Event::Converted { receipt, who, converter, amount, reference });
			Ok(Some(expiry.weight::<T>(T::WeightInfo::convert)).into())
		}

		/// Burns the expired mileage of `who`. Anyone may send it (the city's housekeeping, or
		/// a wallet): balances then show only what can be spent.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::expire(T::MaxBuckets::get()))]
		pub fn expire(origin: OriginFor<T>, who: T::AccountId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(
				Mileage::<T>::get(&who).first().is_some_and(|bucket| bucket.expires_at <= now),
				Error::<T>::NothingExpired
			);
			let expiry = Self::burn_expired(&who);
			Ok(Some(expiry.weight::<T>(T::WeightInfo::expire)).into())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The storage keys every payment of a use reads and writes: the total spent per use
		/// ([`SpentTotals`]). Charged once a block by `on_initialize`; the runtime's benchmarks
		/// whitelist them, so [`WeightInfo::pay`] leaves them out.
		pub fn shared_keys() -> Vec<Vec<u8>> {
			SpendUse::ALL.iter().map(SpentTotals::<T>::hashed_key_for).collect()
		}

		/// Whether `policy` may be set: a period of at least one block, a lifetime of at least
		/// one period and below `MaxBuckets`.
		pub(crate) fn valid(policy: &ExpiryPolicy<BlockNumberFor<T>>) -> bool {
			!policy.period.is_zero()
				&& policy.lifetime > 0
				&& policy.lifetime < T::MaxBuckets::get()
		}

		fn set_paused(issuer: OrganizationId, paused: bool) -> DispatchResult {
			Issuers::<T>::try_mutate(issuer, |info| {
				let info = info.as_mut().ok_or(Error::<T>::NoBudget)?;
				ensure!(
					info.paused != paused,
					if paused { Error::<T>::AlreadyPaused } else { Error::<T>::NotPaused }
				);
				info.paused = paused;
				Ok(())
			})
		}

		/// Rewards `citizen` from `issuer`'s budget; returns what the burn of its expired mileage
		/// found.
		pub(crate) fn do_reward(
			issuer: OrganizationId,
			citizen: &T::AccountId,
			amount: Balance,
			reason: RewardReason,
			reference: Reference,
		) -> Result<Expiry, DispatchError> {
			ensure!(amount > 0, Error::<T>::ZeroAmount);
			ensure!(T::Registry::has_role(issuer, Role::RewardIssuer), Error::<T>::NotRewardIssuer);
			ensure!(T::Citizens::is_active_citizen(citizen), Error::<T>::NotACitizen);
			let mut info = Issuers::<T>::get(issuer).ok_or(Error::<T>::NoBudget)?;
			ensure!(!info.paused, Error::<T>::IssuerPaused);
			ensure!(info.budget >= amount, Error::<T>::OverBudget);
			let policy = Policy::<T>::get().ok_or(Error::<T>::NoExpiryPolicy)?;

			let expiry = Self::burn_expired(citizen);
			T::Currency::mint_into(citizen, amount)?;
			let expires_at = Self::expiry_of_now(&policy);
			Mileage::<T>::mutate(citizen, |buckets| {
				Self::add_to_buckets(buckets, expires_at, amount)
			});

			info.budget -= amount;
			info.issued.saturating_accrue(amount);
			Issuers::<T>::insert(issuer, info);
			IssuedTotals::<T>::mutate(issuer, reason, |total| total.saturating_accrue(amount));
			Self::deposit_event(Event::Rewarded {
				issuer,
				citizen: citizen.clone(),
				amount,
				reason,
				reference,
				expires_at,
			});
			Ok(expiry)
		}

		/// Pays `amount` from `payer` to `payee` for `spend`, oldest mileage first; returns what
		/// the burn of the payer's expired mileage found.
		pub(crate) fn do_pay(
			payer: &T::AccountId,
			payee: &T::AccountId,
			organization: Option<OrganizationId>,
			spend: SpendUse,
			amount: Balance,
			reference: Reference,
		) -> Result<Expiry, DispatchError> {
			ensure!(amount > 0, Error::<T>::ZeroAmount);
			ensure!(payer != payee, Error::<T>::SelfPayment);
			let expiry = Self::burn_expired(payer);
			Self::ensure_can_spend(payer, amount)?;
			T::Currency::transfer(payer, payee, amount, Preservation::Expendable)?;
			Self::spend_buckets(payer, amount);
			SpentTotals::<T>::mutate(spend, |total| total.saturating_accrue(amount));
			Self::deposit_event(Event::Paid {
				payer: payer.clone(),
				payee: payee.clone(),
				organization,
				spend,
				amount,
				reference,
			});
			Ok(expiry)
		}

		fn ensure_can_spend(who: &T::AccountId, amount: Balance) -> DispatchResult {
			ensure!(
				T::Currency::reducible_balance(who, Preservation::Expendable, Fortitude::Polite)
					>= amount,
				Error::<T>::InsufficientBalance
			);
			Ok(())
		}

		/// The first block in which mileage received now is expired under `policy`: the end of
		/// the current period plus `lifetime` periods.
		fn expiry_of_now(policy: &ExpiryPolicy<BlockNumberFor<T>>) -> BlockNumberFor<T> {
			let now = frame_system::Pallet::<T>::block_number();
			let periods = (now / policy.period)
				.saturating_add(1u32.into())
				.saturating_add(policy.lifetime.into());
			periods.saturating_mul(policy.period)
		}

		/// Adds `amount` expiring at `expires_at` to `buckets`, kept soonest first. When every
		/// bucket is taken (only after the policy was shortened), the amount joins the last
		/// bucket, which then expires at the later of the two: mileage never expires early.
		fn add_to_buckets(
			buckets: &mut BoundedVec<Bucket<BlockNumberFor<T>>, T::MaxBuckets>,
			expires_at: BlockNumberFor<T>,
			amount: Balance,
		) {
			let position = buckets.partition_point(|bucket| bucket.expires_at < expires_at);
			match buckets.get_mut(position) {
				Some(bucket) if bucket.expires_at == expires_at =>
					bucket.amount.saturating_accrue(amount),
				_ =>
					if buckets.try_insert(position, Bucket { expires_at, amount }).is_err() {
						if let Some(last) = buckets.last_mut() {
							last.amount.saturating_accrue(amount);
							last.expires_at = last.expires_at.max(expires_at);
						}
					},
			}
		}

		/// Takes `amount` from the buckets of `who`, soonest to expire first. S-coin beyond its
		/// buckets (an organization's income, a genesis endowment) never expires.
		fn spend_buckets(who: &T::AccountId, mut amount: Balance) {
			Mileage::<T>::mutate_exists(who, |maybe| {
				let Some(buckets) = maybe else { return };
				let mut spent = 0;
				for bucket in buckets.iter_mut() {
					let taken = bucket.amount.min(amount);
					bucket.amount -= taken;
					amount -= taken;
					if !bucket.amount.is_zero() {
						break;
					}
					spent += 1;
				}
				buckets.drain(..spent);
				if buckets.is_empty() {
					*maybe = None;
				}
			});
		}

		/// Burns the expired mileage of `who` (no more than its balance); returns how many
		/// buckets it had and whether anything was burnt.
		pub(crate) fn burn_expired(who: &T::AccountId) -> Expiry {
			let now = frame_system::Pallet::<T>::block_number();
			let mut expired: Balance = 0;
			let mut count = 0;
			Mileage::<T>::mutate_exists(who, |maybe| {
				let Some(buckets) = maybe else { return };
				count = buckets.len() as u32;
				let gone = buckets.partition_point(|bucket| bucket.expires_at <= now);
				expired = buckets.drain(..gone).map(|bucket| bucket.amount).sum();
				if gone > 0 && buckets.is_empty() {
					*maybe = None;
				}
			});
			if count == 0 || expired.is_zero() {
				return Expiry { buckets: count, burnt: false };
			}
			let burnable = expired.min(T::Currency::reducible_balance(
				who,
				Preservation::Expendable,
				Fortitude::Polite,
			));
			let burnt = T::Currency::burn_from(
				who,
				burnable,
				Preservation::Expendable,
				Precision::BestEffort,
				Fortitude::Polite,
			)
			.unwrap_or_default();
			if burnt.is_zero() {
				return Expiry { buckets: count, burnt: false };
			}
			ExpiredTotal::<T>::mutate(|total| total.saturating_accrue(burnt));
			Self::deposit_event(Event::Expired { who: who.clone(), amount: burnt });
			Expiry { buckets: count, burnt: true }
		}

		/// The S-coin of `who` as agencies and wallets see it.
		pub fn mileage(who: &T::AccountId) -> MileageView<BlockNumberFor<T>> {
			let now = frame_system::Pallet::<T>::block_number();
			let buckets = Mileage::<T>::get(who);
			let gone = buckets.partition_point(|bucket| bucket.expires_at <= now);
			let balance =
				T::Currency::reducible_balance(who, Preservation::Expendable, Fortitude::Polite);
			let expired = buckets[..gone].iter().map(|bucket| bucket.amount).sum::<Balance>();
			let expired = expired.min(balance);
			MileageView { balance: balance - expired, expired, expiring: buckets[gone..].to_vec() }
		}

		/// The audit totals. Reads every issuer's and converter's totals: for off-chain callers
		/// (the runtime API), never for a call.
		pub fn audit() -> Audit {
			let mut issued: Vec<_> = IssuedTotals::<T>::iter().collect();
			issued.sort();
			let mut converted: Vec<_> = ConvertedTotals::<T>::iter().collect();
			converted.sort();
			Audit {
				issued,
				spent: SpendUse::ALL
					.iter()
					.map(|spend| (*spend, SpentTotals::<T>::get(spend)))
					.collect(),
				converted,
				expired: ExpiredTotal::<T>::get(),
			}
		}

		/// Reward issuer `issuer`'s budget, total issued and pause; `None` if the city never
		/// gave it a budget.
		pub fn issuer(issuer: OrganizationId) -> Option<Issuer> {
			Issuers::<T>::get(issuer)
		}
	}
}

impl<T: Config> SCoinRewards<T::AccountId> for Pallet<T> {
	fn reward(
		issuer: OrganizationId,
		citizen: &T::AccountId,
		amount: Balance,
		reason: RewardReason,
		reference: Reference,
	) -> sp_runtime::DispatchResult {
		Self::do_reward(issuer, citizen, amount, reason, reference).map(|_| ())
	}
}

impl<T: Config> SCoinPayments<T::AccountId> for Pallet<T> {
	fn pay(
		payer: &T::AccountId,
		payee: &T::AccountId,
		spend: SpendUse,
		amount: Balance,
		reference: Reference,
	) -> sp_runtime::DispatchResult {
		Self::do_pay(payer, payee, None, spend, amount, reference).map(|_| ())
	}
}
