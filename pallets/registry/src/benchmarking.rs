//! Benchmarks of the registry, each in its worst case: the longest name and the most roles (the
//! largest `Organizations` entry to read and write), and accounts never admitted before (so
//! `System::Account` is created).

use super::*;
use alloc::{vec, vec::Vec};
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use sp_runtime::traits::StaticLookup;

const SEED: u32 = 0;

#[track_caller]
fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

/// Every role, in declaration order: the SCALE indices 0, 1, ... that decode.
fn all_roles() -> Vec<Role> {
	(0u8..=u8::MAX).map_while(|index| Role::decode(&mut &[index][..]).ok()).collect()
}

/// `count` distinct roles, fewer if there are not that many.
fn roles(count: u32) -> Vec<Role> {
	all_roles().into_iter().take(count as usize).collect()
}

/// A name of `MaxNameLength` bytes.
fn longest_name<T: Config>() -> BoundedVec<u8, T::MaxNameLength> {
	BoundedVec::truncate_from(vec![b'n'; T::MaxNameLength::get() as usize])
}

fn city_origin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::CityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Registers an organization with the longest name, `role_count` roles and `admin`, then adds
/// `other_members` members; returns its id.
fn organization<T: Config>(
	admin: &T::AccountId,
	role_count: u32,
	other_members: u32,
) -> Result<OrganizationId, BenchmarkError> {
	let id = Pallet::<T>::do_register(
		longest_name::<T>(),
		OrganizationKind::Other,
		&roles(role_count),
		admin.clone(),
	)?;
	for index in 0..other_members {
		let who: T::AccountId = account("member", index, SEED);
		Pallet::<T>::do_add_member(id, &who)?;
	}
	Ok(id)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_organization() -> Result<(), BenchmarkError> {
		let origin = city_origin::<T>()?;
		let admin: T::AccountId = account("admin", 0, SEED);
		let role_list: BoundedVec<Role, T::MaxRoles> =
			BoundedVec::truncate_from(roles(T::MaxRoles::get()));
		let id = NextOrganizationId::<T>::get();

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			longest_name::<T>(),
			OrganizationKind::Other,
			role_list,
			T::Lookup::unlookup(admin.clone()),
		);

		assert_eq!(MemberOf::<T>::get(&admin), Some(id));
		assert_last_event::<T>(Event::OrganizationRegistered {
			organization: id,
			kind: OrganizationKind::Other,
			admin,
		});
		Ok(())
	}

	#[benchmark]
	fn update_organization() -> Result<(), BenchmarkError> {
		let origin = city_origin::<T>()?;
		let admin: T::AccountId = account("admin", 0, SEED);
		let id = organization::<T>(&admin, T::MaxRoles::get(), 0)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, longest_name::<T>(), OrganizationKind::Agency);

		assert_last_event::<T>(Event::OrganizationUpdated { organization: id });
		Ok(())
	}

	#[benchmark]
	fn grant_role() -> Result<(), BenchmarkError> {
		let origin = city_origin::<T>()?;
		let admin: T::AccountId = account("admin", 0, SEED);
		// One role short of the most it may hold (or of every role there is).
		let available = all_roles();
		let held = T::MaxRoles::get().min(available.len() as u32).saturating_sub(1);
		let id = organization::<T>(&admin, held, 0)?;
		let role = available[held as usize];

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, role);

		assert_last_event::<T>(Event::RoleGranted { organization: id, role });
		Ok(())
	}

	#[benchmark]
	fn revoke_role() -> Result<(), BenchmarkError> {
		let origin = city_origin::<T>()?;
		let admin: T::AccountId = account("admin", 0, SEED);
		let id = organization::<T>(&admin, T::MaxRoles::get(), 0)?;
		let role = all_roles()[0];

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, role);

		assert_last_event::<T>(Event::RoleRevoked { organization: id, role });
		Ok(())
	}

	#[benchmark]
	fn add_member() -> Result<(), BenchmarkError> {
		let admin: T::AccountId = whitelisted_caller();
		// One member short of the most it may have.
		let others = T::MaxMembers::get().saturating_sub(2);
		let id = organization::<T>(&admin, T::MaxRoles::get(), others)?;
		let who: T::AccountId = account("new", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, T::Lookup::unlookup(who.clone()));

		assert_eq!(MemberOf::<T>::get(&who), Some(id));
		assert_last_event::<T>(Event::MemberAdded { organization: id, who });
		Ok(())
	}

	#[benchmark]
	fn remove_member() -> Result<(), BenchmarkError> {
		let admin: T::AccountId = whitelisted_caller();
		// As many members as it may have.
		let others = T::MaxMembers::get().saturating_sub(1);
		let id = organization::<T>(&admin, T::MaxRoles::get(), others)?;
		let who: T::AccountId = account("member", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, T::Lookup::unlookup(who.clone()));

		assert_eq!(MemberOf::<T>::get(&who), None);
		assert_last_event::<T>(Event::MemberRemoved { organization: id, who });
		Ok(())
	}

	// The current admin hands over: the city origin is tried first, then the signer.
	#[benchmark]
	fn set_admin() -> Result<(), BenchmarkError> {
		let admin: T::AccountId = whitelisted_caller();
		let id = organization::<T>(&admin, T::MaxRoles::get(), 1)?;
		let new: T::AccountId = account("member", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin.clone()), id, T::Lookup::unlookup(new.clone()));

		assert_last_event::<T>(Event::AdminChanged { organization: id, old: admin, new });
		Ok(())
	}

	#[benchmark]
	fn suspend_organization() -> Result<(), BenchmarkError> {
		let origin = city_origin::<T>()?;
		let admin: T::AccountId = account("admin", 0, SEED);
		let id = organization::<T>(&admin, T::MaxRoles::get(), 0)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert_last_event::<T>(Event::OrganizationSuspended { organization: id });
		Ok(())
	}

	#[benchmark]
	fn resume_organization() -> Result<(), BenchmarkError> {
		let origin = city_origin::<T>()?;
		let admin: T::AccountId = account("admin", 0, SEED);
		let id = organization::<T>(&admin, T::MaxRoles::get(), 0)?;
		Organizations::<T>::mutate(id, |maybe_org| {
			if let Some(org) = maybe_org {
				org.status = OrganizationStatus::Suspended;
			}
		});

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert_last_event::<T>(Event::OrganizationResumed { organization: id });
		Ok(())
	}

	#[benchmark]
	fn deregister_organization() -> Result<(), BenchmarkError> {
		let origin = city_origin::<T>()?;
		let admin: T::AccountId = account("admin", 0, SEED);
		let id = organization::<T>(&admin, T::MaxRoles::get(), 0)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert_eq!(Organizations::<T>::get(id), None);
		assert_last_event::<T>(Event::OrganizationDeregistered { organization: id });
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
