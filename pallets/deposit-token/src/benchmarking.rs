//! Benchmarks of the KRW deposit token, each in its worst case: the recipient's token account
//! is created, the sender's is emptied and removed.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use frame_system::RawOrigin;

const REFERENCE: Reference = Reference::repeat_byte(9);

/// An admitted account: a member of an organization with `role`.
fn member<T: Config>(name: &'static str, role: Role) -> (T::AccountId, OrganizationId) {
	let who: T::AccountId = account(name, 0, 0);
	let org = T::Registry::register_for_benchmark(&who, role);
	(who, org)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn mint() {
		let (bank, org) = member::<T>("bank", Role::Bank);
		let (to, _) = member::<T>("employer", Role::Employer);

		#[extrinsic_call]
		_(RawOrigin::Signed(bank), to.clone(), 1_000, REFERENCE);

		assert_eq!(T::Token::balance(&to), 1_000);
		assert_eq!(BankTotals::<T>::get(org).minted, 1_000);
	}

	#[benchmark]
	fn burn() {
		let (bank, org) = member::<T>("bank", Role::Bank);
		T::Token::mint_into(&bank, 1_000).expect("the bank takes a mint");
		// What the bank issued, and may burn.
		BankTotals::<T>::insert(org, BankTotal { minted: 1_000, burnt: 0 });

		#[extrinsic_call]
		_(RawOrigin::Signed(bank.clone()), 1_000, REFERENCE);

		assert_eq!(T::Token::balance(&bank), 0);
		assert_eq!(BankTotals::<T>::get(org).burnt, 1_000);
	}

	#[benchmark]
	fn transfer() {
		let (from, _) = member::<T>("employer", Role::Employer);
		let (to, _) = member::<T>("worker", Role::Employer);
		T::Token::mint_into(&from, 1_000).expect("the employer takes a mint");

		#[extrinsic_call]
		_(RawOrigin::Signed(from.clone()), to.clone(), 1_000);

		assert_eq!(T::Token::balance(&from), 0);
		assert_eq!(T::Token::balance(&to), 1_000);
	}

	#[benchmark]
	fn freeze() {
		let who: T::AccountId = account("suspect", 0, 0);
		let city = T::CityOrigin::try_successful_origin().expect("the city origin can be built");

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, who.clone(), REFERENCE);

		assert!(Frozen::<T>::contains_key(&who));
	}

	#[benchmark]
	fn thaw() {
		let who: T::AccountId = account("suspect", 0, 0);
		Frozen::<T>::insert(&who, REFERENCE);
		let city = T::CityOrigin::try_successful_origin().expect("the city origin can be built");

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, who.clone());

		assert!(!Frozen::<T>::contains_key(&who));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
