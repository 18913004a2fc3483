//! Tests of the registry: every call's success and refusals, permissions, provider references,
//! the answers service pallets get, and the genesis build.

use super::*;
use crate::mock::{
	new_test_ext, new_test_ext_with, Registry, RuntimeOrigin, System, Test, MAX_MEMBERS,
	MAX_NAME_LENGTH,
};
use alloc::{collections::BTreeSet, vec, vec::Vec};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

/// The city's origin in the mock.
fn city() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn name(bytes: &[u8]) -> BoundedVec<u8, <Test as Config>::MaxNameLength> {
	bytes.to_vec().try_into().expect("test names are short")
}

fn roles(list: &[Role]) -> BoundedVec<Role, <Test as Config>::MaxRoles> {
	list.to_vec().try_into().expect("test role lists are short")
}

/// Registers a business named "Org" holding `list`, administered by `admin`; returns its id.
fn register(admin: u64, list: &[Role]) -> OrganizationId {
	let id = NextOrganizationId::<Test>::get();
	assert_ok!(Registry::register_organization(
		city(),
		name(b"Org"),
		OrganizationKind::Business,
		roles(list),
		admin,
	));
	id
}

/// Asserts that `event` is the last event deposited.
#[track_caller]
fn assert_last(event: Event<Test>) {
	System::assert_last_event(event.into());
}

fn org(id: OrganizationId) -> Organization<Test> {
	Organizations::<Test>::get(id).expect("the organization is registered")
}

fn sorted(mut accounts: Vec<u64>) -> Vec<u64> {
	accounts.sort();
	accounts
}

fn providers(who: u64) -> u32 {
	frame_system::Pallet::<Test>::providers(&who)
}

#[docify::export]
#[test]
fn register_and_act() {
	new_test_ext().execute_with(|| {
		// The city registers a bank with account 1 as its admin.
		assert_ok!(Registry::register_organization(
			RuntimeOrigin::root(),
			b"Seoul Bank".to_vec().try_into().unwrap(),
			OrganizationKind::Bank,
			vec![Role::Bank].try_into().unwrap(),
			1,
		));
		// Its admin adds a clerk, account 2.
		assert_ok!(Registry::add_member(RuntimeOrigin::signed(1), 0, 2));
		// A service pallet asks: may account 2 act as a bank? Yes, for organization 0.
		assert_eq!(<Registry as OrganizationRegistry<u64>>::acting_as(&2, Role::Bank), Some(0));
		// But not as a merchant.
		assert_eq!(<Registry as OrganizationRegistry<u64>>::acting_as(&2, Role::Merchant), None);
	});
}

// ---- register_organization ----

#[test]
fn register_organization_works() {
	new_test_ext().execute_with(|| {
		assert_eq!(providers(1), 0);
		assert_ok!(Registry::register_organization(
			city(),
			name(b"Seoul Bank"),
			OrganizationKind::Bank,
			roles(&[Role::Bank, Role::Registrar]),
			1,
		));

		let expected_roles: BoundedBTreeSet<Role, <Test as Config>::MaxRoles> =
			BTreeSet::from([Role::Registrar, Role::Bank]).try_into().unwrap();
		assert_eq!(
			org(0),
			Organization {
				name: name(b"Seoul Bank"),
				kind: OrganizationKind::Bank,
				roles: expected_roles,
				admin: 1,
				status: OrganizationStatus::Active,
				members: 1,
				registered_at: 1,
			}
		);
		assert_eq!(NextOrganizationId::<Test>::get(), 1);
		assert_eq!(MemberOf::<Test>::get(1u64), Some(0));
		assert!(Members::<Test>::contains_key(0u32, 1u64));
		assert!(Admitted::<Test>::contains_key(1u64));
		assert_eq!(providers(1), 1);
		assert_last(Event::OrganizationRegistered {
			organization: 0,
			kind: OrganizationKind::Bank,
			admin: 1,
		});

		// Ids are assigned in sequence.
		assert_eq!(register(2, &[]), 1);
		assert_eq!(register(3, &[Role::Merchant]), 2);
		assert_eq!(NextOrganizationId::<Test>::get(), 3);
	});
}

#[test]
fn register_organization_accepts_the_longest_name_and_most_roles() {
	new_test_ext().execute_with(|| {
		let longest = vec![b'a'; MAX_NAME_LENGTH as usize];
		assert_ok!(Registry::register_organization(
			city(),
			name(&longest),
			OrganizationKind::Agency,
			roles(&[Role::Registrar, Role::Bank, Role::Hospital]),
			1,
		));
		assert_eq!(org(0).name.len(), MAX_NAME_LENGTH as usize);
		assert_eq!(org(0).roles.len(), 3);
	});
}

#[test]
fn register_organization_refuses_empty_name() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Registry::register_organization(
				city(),
				name(b""),
				OrganizationKind::Bank,
				roles(&[Role::Bank]),
				1
			),
			Error::<Test>::EmptyName
		);
	});
}

#[test]
fn register_organization_refuses_duplicate_role() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Registry::register_organization(
				city(),
				name(b"Bank"),
				OrganizationKind::Bank,
				roles(&[Role::Bank, Role::Registrar, Role::Bank]),
				1
			),
			Error::<Test>::DuplicateRole
		);
	});
}

#[test]
fn register_organization_refuses_admin_already_member() {
	new_test_ext().execute_with(|| {
		register(1, &[]);
		assert_ok!(Registry::add_member(signed(1), 0, 2));
		// An admin elsewhere.
		assert_noop!(
			Registry::register_organization(
				city(),
				name(b"Other"),
				OrganizationKind::Other,
				roles(&[]),
				1
			),
			Error::<Test>::AlreadyMember
		);
		// A plain member elsewhere.
		assert_noop!(
			Registry::register_organization(
				city(),
				name(b"Other"),
				OrganizationKind::Other,
				roles(&[]),
				2
			),
			Error::<Test>::AlreadyMember
		);
	});
}

#[test]
fn register_organization_refuses_when_ids_run_out() {
	new_test_ext().execute_with(|| {
		NextOrganizationId::<Test>::put(u32::MAX - 1);
		assert_eq!(register(1, &[]), u32::MAX - 1);
		assert_eq!(NextOrganizationId::<Test>::get(), u32::MAX);
		assert_noop!(
			Registry::register_organization(
				city(),
				name(b"Late"),
				OrganizationKind::Other,
				roles(&[]),
				2
			),
			Error::<Test>::NoMoreIds
		);
	});
}

#[test]
fn register_organization_requires_city_origin() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Registry::register_organization(
				signed(1),
				name(b"Mine"),
				OrganizationKind::Other,
				roles(&[Role::Bank]),
				1
			),
			DispatchError::BadOrigin
		);
	});
}

// ---- update_organization ----

#[test]
fn update_organization_works() {
	new_test_ext().execute_with(|| {
		register(1, &[Role::Merchant]);
		assert_ok!(Registry::update_organization(
			city(),
			0,
			name(b"Renamed"),
			OrganizationKind::Charity
		));
		assert_eq!(org(0).name, name(b"Renamed"));
		assert_eq!(org(0).kind, OrganizationKind::Charity);
		assert!(org(0).roles.contains(&Role::Merchant));
		assert_last(Event::OrganizationUpdated { organization: 0 });

		// Also while suspended.
		assert_ok!(Registry::suspend_organization(city(), 0));
		assert_ok!(Registry::update_organization(
			city(),
			0,
			name(b"Again"),
			OrganizationKind::Business
		));
		assert_eq!(org(0).name, name(b"Again"));
	});
}

#[test]
fn update_organization_refusals() {
	new_test_ext().execute_with(|| {
		register(1, &[]);
		assert_noop!(
			Registry::update_organization(city(), 7, name(b"X"), OrganizationKind::Other),
			Error::<Test>::UnknownOrganization
		);
		assert_noop!(
			Registry::update_organization(city(), 0, name(b""), OrganizationKind::Other),
			Error::<Test>::EmptyName
		);
		// Not even its admin may rename it.
		assert_noop!(
			Registry::update_organization(signed(1), 0, name(b"X"), OrganizationKind::Other),
			DispatchError::BadOrigin
		);
	});
}

// ---- grant_role / revoke_role ----

#[test]
fn grant_role_works() {
	new_test_ext().execute_with(|| {
		register(1, &[]);
		assert!(!Registry::has_role(0, Role::Bank));
		assert_ok!(Registry::grant_role(city(), 0, Role::Bank));
		assert!(org(0).roles.contains(&Role::Bank));
		assert!(Registry::has_role(0, Role::Bank));
		assert_last(Event::RoleGranted { organization: 0, role: Role::Bank });
	});
}

#[test]
fn grant_role_refusals() {
	new_test_ext().execute_with(|| {
		register(1, &[Role::Bank, Role::Registrar]);
		assert_noop!(
			Registry::grant_role(city(), 9, Role::Bank),
			Error::<Test>::UnknownOrganization
		);
		assert_noop!(
			Registry::grant_role(city(), 0, Role::Bank),
			Error::<Test>::RoleAlreadyGranted
		);
		assert_ok!(Registry::grant_role(city(), 0, Role::Hospital));
		// MaxRoles (3) reached.
		assert_noop!(Registry::grant_role(city(), 0, Role::Charity), Error::<Test>::TooManyRoles);
		assert_noop!(Registry::grant_role(signed(1), 0, Role::Charity), DispatchError::BadOrigin);
	});
}

#[test]
fn revoke_role_works() {
	new_test_ext().execute_with(|| {
		register(1, &[Role::Bank, Role::Merchant]);
		assert_ok!(Registry::add_member(signed(1), 0, 2));
		assert_eq!(Registry::acting_as(&2, Role::Bank), Some(0));

		assert_ok!(Registry::revoke_role(city(), 0, Role::Bank));
		assert!(!org(0).roles.contains(&Role::Bank));
		assert!(!Registry::has_role(0, Role::Bank));
		assert_eq!(Registry::acting_as(&2, Role::Bank), None);
		assert_eq!(Registry::acting_as(&2, Role::Merchant), Some(0));
		assert_last(Event::RoleRevoked { organization: 0, role: Role::Bank });
	});
}

#[test]
fn revoke_role_refusals() {
	new_test_ext().execute_with(|| {
		register(1, &[Role::Bank]);
		assert_noop!(
			Registry::revoke_role(city(), 3, Role::Bank),
			Error::<Test>::UnknownOrganization
		);
		assert_noop!(
			Registry::revoke_role(city(), 0, Role::Merchant),
			Error::<Test>::RoleNotGranted
		);
		assert_noop!(Registry::revoke_role(signed(1), 0, Role::Bank), DispatchError::BadOrigin);
	});
}

// ---- add_member ----

#[test]
fn add_member_works() {
	new_test_ext().execute_with(|| {
		register(1, &[Role::Merchant]);
		assert_eq!(providers(2), 0);
		assert_ok!(Registry::add_member(signed(1), 0, 2));

		assert_eq!(org(0).members, 2);
		assert_eq!(MemberOf::<Test>::get(2u64), Some(0));
		assert!(Members::<Test>::contains_key(0u32, 2u64));
		assert!(Admitted::<Test>::contains_key(2u64));
		assert_eq!(providers(2), 1);
		assert_eq!(sorted(Registry::members(0)), vec![1, 2]);
		assert_last(Event::MemberAdded { organization: 0, who: 2 });
	});
}

#[test]
fn add_member_refusals() {
	new_test_ext().execute_with(|| {
		register(1, &[]);
		register(5, &[]);
		assert_ok!(Registry::add_member(signed(1), 0, 2));

		assert_noop!(Registry::add_member(signed(1), 4, 3), Error::<Test>::UnknownOrganization);
		// A member who is not the admin.
		assert_noop!(Registry::add_member(signed(2), 0, 3), Error::<Test>::NotAdmin);
		// A stranger.
		assert_noop!(Registry::add_member(signed(9), 0, 3), Error::<Test>::NotAdmin);
		// The admin of another organization.
		assert_noop!(Registry::add_member(signed(5), 0, 3), Error::<Test>::NotAdmin);
		// The city is not the admin either: this call is signed only.
		assert_noop!(Registry::add_member(city(), 0, 3), DispatchError::BadOrigin);
		// Already a member here, or the admin, or a member elsewhere.
		assert_noop!(Registry::add_member(signed(1), 0, 2), Error::<Test>::AlreadyMember);
		assert_noop!(Registry::add_member(signed(1), 0, 1), Error::<Test>::AlreadyMember);
		assert_noop!(Registry::add_member(signed(1), 0, 5), Error::<Test>::AlreadyMember);
		// MaxMembers (3) reached.
		assert_ok!(Registry::add_member(signed(1), 0, 3));
		assert_eq!(org(0).members, MAX_MEMBERS);
		assert_noop!(Registry::add_member(signed(1), 0, 4), Error::<Test>::TooManyMembers);
	});
}

#[test]
fn add_member_refused_while_suspended() {
	new_test_ext().execute_with(|| {
		register(1, &[]);
		assert_ok!(Registry::suspend_organization(city(), 0));
		assert_noop!(Registry::add_member(signed(1), 0, 2), Error::<Test>::Suspended);
		assert_ok!(Registry::resume_organization(city(), 0));
		assert_ok!(Registry::add_member(signed(1), 0, 2));
	});
}

// ---- remove_member ----

#[test]
fn remove_member_works() {
	new_test_ext().execute_with(|| {
		register(1, &[Role::Bank]);
		assert_ok!(Registry::add_member(signed(1), 0, 2));
		assert_ok!(Registry::remove_member(signed(1), 0, 2));

		assert_eq!(org(0).members, 1);
		assert_eq!(MemberOf::<Test>::get(2u64), None);
		assert!(!Members::<Test>::contains_key(0u32, 2u64));
		assert_eq!(Registry::members(0), vec![1]);
		assert_eq!(Registry::acting_as(&2, Role::Bank), None);
		assert_last(Event::MemberRemoved { organization: 0, who: 2 });
	});
}

#[test]
fn remove_member_allowed_while_suspended() {
	new_test_ext().execute_with(|| {
		register(1, &[]);
		assert_ok!(Registry::add_member(signed(1), 0, 2));
		assert_ok!(Registry::suspend_organization(city(), 0));
		assert_ok!(Registry::remove_member(signed(1), 0, 2));
		assert_eq!(org(0).members, 1);
	});
}

#[test]
fn remove_member_refusals() {
	new_test_ext().execute_with(|| {
		register(1, &[]);
		register(5, &[]);
		assert_ok!(Registry::add_member(signed(1), 0, 2));
		assert_ok!(Registry::add_member(signed(5), 1, 6));

		assert_noop!(Registry::remove_member(signed(1), 8, 2), Error::<Test>::UnknownOrganization);
		assert_noop!(Registry::remove_member(signed(2), 0, 2), Error::<Test>::NotAdmin);
		assert_noop!(Registry::remove_member(signed(5), 0, 2), Error::<Test>::NotAdmin);
		assert_noop!(Registry::remove_member(city(), 0, 2), DispatchError::BadOrigin);
		assert_noop!(Registry::remove_member(signed(1), 0, 1), Error::<Test>::CannotRemoveAdmin);
		// Not a member at all, or a member of another organization.
		assert_noop!(Registry::remove_member(signed(1), 0, 9), Error::<Test>::NotMember);
		assert_noop!(Registry::remove_member(signed(1), 0, 6), Error::<Test>::NotMember);
	});
}

// ---- provider references ----

#[test]
fn provider_given_once_and_kept() {
	new_test_ext().execute_with(|| {
		register(1, &[]);
		register(5, &[]);
		assert_ok!(Registry::add_member(signed(1), 0, 2));
		assert_eq!(providers(2), 1);

		// Removed: keeps its provider, so its nonce is never reset.
		frame_system::Pallet::<Test>::inc_account_nonce(2u64);
		assert_ok!(Registry::remove_member(signed(1), 0, 2));
		assert_eq!(providers(2), 1);
		assert_eq!(frame_system::Pallet::<Test>::account_nonce(2u64), 1);
		assert!(Admitted::<Test>::contains_key(2u64));

		// Admitted again, here or elsewhere: no second provider.
		assert_ok!(Registry::add_member(signed(1), 0, 2));
		assert_eq!(providers(2), 1);
		assert_ok!(Registry::remove_member(signed(1), 0, 2));
		assert_ok!(Registry::add_member(signed(5), 1, 2));
		assert_eq!(providers(2), 1);

		// Nor when it becomes the admin of a new organization.
		assert_ok!(Registry::remove_member(signed(5), 1, 2));
		register(2, &[]);
		assert_eq!(providers(2), 1);
	});
}

#[test]
fn provider_kept_after_deregistration() {
	new_test_ext().execute_with(|| {
		register(1, &[]);
		assert_ok!(Registry::deregister_organization(city(), 0));
		assert_eq!(providers(1), 1);
		assert!(Admitted::<Test>::contains_key(1u64));
		// Registering it again gives no second provider.
		register(1, &[]);
		assert_eq!(providers(1), 1);
	});
}

// ---- set_admin ----

#[test]
fn set_admin_by_city_works() {
	new_test_ext().execute_with(|| {
		register(1, &[]);
		assert_ok!(Registry::add_member(signed(1), 0, 2));
		assert_ok!(Registry::set_admin(city(), 0, 2));

		assert_eq!(org(0).admin, 2);
		assert_eq!(org(0).members, 2);
		assert_eq!(MemberOf::<Test>::get(1u64), Some(0));
		assert_last(Event::AdminChanged { organization: 0, old: 1, new: 2 });

		// The new admin manages the members; the old one no longer does, and can be removed.
		assert_noop!(Registry::add_member(signed(1), 0, 3), Error::<Test>::NotAdmin);
		assert_ok!(Registry::remove_member(signed(2), 0, 1));
		assert_eq!(Registry::members(0), vec![2]);
	});
}

#[test]
fn set_admin_by_current_admin_works() {
	new_test_ext().execute_with(|| {
		register(1, &[]);
		assert_ok!(Registry::add_member(signed(1), 0, 2));
		assert_eq!(<Registry as OrganizationRegistry<u64>>::payment_account(0), Some(1));
		assert_ok!(Registry::set_admin(signed(1), 0, 2));
		assert_eq!(org(0).admin, 2);
		// What is paid to the organization now goes to its new admin.
		assert_eq!(<Registry as OrganizationRegistry<u64>>::payment_account(0), Some(2));
		assert_eq!(<Registry as OrganizationRegistry<u64>>::payment_account(1), None);
		assert_last(Event::AdminChanged { organization: 0, old: 1, new: 2 });
	});
}

#[test]
fn set_admin_while_suspended_by_city_only() {
	new_test_ext().execute_with(|| {
		register(1, &[]);
		assert_ok!(Registry::add_member(signed(1), 0, 2));
		assert_ok!(Registry::suspend_organization(city(), 0));
		assert_noop!(Registry::set_admin(signed(1), 0, 2), Error::<Test>::Suspended);
		assert_ok!(Registry::set_admin(city(), 0, 2));
		assert_eq!(org(0).admin, 2);
	});
}

#[test]
fn set_admin_refusals() {
	new_test_ext().execute_with(|| {
		register(1, &[]);
		register(5, &[]);
		assert_ok!(Registry::add_member(signed(1), 0, 2));
		assert_ok!(Registry::add_member(signed(5), 1, 6));

		assert_noop!(Registry::set_admin(city(), 4, 2), Error::<Test>::UnknownOrganization);
		// A member who is not the admin, a stranger, the admin of another organization.
		assert_noop!(Registry::set_admin(signed(2), 0, 2), Error::<Test>::NotAdmin);
		assert_noop!(Registry::set_admin(signed(9), 0, 2), Error::<Test>::NotAdmin);
		assert_noop!(Registry::set_admin(signed(5), 0, 2), Error::<Test>::NotAdmin);
		// Neither the city nor signed.
		assert_noop!(Registry::set_admin(RuntimeOrigin::none(), 0, 2), DispatchError::BadOrigin);
		assert_noop!(Registry::set_admin(city(), 0, 1), Error::<Test>::AlreadyAdmin);
		// Not a member at all, or a member of another organization.
		assert_noop!(Registry::set_admin(city(), 0, 9), Error::<Test>::NotMember);
		assert_noop!(Registry::set_admin(signed(1), 0, 6), Error::<Test>::NotMember);
	});
}

// ---- suspend_organization / resume_organization ----

#[test]
fn suspend_and_resume_work() {
	new_test_ext().execute_with(|| {
		register(1, &[Role::Bank, Role::Merchant]);
		assert_ok!(Registry::add_member(signed(1), 0, 2));

		assert_ok!(Registry::suspend_organization(city(), 0));
		assert_eq!(org(0).status, OrganizationStatus::Suspended);
		assert_last(Event::OrganizationSuspended { organization: 0 });
		// It holds its roles but may act as none of them; its members stay members.
		assert!(org(0).roles.contains(&Role::Bank));
		assert!(!Registry::has_role(0, Role::Bank));
		assert!(!Registry::has_role(0, Role::Merchant));
		assert_eq!(Registry::acting_as(&2, Role::Bank), None);
		assert!(!Registry::can_act_for(&1, 0, Role::Bank));
		assert_eq!(Registry::organization_of(&2), Some(0));
		assert!(Registry::is_member(&2));

		assert_ok!(Registry::resume_organization(city(), 0));
		assert_eq!(org(0).status, OrganizationStatus::Active);
		assert_last(Event::OrganizationResumed { organization: 0 });
		assert!(Registry::has_role(0, Role::Bank));
		assert_eq!(Registry::acting_as(&2, Role::Bank), Some(0));
	});
}

#[test]
fn suspend_and_resume_refusals() {
	new_test_ext().execute_with(|| {
		register(1, &[]);
		assert_noop!(Registry::suspend_organization(city(), 3), Error::<Test>::UnknownOrganization);
		assert_noop!(Registry::resume_organization(city(), 3), Error::<Test>::UnknownOrganization);
		assert_noop!(Registry::resume_organization(city(), 0), Error::<Test>::NotSuspended);
		assert_noop!(Registry::suspend_organization(signed(1), 0), DispatchError::BadOrigin);
		assert_ok!(Registry::suspend_organization(city(), 0));
		assert_noop!(Registry::suspend_organization(city(), 0), Error::<Test>::AlreadySuspended);
		assert_noop!(Registry::resume_organization(signed(1), 0), DispatchError::BadOrigin);
	});
}

// ---- deregister_organization ----

#[test]
fn deregister_organization_works() {
	new_test_ext().execute_with(|| {
		register(1, &[Role::Bank]);
		assert_ok!(Registry::add_member(signed(1), 0, 2));
		assert_noop!(Registry::deregister_organization(city(), 0), Error::<Test>::HasMembers);
		assert_ok!(Registry::remove_member(signed(1), 0, 2));

		assert_ok!(Registry::deregister_organization(city(), 0));
		assert_eq!(Organizations::<Test>::get(0u32), None);
		assert_eq!(MemberOf::<Test>::get(1u64), None);
		assert!(!Members::<Test>::contains_key(0u32, 1u64));
		assert!(Registry::members(0).is_empty());
		assert!(!Registry::has_role(0, Role::Bank));
		assert!(!Registry::is_member(&1));
		assert_last(Event::OrganizationDeregistered { organization: 0 });

		// Its id is never reused; its former admin may join or run another organization.
		assert_eq!(register(1, &[]), 1);
	});
}

#[test]
fn deregister_organization_refusals() {
	new_test_ext().execute_with(|| {
		register(1, &[]);
		assert_noop!(
			Registry::deregister_organization(city(), 2),
			Error::<Test>::UnknownOrganization
		);
		assert_noop!(Registry::deregister_organization(signed(1), 0), DispatchError::BadOrigin);
		assert_ok!(Registry::add_member(signed(1), 0, 2));
		assert_noop!(Registry::deregister_organization(city(), 0), Error::<Test>::HasMembers);
	});
}

// ---- the answers service pallets get ----

#[test]
fn registry_trait_answers() {
	new_test_ext().execute_with(|| {
		register(1, &[Role::Bank]);
		register(5, &[Role::Merchant, Role::Employer]);
		assert_ok!(Registry::add_member(signed(1), 0, 2));

		assert_eq!(Registry::organization_of(&2), Some(0));
		assert_eq!(Registry::organization_of(&5), Some(1));
		assert_eq!(Registry::organization_of(&9), None);

		assert!(Registry::has_role(0, Role::Bank));
		assert!(!Registry::has_role(0, Role::Merchant));
		assert!(!Registry::has_role(7, Role::Bank));

		assert_eq!(Registry::acting_as(&1, Role::Bank), Some(0));
		assert_eq!(Registry::acting_as(&2, Role::Bank), Some(0));
		assert_eq!(Registry::acting_as(&2, Role::Merchant), None);
		assert_eq!(Registry::acting_as(&5, Role::Employer), Some(1));
		assert_eq!(Registry::acting_as(&9, Role::Bank), None);

		assert!(Registry::can_act_for(&2, 0, Role::Bank));
		assert!(!Registry::can_act_for(&2, 1, Role::Merchant));
		assert!(!Registry::can_act_for(&5, 0, Role::Bank));
		assert!(!Registry::can_act_for(&9, 0, Role::Bank));

		assert!(Registry::is_member(&1));
		assert!(Registry::is_member(&2));
		assert!(!Registry::is_member(&9));
	});
}

#[test]
fn queries_for_the_runtime_api() {
	new_test_ext().execute_with(|| {
		assert_eq!(Registry::organization(0), None);
		assert!(Registry::members(0).is_empty());
		register(1, &[]);
		assert_ok!(Registry::add_member(signed(1), 0, 3));
		assert_ok!(Registry::add_member(signed(1), 0, 2));
		assert_eq!(Registry::organization(0), Some(org(0)));
		assert_eq!(sorted(Registry::members(0)), vec![1, 2, 3]);
	});
}

// ---- genesis ----

#[test]
fn genesis_build_works() {
	new_test_ext_with(vec![
		(b"City Hall".to_vec(), OrganizationKind::CityBureau, vec![Role::Registrar], 1, vec![2, 3]),
		(b"Bank".to_vec(), OrganizationKind::Bank, vec![Role::Bank, Role::Converter], 4, vec![]),
	])
	.execute_with(|| {
		assert_eq!(NextOrganizationId::<Test>::get(), 2);

		let city_hall = org(0);
		assert_eq!(city_hall.name, name(b"City Hall"));
		assert_eq!(city_hall.kind, OrganizationKind::CityBureau);
		assert_eq!(city_hall.admin, 1);
		assert_eq!(city_hall.members, 3);
		assert_eq!(city_hall.status, OrganizationStatus::Active);
		assert_eq!(city_hall.registered_at, 0);
		assert_eq!(sorted(Registry::members(0)), vec![1, 2, 3]);
		assert_eq!(org(1).roles.len(), 2);
		assert_eq!(org(1).members, 1);

		for who in [1, 2, 3, 4] {
			assert_eq!(providers(who), 1);
			assert!(Admitted::<Test>::contains_key(who));
		}
		assert_eq!(Registry::acting_as(&3, Role::Registrar), Some(0));
		assert_eq!(Registry::acting_as(&4, Role::Converter), Some(1));
	});
}

#[test]
#[should_panic(expected = "registry genesis: organization 0: name too long")]
fn genesis_refuses_long_name() {
	new_test_ext_with(vec![(
		vec![b'a'; MAX_NAME_LENGTH as usize + 1],
		OrganizationKind::Other,
		vec![],
		1,
		vec![],
	)]);
}

#[test]
#[should_panic(expected = "registry genesis: organization 0")]
fn genesis_refuses_duplicate_role() {
	new_test_ext_with(vec![(
		b"Twice".to_vec(),
		OrganizationKind::Other,
		vec![Role::Bank, Role::Bank],
		1,
		vec![],
	)]);
}

#[test]
#[should_panic(expected = "registry genesis: organization 1")]
fn genesis_refuses_account_in_two_organizations() {
	new_test_ext_with(vec![
		(b"First".to_vec(), OrganizationKind::Other, vec![], 1, vec![2]),
		(b"Second".to_vec(), OrganizationKind::Other, vec![], 3, vec![2]),
	]);
}

#[test]
#[should_panic(expected = "registry genesis: organization 0: member")]
fn genesis_refuses_too_many_members() {
	new_test_ext_with(vec![(b"Crowd".to_vec(), OrganizationKind::Other, vec![], 1, vec![2, 3, 4])]);
}
