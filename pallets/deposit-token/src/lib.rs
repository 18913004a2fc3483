//! # Deposit token pallet: the KRW deposit token
//!
//! The won deposit token is the money of wages, subcontract payments, subsidies and trust funds:
//! a tokenized bank deposit, one unit per won. It is one asset of `pallet-assets`, which this
//! pallet fronts:
//!
//! - **Issue and redemption.** Only organizations with the `Bank` role mint it, against a
//!   deposit ([`Pallet::mint`], with the deposit's reference), and burn it on redemption
//!   ([`Pallet::burn`]: a bank burns what its customers paid back to it). [`BankTotals`] keeps
//!   what each bank minted and burnt; a bank burns at most what it has outstanding (minted and
//!   not yet burnt), never another bank's issue.
//! - **Transfers** ([`Pallet::transfer`]) go between admitted accounts (citizens, organization
//!   members, authorities, as the network's account permissioning knows them).
//! - **Freezing.** In case of fraud the city origin freezes an account ([`Pallet::freeze`]):
//!   nothing leaves it, through this pallet or any other (the pallet is `pallet-assets`'
//!   [`FrozenBalance`]), and nothing is minted or sent to it until it is thawed, through this
//!   pallet or a service pallet's `fungible` calls ([`Krw`]).
//!
//! Service pallets use the token as a `fungible`, [`Krw`]: [`Config::Token`] (the runtime's
//! `ItemOf<Assets, Krw, AccountId>`) with the city's freezes applied to deposits as well as
//! withdrawals. They keep escrow in sub-accounts of their `PalletId`
//! ([`seoul_primitives::escrow_account`]): `pallet-assets` has no holds. The runtime's call
//! filter keeps `pallet-assets`' own calls out of reach, so this pallet's rules are the token's.

#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use pallet::*;
pub use weights::WeightInfo;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::{
	fungible::{Dust, Inspect, Mutate, Unbalanced},
	tokens::{
		DepositConsequence, Fortitude, Precision, Preservation, Provenance, WithdrawConsequence,
	},
};
use pallet_assets::FrozenBalance;
use scale_info::TypeInfo;
use seoul_primitives::{
	AccountAdmission, Balance, OrganizationId, OrganizationRegistry, Reference, Role,
};

/// What a bank has minted and burnt.
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
)]
pub struct BankTotal {
	/// Minted against deposits.
	pub minted: Balance,
	/// Burnt on redemption.
	pub burnt: Balance,
}

impl BankTotal {
	/// What the bank has minted and not burnt: the most it may still burn.
	pub fn outstanding(&self) -> Balance {
		self.minted.saturating_sub(self.burnt)
	}
}

/// An account's tokens as agencies and wallets see them (runtime API and JSON-RPC).
#[derive(Encode, Decode, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, serde::Serialize)]
pub struct TokenAccount {
	/// The tokens it holds, in won.
	pub balance: Balance,
	/// Whether the city froze it.
	pub frozen: bool,
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Saturating;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The KRW deposit token.
		type Token: Mutate<Self::AccountId, Balance = Balance>;

		/// Which organizations are banks.
		type Registry: OrganizationRegistry<Self::AccountId>;

		/// Which accounts may hold and receive the token.
		type Admission: AccountAdmission<Self::AccountId>;

		/// The city: freezes and thaws accounts.
		type CityOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The accounts the city froze, with the reference of the case.
	#[pallet::storage]
	pub type Frozen<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, Reference, OptionQuery>;

	/// What each bank has minted and burnt.
	#[pallet::storage]
	pub type BankTotals<T: Config> =
		StorageMap<_, Twox64Concat, OrganizationId, BankTotal, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A bank minted tokens to `to` against the deposit `deposit`.
		Minted { bank: OrganizationId, to: T::AccountId, amount: Balance, deposit: Reference },
		/// A bank burnt tokens from its own account on the redemption `redemption`.
		Burnt { bank: OrganizationId, from: T::AccountId, amount: Balance, redemption: Reference },
		/// Tokens moved from `from` to `to`.
		Transferred { from: T::AccountId, to: T::AccountId, amount: Balance },
		/// The city froze an account, for the case `case`.
		AccountFrozen { who: T::AccountId, case: Reference },
		/// The city thawed an account.
		AccountThawed { who: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Amounts are at least one won.
		ZeroAmount,
		/// The sender does not act for an active organization with the `Bank` role.
		NotBank,
		/// The recipient is not an admitted account (a citizen, an organization member, an
		/// authority), or is suspended.
		NotAdmitted,
		/// The account is frozen.
		AccountFrozen,
		/// The account is not frozen.
		NotFrozen,
		/// The sender does not have the tokens.
		InsufficientBalance,
		/// An account does not send tokens to itself.
		SelfTransfer,
		/// A bank burns at most what it has outstanding: what it minted and has not burnt.
		ExceedsIssued,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Mints `amount` to admitted account `to`, against the deposit whose reference (the
		/// bank's record's hash) is `deposit`. The sender must act for a bank.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::mint())]
		pub fn mint(
			origin: OriginFor<T>,
			to: T::AccountId,
			amount: Balance,
			deposit: Reference,
		) -> DispatchResult {
			let bank = Self::ensure_bank(origin)?.1;
			ensure!(amount > 0, Error::<T>::ZeroAmount);
			Self::ensure_can_receive(&to)?;
			T::Token::mint_into(&to, amount)?;
			BankTotals::<T>::mutate(bank, |total| total.minted.saturating_accrue(amount));
			Self::deposit_event(Event::Minted { bank, to, amount, deposit });
			Ok(())
		}

		/// Burns `amount` from the sender's own account on the redemption whose reference is
		/// `redemption`: the customer sent the tokens to the bank, which pays the won out. The
		/// sender must act for a bank.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::burn())]
		pub fn burn(
			origin: OriginFor<T>,
			amount: Balance,
			redemption: Reference,
		) -> DispatchResult {
			let (from, bank) = Self::ensure_bank(origin)?;
			ensure!(amount > 0, Error::<T>::ZeroAmount);
			ensure!(BankTotals::<T>::get(bank).outstanding() >= amount, Error::<T>::ExceedsIssued);
			Self::ensure_can_send(&from, amount)?;
			T::Token::burn_from(
				&from,
				amount,
				Preservation::Expendable,
				Precision::Exact,
				Fortitude::Polite,
			)?;
			BankTotals::<T>::mutate(bank, |total| total.burnt.saturating_accrue(amount));
			Self::deposit_event(Event::Burnt { bank, from, amount, redemption });
			Ok(())
		}

		/// Sends `amount` to admitted account `to`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::transfer())]
		pub fn transfer(origin: OriginFor<T>, to: T::AccountId, amount: Balance) -> DispatchResult {
			let from = ensure_signed(origin)?;
			ensure!(amount > 0, Error::<T>::ZeroAmount);
			ensure!(from != to, Error::<T>::SelfTransfer);
			Self::ensure_can_send(&from, amount)?;
			Self::ensure_can_receive(&to)?;
			T::Token::transfer(&from, &to, amount, Preservation::Expendable)?;
			Self::deposit_event(Event::Transferred { from, to, amount });
			Ok(())
		}

		/// Freezes `who` for the fraud case whose reference is `case`: nothing leaves the
		/// account, and nothing is minted or sent to it. City origin.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(origin: OriginFor<T>, who: T::AccountId, case: Reference) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			ensure!(!Frozen::<T>::contains_key(&who), Error::<T>::AccountFrozen);
			Frozen::<T>::insert(&who, case);
			Self::deposit_event(Event::AccountFrozen { who, case });
			Ok(())
		}

		/// Thaws frozen account `who`. City origin.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::thaw())]
		pub fn thaw(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			ensure!(Frozen::<T>::take(&who).is_some(), Error::<T>::NotFrozen);
			Self::deposit_event(Event::AccountThawed { who });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The tokens `who` holds, and whether the city froze it.
		pub fn account(who: &T::AccountId) -> TokenAccount {
			TokenAccount { balance: T::Token::balance(who), frozen: Frozen::<T>::contains_key(who) }
		}

		/// What bank `bank` minted and burnt, and the tokens outstanding.
		pub fn bank(bank: OrganizationId) -> (BankTotal, Balance) {
			(BankTotals::<T>::get(bank), T::Token::total_issuance())
		}

		fn ensure_bank(
			origin: OriginFor<T>,
		) -> Result<(T::AccountId, OrganizationId), DispatchError> {
			let who = ensure_signed(origin)?;
			let bank = T::Registry::acting_as(&who, Role::Bank).ok_or(Error::<T>::NotBank)?;
			Ok((who, bank))
		}

		fn ensure_can_receive(to: &T::AccountId) -> DispatchResult {
			ensure!(T::Admission::is_admitted(to), Error::<T>::NotAdmitted);
			ensure!(!Frozen::<T>::contains_key(to), Error::<T>::AccountFrozen);
			Ok(())
		}

		fn ensure_can_send(from: &T::AccountId, amount: Balance) -> DispatchResult {
			ensure!(!Frozen::<T>::contains_key(from), Error::<T>::AccountFrozen);
			ensure!(
				T::Token::reducible_balance(from, Preservation::Expendable, Fortitude::Polite)
					>= amount,
				Error::<T>::InsufficientBalance
			);
			Ok(())
		}
	}
}

/// `pallet-assets` asks how much of an account's balance may not move: all of it when the city
/// froze the account. (The runtime has one asset, the KRW token.)
impl<T: Config, AssetId> FrozenBalance<AssetId, T::AccountId, Balance> for Pallet<T> {
	fn frozen_balance(_: AssetId, who: &T::AccountId) -> Option<Balance> {
		Frozen::<T>::contains_key(who).then_some(Balance::MAX)
	}

	fn died(_: AssetId, _: &T::AccountId) {}

	fn contains_freezes(_: AssetId) -> bool {
		Frozen::<T>::count() > 0
	}
}

/// The KRW token as service pallets hold and move it: [`Config::Token`], with the city's
/// freezes applied to every path. A frozen account neither sends (`pallet-assets` already
/// keeps its whole balance frozen) nor receives: a deposit, a mint or a transfer to it is
/// refused (`can_deposit` answers `Blocked`, and the balance is not increased).
pub struct Krw<T>(core::marker::PhantomData<T>);

impl<T: Config> Krw<T> {
	fn ensure_not_frozen(who: &T::AccountId) -> Result<(), sp_runtime::DispatchError> {
		if Frozen::<T>::contains_key(who) {
			return Err(Error::<T>::AccountFrozen.into());
		}
		Ok(())
	}
}

impl<T: Config> Inspect<T::AccountId> for Krw<T> {
	type Balance = Balance;

	fn total_issuance() -> Balance {
		T::Token::total_issuance()
	}

	fn active_issuance() -> Balance {
		T::Token::active_issuance()
	}

	fn minimum_balance() -> Balance {
		T::Token::minimum_balance()
	}

	fn balance(who: &T::AccountId) -> Balance {
		T::Token::balance(who)
	}

	fn total_balance(who: &T::AccountId) -> Balance {
		T::Token::total_balance(who)
	}

	fn reducible_balance(
		who: &T::AccountId,
		preservation: Preservation,
		force: Fortitude,
	) -> Balance {
		T::Token::reducible_balance(who, preservation, force)
	}

	fn can_deposit(
		who: &T::AccountId,
		amount: Balance,
		provenance: Provenance,
	) -> DepositConsequence {
		if Frozen::<T>::contains_key(who) {
			return DepositConsequence::Blocked;
		}
		T::Token::can_deposit(who, amount, provenance)
	}

	fn can_withdraw(who: &T::AccountId, amount: Balance) -> WithdrawConsequence<Balance> {
		T::Token::can_withdraw(who, amount)
	}
}

impl<T: Config> Unbalanced<T::AccountId> for Krw<T> {
	fn handle_dust(dust: Dust<T::AccountId, Self>) {
		T::Token::handle_dust(Dust(dust.0))
	}

	fn write_balance(
		who: &T::AccountId,
		amount: Balance,
	) -> Result<Option<Balance>, sp_runtime::DispatchError> {
		Self::ensure_not_frozen(who)?;
		T::Token::write_balance(who, amount)
	}

	fn set_total_issuance(amount: Balance) {
		T::Token::set_total_issuance(amount)
	}

	fn decrease_balance(
		who: &T::AccountId,
		amount: Balance,
		precision: Precision,
		preservation: Preservation,
		force: Fortitude,
	) -> Result<Balance, sp_runtime::DispatchError> {
		Self::ensure_not_frozen(who)?;
		T::Token::decrease_balance(who, amount, precision, preservation, force)
	}

	fn increase_balance(
		who: &T::AccountId,
		amount: Balance,
		precision: Precision,
	) -> Result<Balance, sp_runtime::DispatchError> {
		Self::ensure_not_frozen(who)?;
		T::Token::increase_balance(who, amount, precision)
	}
}

impl<T: Config> Mutate<T::AccountId> for Krw<T> {}
