//! The transaction extensions: [`CheckPermission`] (rules on calls), [`CheckSender`] (the
//! sender's admission, the nonce check and the rate limit) and [`FreeUnlessTipped`] (the
//! transaction payment of a chain without fees).

use crate::{codes, CallRules, Config, Pallet, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	dispatch::{DispatchInfo, Pays, PostDispatchInfo},
	pallet_prelude::TransactionSource,
	traits::Get,
	weights::WeightToFee,
};
use frame_system::{CheckNonce, ValidNonceInfo};
use pallet_transaction_payment::{ChargeTransactionPayment, OnChargeTransaction};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, Dispatchable, Implication, PostDispatchInfoOf,
		TransactionExtension, ValidateResult, Zero,
	},
	transaction_validity::{
		InvalidTransaction, TransactionLongevity, TransactionValidityError, ValidTransaction,
	},
	DispatchResult, Weight,
};

/// Refuses calls the [`Config::CallRules`] forbid (among them, calls acting for an account that
/// is unknown or suspended) and general transactions whose origin is not signed.
///
/// The sender's own admission is [`CheckSender`]'s, which looks up its kind once for both the
/// admission and the rate limit.
///
/// No explicit or implicit data: wallets sign with it without configuration. Weighed at the
/// rules' walk of the call ([`WeightInfo::check_permission`]) and the lookups the rules make for
/// that call ([`CallRules::weight`]).
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

	fn weight(&self, call: &T::RuntimeCall) -> Weight {
		T::WeightInfo::check_permission().saturating_add(T::CallRules::weight(call))
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

/// The sender's checks, in order: its admission (a transaction from an account the chain does
/// not know is refused with [`codes::UNKNOWN_ACCOUNT`], from a suspended one with
/// [`codes::SUSPENDED`]), `frame_system::CheckNonce`, then its rate limit (a transaction whose
/// nonce is beyond the sender's quota for the current window is refused with
/// [`codes::RATE_LIMITED`], one longer or heavier than its quota's bounds with
/// [`codes::TOO_LARGE`]). The sender's kind is looked up once, for both.
///
/// Same identifier (`CheckNonce`) and data (the compact nonce) as `frame_system::CheckNonce`, so
/// wallets fill it in as the nonce check they know. Stands where `CheckNonce` would. The
/// admission comes first so that an unknown account gets its own error rather than the nonce
/// check's "no provider" payment error.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckSender<T: Config>(#[codec(compact)] pub T::Nonce);

impl<T: Config> CheckSender<T> {
	/// The extension for a transaction with `nonce`.
	pub fn from(nonce: T::Nonce) -> Self {
		Self(nonce)
	}
}

impl<T: Config> core::fmt::Debug for CheckSender<T> {
	#[cfg(feature = "std")]
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckSender({})", self.0)
	}

	#[cfg(not(feature = "std"))]
	fn fmt(&self, _: &mut core::fmt::Formatter) -> core::fmt::Result {
		Ok(())
	}
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckSender<T>
where
	T::RuntimeCall: Dispatchable<Info = DispatchInfo>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckNonce";
	type Implicit = ();
	/// The sender, when there is one, and its rate limit: `None` when it has none, else whether
	/// its transaction starts a window. Worked out once, at validation, which block building
	/// runs just before `prepare`.
	type Val = Option<(T::AccountId, Option<bool>)>;
	/// The weight to give back: the window's write when none starts, and its read too when the
	/// sender has no rate limit.
	type Pre = Weight;

	fn weight(&self, _: &T::RuntimeCall) -> Weight {
		T::WeightInfo::check_sender()
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		_call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		let Some(who) = origin.as_system_origin_signer() else {
			return Ok((ValidTransaction::default(), None, origin));
		};
		let kind = Pallet::<T>::admitted(who)?;
		let ValidNonceInfo { provides, requires } =
			CheckNonce::<T>::validate_nonce_for_account(who, self.0)?;
		let account_nonce = frame_system::Account::<T>::get(who).nonce;
		let rate_limit = Pallet::<T>::rate_limit(who, kind, account_nonce);
		if rate_limit.is_some_and(|rate| self.0 >= rate.limit) {
			return Err(InvalidTransaction::Custom(codes::RATE_LIMITED).into());
		}
		if rate_limit.is_some_and(|rate| !rate.quota.admits(len, info.total_weight())) {
			return Err(InvalidTransaction::Custom(codes::TOO_LARGE).into());
		}
		let starts_window = rate_limit.map(|rate| !rate.window_running);
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
		let Some((who, rate_limited)) = val else { return Ok(Weight::zero()) };
		CheckNonce::<T>::prepare_nonce_for_account(&who, self.0)?;
		// The weight is `check_sender`'s worst case, a window read and restarted.
		let db = T::DbWeight::get();
		Ok(match rate_limited {
			Some(true) => {
				Pallet::<T>::start_window(&who, self.0);
				Weight::zero()
			},
			Some(false) => db.writes(1),
			None => db.reads_writes(1, 1),
		})
	}

	fn post_dispatch_details(
		unused: Self::Pre,
		_info: &DispatchInfo,
		_post_info: &PostDispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		Ok(unused)
	}
}

/// The tip's type: the balance `pallet_transaction_payment` charges in.
pub type TipOf<T> = <<T as pallet_transaction_payment::Config>::OnChargeTransaction as
	OnChargeTransaction<T>>::Balance;

/// `pallet_transaction_payment::ChargeTransactionPayment` for a chain whose fees are zero.
///
/// A transaction with a tip is charged its tip by `ChargeTransactionPayment` itself, at that
/// extension's weight, if its sender may tip ([`CallRules::may_tip`]; else it is refused with
/// [`codes::CALL_NOT_ALLOWED`]). A transaction without a tip owes nothing: it is neither charged
/// nor reported (no `TransactionFeePaid` event), and it is weighed at this extension's check alone
/// ([`WeightInfo::free_unless_tipped`]) instead of at a tip's withdrawal. Its pool priority is
/// the one `ChargeTransactionPayment` gives it.
///
/// Same identifier (`ChargeTransactionPayment`), data (the compact tip) and type information as
/// `ChargeTransactionPayment`, so wallets fill it in as the extension they know. An untipped
/// transaction whose fee would not be zero (`WeightToFee` or `LengthToFee` not zero, and the
/// call not `Pays::No`) is refused with `InvalidTransaction::Payment`: on a chain with fees
/// this extension must not let such a transaction through unpaid.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq)]
pub struct FreeUnlessTipped<T: pallet_transaction_payment::Config>(pub ChargeTransactionPayment<T>);

impl<T: pallet_transaction_payment::Config> FreeUnlessTipped<T>
where
	T::RuntimeCall: Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>,
	TipOf<T>: Send + Sync,
{
	/// The extension for a transaction tipping `tip` (zero: untipped, free).
	pub fn from(tip: TipOf<T>) -> Self {
		Self(ChargeTransactionPayment::from(tip))
	}

	/// Whether a transaction of `info` and `len` bytes, without tip, owes no fee at any fee
	/// multiplier: its weight and its length cost nothing, or it does not pay fees.
	pub fn fee_is_zero(info: &DispatchInfo, len: usize) -> bool {
		if info.pays_fee == Pays::No {
			return true;
		}
		let base = T::BlockWeights::get().get(info.class).base_extrinsic;
		T::WeightToFee::weight_to_fee(&base.saturating_add(info.total_weight())).is_zero()
			&& T::LengthToFee::weight_to_fee(&Weight::from_parts(len as u64, 0)).is_zero()
	}
}

impl<T: pallet_transaction_payment::Config> TypeInfo for FreeUnlessTipped<T> {
	type Identity = ChargeTransactionPayment<T>;

	fn type_info() -> scale_info::Type {
		ChargeTransactionPayment::<T>::type_info()
	}
}

impl<T: pallet_transaction_payment::Config> core::fmt::Debug for FreeUnlessTipped<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "FreeUnlessTipped({:?})", self.0)
	}
}

impl<T> TransactionExtension<T::RuntimeCall> for FreeUnlessTipped<T>
where
	T: Config + pallet_transaction_payment::Config + Send + Sync,
	T::RuntimeCall: Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
	TipOf<T>: Send + Sync,
{
	const IDENTIFIER: &'static str = ChargeTransactionPayment::<T>::IDENTIFIER;
	type Implicit = ();
	/// `ChargeTransactionPayment`'s, for a tipped transaction; `None` for a free one.
	type Val = Option<pallet_transaction_payment::Val<T>>;
	/// Same.
	type Pre = Option<pallet_transaction_payment::Pre<T>>;

	fn weight(&self, call: &T::RuntimeCall) -> Weight {
		if self.0.tip().is_zero() {
			<T as Config>::WeightInfo::free_unless_tipped()
		} else {
			self.0.weight(call).saturating_add(T::CallRules::may_tip_weight())
		}
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
		self_implicit: Self::Implicit,
		inherited_implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		if !self.0.tip().is_zero() {
			if origin.as_system_origin_signer().is_some_and(|who| !T::CallRules::may_tip(who)) {
				return Err(InvalidTransaction::Custom(codes::CALL_NOT_ALLOWED).into());
			}
			let (validity, val, origin) = self.0.validate(
				origin,
				call,
				info,
				len,
				self_implicit,
				inherited_implication,
				source,
			)?;
			return Ok((validity, Some(val), origin));
		}
		if !Self::fee_is_zero(info, len) {
			return Err(InvalidTransaction::Payment.into());
		}
		let priority =
			ChargeTransactionPayment::<T>::get_priority(info, len, Zero::zero(), Zero::zero());
		Ok((ValidTransaction { priority, ..Default::default() }, None, origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		origin: &T::RuntimeOrigin,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		match val {
			Some(val) => self.0.prepare(val, origin, call, info, len).map(Some),
			None => Ok(None),
		}
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		info: &DispatchInfo,
		post_info: &PostDispatchInfoOf<T::RuntimeCall>,
		len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		match pre {
			Some(pre) => ChargeTransactionPayment::<T>::post_dispatch_details(
				pre, info, post_info, len, result,
			),
			None => Ok(Weight::zero()),
		}
	}
}
