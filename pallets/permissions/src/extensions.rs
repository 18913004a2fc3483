//! The transaction extensions: [`CheckPermission`] (admission and rules on calls) and
//! [`CheckNonceAndQuota`] (the nonce check and the rate limit).

use crate::{codes, CallRules, Config, Pallet, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{dispatch::DispatchInfo, pallet_prelude::TransactionSource};
use frame_system::{CheckNonce, ValidNonceInfo};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, Dispatchable, PostDispatchInfoOf,
		TransactionExtension, ValidateResult,
	},
	transaction_validity::{
		InvalidTransaction, TransactionLongevity, TransactionValidityError, ValidTransaction,
	},
	DispatchResult, Weight,
};

/// Refuses transactions from accounts the chain does not know, from suspended accounts, calls
/// the [`Config::CallRules`] forbid, and general transactions whose origin is not signed.
///
/// No explicit or implicit data: wallets sign with it without configuration.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckPermission<T>(PhantomData<T>);

impl<T> CheckPermission<T> {
	/// The extension (it has no data).
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T> Default for CheckPermission<T> {
	fn default() -> Self {
		Self::new()
	}
}

impl<T> core::fmt::Debug for CheckPermission<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckPermission")
	}
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckPermission<T>
where
	T::RuntimeCall: Dispatchable<Info = DispatchInfo>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckPermission";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, _: &T::RuntimeCall) -> Weight {
		T::WeightInfo::check_permission()
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		// Signed transactions reach here with their signer as origin; general (version 5) ones
		// with whatever origin the extensions before this one gave them, and none of ours gives
		// any. Inherents and unsigned transactions do not come here (`bare_validate`).
		let Some(who) = origin.as_system_origin_signer() else {
			return Err(InvalidTransaction::Custom(codes::NOT_SIGNED).into());
		};
		Pallet::<T>::admitted(who)?;
		T::CallRules::check(who, call)?;
		Ok((ValidTransaction::default(), (), origin))
	}

	fn prepare(
		self,
		_val: Self::Val,
		_origin: &T::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		Ok(())
	}
}

/// `frame_system::CheckNonce`, followed by the sender's rate limit: a transaction whose nonce is
/// beyond the sender's quota for the current window is refused with
/// [`codes::RATE_LIMITED`].
///
/// Same identifier (`CheckNonce`) and data (the compact nonce) as `frame_system::CheckNonce`, so
/// wallets fill it in as the nonce check they know. Stands where `CheckNonce` would.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckNonceAndQuota<T: Config>(#[codec(compact)] pub T::Nonce);

impl<T: Config> CheckNonceAndQuota<T> {
	/// The extension for a transaction with `nonce`.
	pub fn from(nonce: T::Nonce) -> Self {
		Self(nonce)
	}
}

impl<T: Config> core::fmt::Debug for CheckNonceAndQuota<T> {
	#[cfg(feature = "std")]
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckNonceAndQuota({})", self.0)
	}

	#[cfg(not(feature = "std"))]
	fn fmt(&self, _: &mut core::fmt::Formatter) -> core::fmt::Result {
		Ok(())
	}
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckNonceAndQuota<T>
where
	T::RuntimeCall: Dispatchable<Info = DispatchInfo>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckNonce";
	type Implicit = ();
	/// The sender, when there is one, and whether its transaction starts a rate-limit window:
	/// worked out once, at validation, which block building runs just before `prepare`.
	type Val = Option<(T::AccountId, bool)>;
	type Pre = ();

	fn weight(&self, _: &T::RuntimeCall) -> Weight {
		T::WeightInfo::check_nonce_and_quota()
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		let Some(who) = origin.as_system_origin_signer() else {
			return Ok((ValidTransaction::default(), None, origin));
		};
		let ValidNonceInfo { provides, requires } =
			CheckNonce::<T>::validate_nonce_for_account(who, self.0)?;
		let account_nonce = frame_system::Account::<T>::get(who).nonce;
		let rate_limit = Pallet::<T>::rate_limit(who, account_nonce);
		if rate_limit.is_some_and(|rate| self.0 >= rate.limit) {
			return Err(InvalidTransaction::Custom(codes::RATE_LIMITED).into());
		}
		let starts_window = rate_limit.is_some_and(|rate| !rate.window_running);
		let validity = ValidTransaction {
			priority: 0,
			requires,
			provides,
			longevity: TransactionLongevity::MAX,
			propagate: true,
		};
		let who = who.clone();
		Ok((validity, Some((who, starts_window)), origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		_origin: &T::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		let Some((who, starts_window)) = val else { return Ok(()) };
		CheckNonce::<T>::prepare_nonce_for_account(&who, self.0)?;
		if starts_window {
			Pallet::<T>::start_window(&who, self.0);
		}
		Ok(())
	}

	fn post_dispatch_details(
		_pre: Self::Pre,
		_info: &DispatchInfo,
		_post_info: &PostDispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		Ok(Weight::zero())
	}
}
