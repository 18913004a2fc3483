//! Benchmarks of the permissions pallet: its calls; [`CheckPermission`]'s walk of a call that
//! acts for no other account (what the rules read for other calls is [`CallRules::weight`]'s);
//! an admission lookup at its slowest (a citizen, found after the other kinds), which the rules
//! count for each account a nested call acts for; [`CheckSender`] in its worst case (a
//! rate-limited citizen, whose window ends and restarts with this transaction); and
//! [`FreeUnlessTipped`] on an untipped transaction (a tipped one is `ChargeTransactionPayment`'s,
//! benchmarked by `pallet_transaction_payment`).

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
	dispatch::{DispatchInfo, PostDispatchInfo},
	traits::EnsureOrigin,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::{
	traits::{AsSystemOriginSigner, DispatchTransaction, Dispatchable, One, Zero},
	Weight,
};

fn city_origin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::CityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// An admitted account (a citizen, or whatever kind the runtime's admission gives) with a
/// provider and a nonce of 1, limited to one transaction per block, whose last window has ended.
fn limited_citizen<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("citizen", 0, 0);
	T::Admission::admit_for_benchmark(&who, AccountKind::Citizen);
	let kind = T::Admission::kind(&who).expect("just admitted");
	frame_system::Pallet::<T>::inc_providers(&who);
	frame_system::Account::<T>::mutate(&who, |account| account.nonce = One::one());
	Quotas::<T>::insert(kind, Quota {
			transactions: 1,
			window: BlockNumberFor::<T>::one(),
			max_length: u32::MAX,
			max_weight: Weight::MAX,
		});
	Windows::<T>::insert(
		&who,
		Window {
			start: frame_system::Pallet::<T>::block_number(),
			first_nonce: Default::default(),
		},
	);
	frame_system::Pallet::<T>::set_block_number(
		frame_system::Pallet::<T>::block_number() + One::one(),
	);
	who
}

#[benchmarks(where
	T: Send + Sync + pallet_transaction_payment::Config,
	T::RuntimeCall: Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_quota() -> Result<(), BenchmarkError> {
		let origin = city_origin::<T>()?;
		let quota = Quota {
			transactions: 10,
			window: 10u32.into(),
			max_length: 4_096,
			max_weight: Weight::from_parts(10_000_000_000, u64::MAX),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, AccountKind::Citizen, Some(quota));

		assert_eq!(Quotas::<T>::get(AccountKind::Citizen), Some(quota));
		Ok(())
	}

	#[benchmark]
	fn suspend_account() -> Result<(), BenchmarkError> {
		let origin = city_origin::<T>()?;
		let who: T::AccountId = account("citizen", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(Suspended::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn resume_account() -> Result<(), BenchmarkError> {
		let origin = city_origin::<T>()?;
		let who: T::AccountId = account("citizen", 0, 0);
		Suspended::<T>::insert(&who, ());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Suspended::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn check_permission() -> Result<(), BenchmarkError> {
		let who = limited_citizen::<T>();
		let call: T::RuntimeCall = frame_system::Call::remark { remark: vec![] }.into();
		let info = DispatchInfo { call_weight: Weight::zero(), ..Default::default() };

		#[block]
		{
			CheckPermission::<T>::new()
				.test_run(RawOrigin::Signed(who).into(), &call, &info, 0, 0, |_| Ok(().into()))
				.unwrap()
				.unwrap();
		}
		Ok(())
	}

	#[benchmark]
	fn admission() -> Result<(), BenchmarkError> {
		let who = limited_citizen::<T>();

		#[block]
		{
			assert!(Pallet::<T>::admitted(&who).is_ok());
		}
		Ok(())
	}

	#[benchmark]
	fn check_sender() -> Result<(), BenchmarkError> {
		let who = limited_citizen::<T>();
		let call: T::RuntimeCall = frame_system::Call::remark { remark: vec![] }.into();
		let info = DispatchInfo { call_weight: Weight::zero(), ..Default::default() };

		#[block]
		{
			CheckSender::<T>::from(One::one())
				.test_run(RawOrigin::Signed(who.clone()).into(), &call, &info, 0, 0, |_| {
					Ok(().into())
				})
				.unwrap()
				.unwrap();
		}

		assert_eq!(
			Windows::<T>::get(&who).map(|window| window.start),
			Some(frame_system::Pallet::<T>::block_number())
		);
		Ok(())
	}

	#[benchmark]
	fn free_unless_tipped() -> Result<(), BenchmarkError> {
		let who = limited_citizen::<T>();
		let call: T::RuntimeCall = frame_system::Call::remark { remark: vec![] }.into();
		let info = DispatchInfo { call_weight: Weight::zero(), ..Default::default() };

		#[block]
		{
			FreeUnlessTipped::<T>::from(Zero::zero())
				.test_run(RawOrigin::Signed(who).into(), &call, &info, 0, 0, |_| Ok(().into()))
				.unwrap()
				.unwrap();
		}
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
