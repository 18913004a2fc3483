//! Benchmarks of the citizen card, each in its worst case: a resident whose history is full (the
//! oldest entry is dropped and the whole history rewritten), facilities with the longest name and
//! the most districts.

use super::*;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;

fn registrar<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("registrar", 0, 0);
	T::Registry::register_for_benchmark(&who, Role::Registrar);
	who
}

fn operator<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("operator", 0, 0);
	T::Registry::register_for_benchmark(&who, Role::FacilityOperator);
	who
}

const RESIDENT: ResidentHash = ResidentHash::repeat_byte(7);

/// A citizen with a card in `status` and a history of `h` entries (at least 1).
fn citizen<T: Config>(status: CardStatus, h: u32) -> T::AccountId {
	let who: T::AccountId = account("citizen", 0, 0);
	Cards::<T>::insert(
		&who,
		Card {
			resident: RESIDENT,
			info: CitizenInfo { district: 1, age_band: AgeBand::Adult },
			status,
			registrar: 0,
			since: frame_system::Pallet::<T>::block_number(),
		},
	);
	Residents::<T>::insert(RESIDENT, &who);
	let entries: Vec<HistoryEntry<T>> = (0..h.max(1))
		.map(|_| HistoryEntry {
			at: frame_system::Pallet::<T>::block_number(),
			by: Some(0),
			change: CardChange::Reissued { to: who.clone() },
		})
		.collect();
	History::<T>::insert(RESIDENT, BoundedVec::truncate_from(entries));
	who
}

fn facility<T: Config>(operator: &T::AccountId) -> FacilityId {
	let name = vec![b'x'; T::MaxNameLength::get() as usize];
	let districts: Vec<DistrictCode> = (0..T::MaxDistricts::get() as u16).collect();
	Pallet::<T>::register_facility(
		RawOrigin::Signed(operator.clone()).into(),
		name,
		districts,
		vec![AgeBand::Youth],
	)
	.expect("an operator registers a facility");
	NextFacilityId::<T>::get() - 1
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// A revoked resident registered again, on the same account, with a full history.
	#[benchmark]
	fn register_citizen(h: Linear<1, { T::MaxHistory::get() }>) {
		let registrar = registrar::<T>();
		let who = citizen::<T>(CardStatus::Revoked, h);

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), who.clone(), RESIDENT, 2, AgeBand::Senior);

		assert_eq!(Cards::<T>::get(&who).map(|c| c.status), Some(CardStatus::Active));
	}

	#[benchmark]
	fn update_citizen(h: Linear<1, { T::MaxHistory::get() }>) {
		let registrar = registrar::<T>();
		let who = citizen::<T>(CardStatus::Active, h);

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), who.clone(), 2, AgeBand::Senior);

		assert_eq!(Cards::<T>::get(&who).map(|c| c.info.district), Some(2));
	}

	#[benchmark]
	fn suspend_card(h: Linear<1, { T::MaxHistory::get() }>) {
		let registrar = registrar::<T>();
		let who = citizen::<T>(CardStatus::Active, h);

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), who.clone());

		assert_eq!(Cards::<T>::get(&who).map(|c| c.status), Some(CardStatus::Suspended));
	}

	#[benchmark]
	fn resume_card(h: Linear<1, { T::MaxHistory::get() }>) {
		let registrar = registrar::<T>();
		let who = citizen::<T>(CardStatus::Suspended, h);

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), who.clone());

		assert_eq!(Cards::<T>::get(&who).map(|c| c.status), Some(CardStatus::Active));
	}

	// Reported by a registrar: the registry is asked too.
	#[benchmark]
	fn report_lost(h: Linear<1, { T::MaxHistory::get() }>) {
		let registrar = registrar::<T>();
		let who = citizen::<T>(CardStatus::Active, h);

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), who.clone());

		assert_eq!(Cards::<T>::get(&who).map(|c| c.status), Some(CardStatus::Lost));
	}

	// To an account never admitted before.
	#[benchmark]
	fn reissue_card(h: Linear<1, { T::MaxHistory::get() }>) {
		let registrar = registrar::<T>();
		let from = citizen::<T>(CardStatus::Lost, h);
		let to: T::AccountId = account("new phone", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), from.clone(), to.clone());

		assert_eq!(Residents::<T>::get(RESIDENT), Some(to));
	}

	#[benchmark]
	fn revoke_card(h: Linear<1, { T::MaxHistory::get() }>) {
		let registrar = registrar::<T>();
		let who = citizen::<T>(CardStatus::Active, h);

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), who.clone());

		assert_eq!(Cards::<T>::get(&who).map(|c| c.status), Some(CardStatus::Revoked));
	}

	#[benchmark]
	fn register_facility(
		n: Linear<1, { T::MaxNameLength::get() }>,
		d: Linear<0, { T::MaxDistricts::get() }>,
	) {
		let operator = operator::<T>();
		let name = vec![b'x'; n as usize];
		let districts: Vec<DistrictCode> = (0..d as u16).collect();

		#[extrinsic_call]
		_(RawOrigin::Signed(operator), name, districts, vec![AgeBand::Youth, AgeBand::Adult]);

		assert!(Facilities::<T>::contains_key(NextFacilityId::<T>::get() - 1));
	}

	#[benchmark]
	fn update_facility(
		n: Linear<1, { T::MaxNameLength::get() }>,
		d: Linear<0, { T::MaxDistricts::get() }>,
	) {
		let operator = operator::<T>();
		let id = facility::<T>(&operator);
		let name = vec![b'y'; n as usize];
		let districts: Vec<DistrictCode> = (0..d as u16).collect();

		#[extrinsic_call]
		_(RawOrigin::Signed(operator), id, name, districts, vec![AgeBand::Senior]);

		assert_eq!(
			Facilities::<T>::get(id).map(|f| f.age_bands.to_vec()),
			Some(vec![AgeBand::Senior])
		);
	}

	#[benchmark]
	fn set_facility_open() {
		let operator = operator::<T>();
		let id = facility::<T>(&operator);

		#[extrinsic_call]
		_(RawOrigin::Signed(operator), id, false);

		assert_eq!(Facilities::<T>::get(id).map(|f| f.open), Some(false));
	}

	#[benchmark]
	fn remove_facility() {
		let operator = operator::<T>();
		let id = facility::<T>(&operator);

		#[extrinsic_call]
		_(RawOrigin::Signed(operator), id);

		assert!(!Facilities::<T>::contains_key(id));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
