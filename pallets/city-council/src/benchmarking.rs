//! Benchmarks of the city council pallet. `enact` in its worst case: the longest list of ayes,
//! with the city's seat last in it, and the cheapest inner call (an empty `remark`), whose own
//! weight `enact` adds to this one. It is dispatched as the collective dispatches it, as a
//! [`Motion`], so that the weight covers the motion's record of itself.

use super::*;
use alloc::{boxed::Box, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use sp_runtime::traits::{Dispatchable, Hash};

#[benchmarks(where T::RuntimeOrigin: core::fmt::Debug)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn enact(m: Linear<1, { T::MaxCouncilMembers::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::MotionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let city: T::AccountId = account("city", 0, 0);
		CitySeat::<T>::put(&city);
		let call: Box<<T as Config>::RuntimeCall> =
			Box::new(frame_system::Call::<T>::remark { remark: vec![] }.into());
		let motion = T::Hashing::hash_of(&<<T as Config>::RuntimeCall as From<Call<T>>>::from(
			Call::<T>::enact { call: call.clone() },
		));
		let mut ayes: Vec<T::AccountId> =
			(1..m).map(|index| account("operator", index, 0)).collect();
		ayes.push(city);
		T::MotionVotes::open_for_benchmark(&motion, ayes);

		// As the collective's `close` dispatches it: a motion, which records itself as the one
		// being executed.
		let motion_call: Motion<T> = Motion(Call::<T>::enact { call }.into());
		#[block]
		{
			motion_call.dispatch(origin).map_err(|e| e.error)?;
		}

		frame_system::Pallet::<T>::assert_last_event(
			Event::<T>::Enacted { motion, result: Ok(()) }.into(),
		);
		Ok(())
	}

	#[benchmark]
	fn set_city_seat() -> Result<(), BenchmarkError> {
		let origin =
			T::CitySeatOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("city", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert_eq!(CitySeat::<T>::get(), Some(who));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
