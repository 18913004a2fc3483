//! Benchmarks of S-coin, each in its worst case: an account holding `b` buckets, all but the
//! last expired (so the call burns expired mileage, then spends or adds to the live bucket).

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use sp_runtime::traits::One;

const REFERENCE: Reference = Reference::repeat_byte(9);

/// A reward issuer with a budget of a million.
fn issuer<T: Config>() -> (T::AccountId, OrganizationId) {
	let who: T::AccountId = account("issuer", 0, 0);
	let org = T::Registry::register_for_benchmark(&who, Role::RewardIssuer);
	Issuers::<T>::insert(org, Issuer { budget: 1_000_000, ..Default::default() });
	(who, org)
}

/// `who`, a citizen holding `b` buckets of 10 S-coin, all expired but the last, at block 1,000
/// under a policy of periods of 10 blocks lasting `MaxBuckets - 1` periods.
///
/// When the citizen sends the call, it is `whitelisted_caller()`: the transaction's nonce check
/// reads and writes the sender's account, and is weighed for it, so the call is not weighed
/// for that account again.
fn citizen<T: Config>(who: T::AccountId, b: u32) -> T::AccountId {
	T::Citizens::register_for_benchmark(&who);
	let period: BlockNumberFor<T> = 10u32.into();
	Policy::<T>::put(ExpiryPolicy { period, lifetime: T::MaxBuckets::get() - 1 });
	let now: BlockNumberFor<T> = 1_000u32.into();
	frame_system::Pallet::<T>::set_block_number(now);
	let buckets: Vec<Bucket<BlockNumberFor<T>>> = (0..b)
		.map(|i| Bucket {
			// The first `b - 1` expired at blocks 1..b-1, the last expires after now.
			expires_at: if i + 1 == b { now + One::one() } else { (i + 1).into() },
			amount: 10,
		})
		.collect();
	T::Currency::mint_into(&who, 10 * b as Balance + 1).expect("a fresh account takes a mint");
	Mileage::<T>::insert(&who, BoundedVec::truncate_from(buckets));
	who
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_budget() {
		let (_, org) = issuer::<T>();
		let city = T::CityOrigin::try_successful_origin().expect("the city origin can be built");

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, org, 5_000);

		assert_eq!(Issuers::<T>::get(org).map(|i| i.budget), Some(5_000));
	}

	#[benchmark]
	fn pause_issuer() {
		let (_, org) = issuer::<T>();
		let city = T::CityOrigin::try_successful_origin().expect("the city origin can be built");

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, org);

		assert!(Issuers::<T>::get(org).is_some_and(|i| i.paused));
	}

	#[benchmark]
	fn resume_issuer() {
		let (_, org) = issuer::<T>();
		Issuers::<T>::mutate(org, |i| i.as_mut().map(|i| i.paused = true));
		let city = T::CityOrigin::try_successful_origin().expect("the city origin can be built");

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, org);

		assert!(Issuers::<T>::get(org).is_some_and(|i| !i.paused));
	}

	#[benchmark]
	fn set_expiry_policy() {
		let city = T::CityOrigin::try_successful_origin().expect("the city origin can be built");
		let lifetime = T::MaxBuckets::get() - 1;

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, 100u32.into(), lifetime);

		assert_eq!(Policy::<T>::get().map(|p| p.lifetime), Some(lifetime));
	}

	#[benchmark]
	fn reward(b: Linear<1, { T::MaxBuckets::get() }>) {
		let (agent, org) = issuer::<T>();
		let who = citizen::<T>(account("citizen", 0, 0), b);

		#[extrinsic_call]
		_(RawOrigin::Signed(agent), who.clone(), 100, 1, REFERENCE);

		assert_eq!(IssuedTotals::<T>::get(org, 1), 100);
		assert_eq!(Mileage::<T>::get(&who).len(), 2);
	}

	#[benchmark]
	fn pay(b: Linear<1, { T::MaxBuckets::get() }>) {
		let who = citizen::<T>(whitelisted_caller(), b);
		let merchant: T::AccountId = account("merchant", 0, 0);
		let org = T::Registry::register_for_benchmark(&merchant, Role::Merchant);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), org, SpendUse::ZeroPay, 10, REFERENCE);

		assert_eq!(SpentTotals::<T>::get(SpendUse::ZeroPay), 10);
		assert!(Mileage::<T>::get(&who).is_empty());
	}

	#[benchmark]
	fn convert(b: Linear<1, { T::MaxBuckets::get() }>) {
		let who = citizen::<T>(whitelisted_caller(), b);
		let converter: T::AccountId = account("converter", 0, 0);
		let org = T::Registry::register_for_benchmark(&converter, Role::Converter);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), org, 10, REFERENCE);

		assert_eq!(ConvertedTotals::<T>::get(org), 10);
		assert!(Mileage::<T>::get(&who).is_empty());
	}

	#[benchmark]
	fn expire(b: Linear<2, { T::MaxBuckets::get() }>) {
		let who = citizen::<T>(account("citizen", 0, 0), b);
		let caller: T::AccountId = account("caller", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), who.clone());

		assert_eq!(Mileage::<T>::get(&who).len(), 1);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
