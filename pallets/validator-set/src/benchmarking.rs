//! Benchmarks of the validator set, each in its worst case: the set as large as the call allows
//! (the largest `Validators` value to decode, search and encode), the account searched for at the
//! end of it, and a new validator never admitted before (so `System::Account` is written).
//!
//! A new validator must have session keys: [`Config::BenchmarkHelper`] gives it some, and
//! finishes a rotation the way a block would.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use sp_runtime::traits::StaticLookup;

const SEED: u32 = 0;

#[track_caller]
fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

fn city_origin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::AddRemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Replaces the set with `count` accounts, which need no session keys (no call checks the keys
/// of a validator already in the set); returns them in order.
fn fill<T: Config>(count: u32) -> Vec<T::AccountId> {
	let accounts: Vec<T::AccountId> =
		(0..count).map(|index| account("validator", index, SEED)).collect();
	Validators::<T>::put(ValidatorsOf::<T>::truncate_from(accounts.clone()));
	accounts
}

/// A fresh account, never admitted by this pallet, with session keys.
fn candidate<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("candidate", 0, SEED);
	T::BenchmarkHelper::set_session_keys(&who);
	who
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// One validator short of the most there may be: the new one fills the set.
	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		let origin = city_origin::<T>()?;
		fill::<T>(T::MaxValidators::get().saturating_sub(1));
		let who = candidate::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(who.clone()));

		assert!(Validators::<T>::get().contains(&who));
		assert!(SetChanged::<T>::get());
		assert_last_event::<T>(Event::ValidatorAdded { who });
		Ok(())
	}

	// A full set; the last validator is removed (found after searching the whole set).
	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let origin = city_origin::<T>()?;
		let max = T::MaxValidators::get();
		if T::MinValidators::get() >= max {
			return Err(BenchmarkError::Stop(
				"`MinValidators` equals `MaxValidators`: no validator can be removed",
			));
		}
		let who = fill::<T>(max)
			.pop()
			.ok_or(BenchmarkError::Stop("`MaxValidators` is 0: no set to remove from"))?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(who.clone()));

		assert!(!Validators::<T>::get().contains(&who));
		assert!(SetChanged::<T>::get());
		assert_last_event::<T>(Event::ValidatorRemoved { who });
		Ok(())
	}

	// A full set; the last validator is replaced by a new account, checked against the whole
	// set.
	#[benchmark]
	fn swap_validator() -> Result<(), BenchmarkError> {
		let origin = city_origin::<T>()?;
		let old = fill::<T>(T::MaxValidators::get())
			.pop()
			.ok_or(BenchmarkError::Stop("`MaxValidators` is 0: no set to swap in"))?;
		let new = candidate::<T>();

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			T::Lookup::unlookup(old.clone()),
			T::Lookup::unlookup(new.clone()),
		);

		let validators = Validators::<T>::get();
		assert!(validators.contains(&new) && !validators.contains(&old));
		assert_last_event::<T>(Event::ValidatorSwapped { old, new });
		Ok(())
	}

	// A rotation in its worst case, as on a live chain two rotations after a change: the set
	// activated changed (the authorities switch, GRANDPA schedules a change) and the set
	// changed again, so `v` validators and their session keys are queued for the next session.
	#[benchmark]
	fn rotate_session(v: Linear<1, { T::MaxValidators::get() }>) {
		let validators: Vec<T::AccountId> =
			(0..v).map(|index| account("validator", index, SEED)).collect();
		for who in &validators {
			T::BenchmarkHelper::set_session_keys(who);
		}
		Validators::<T>::put(ValidatorsOf::<T>::truncate_from(validators));
		SetChanged::<T>::put(true);
		T::Rotation::rotate();
		T::BenchmarkHelper::finish_rotation();
		SetChanged::<T>::put(true);

		#[block]
		{
			T::Rotation::rotate();
		}

		assert!(!SetChanged::<T>::get());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
