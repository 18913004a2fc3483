//! Tests of the validator set: every call's success and refusals, provider references, the
//! genesis build (and its refusals), and what pallet-session does with the set, rotation by
//! rotation.

use super::*;
use crate::mock::{
	new_test_ext, new_test_ext_session_first, new_test_ext_with, next_session, Authorities,
	Balances, LastChanged, RuntimeEvent, RuntimeOrigin, Session, System, Test, ValidatorSet,
	GENESIS_VALIDATORS, MAX_VALIDATORS, MIN_VALIDATORS,
};
use alloc::{vec, vec::Vec};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{testing::UintAuthorityId, DispatchError};

/// The city's origin in the mock.
fn city() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Gives `who` a provider reference, as the registry does to an organization's member: the
/// account then exists, with a zero balance.
fn admit(who: u64) {
	let _ = System::inc_providers(&who);
}

/// An operator's account: admitted to the network, with its session keys set by itself, at a
/// zero balance.
fn operator_with_keys(who: u64) {
	admit(who);
	assert_ok!(Session::set_keys(signed(who), UintAuthorityId(who), vec![]));
}

/// The set this pallet holds.
fn set() -> Vec<u64> {
	ValidatorSet::validators()
}

/// pallet-session's active validators: the authorities of the current session.
fn session_validators() -> Vec<u64> {
	pallet_session::Validators::<Test>::get()
}

/// The validators pallet-session has queued for the next session.
fn queued() -> Vec<u64> {
	pallet_session::QueuedKeys::<Test>::get().into_iter().map(|(who, _)| who).collect()
}

/// What this pallet answers when pallet-session plans session `index`.
fn planned(index: u32) -> Option<Vec<u64>> {
	<ValidatorSet as SessionManager<u64>>::new_session(index)
}

/// How many times pallet-session queued a new set.
fn new_sets_queued() -> usize {
	System::events()
		.iter()
		.filter(|r| r.event == RuntimeEvent::Session(pallet_session::Event::NewQueued))
		.count()
}

fn providers(who: u64) -> u32 {
	System::providers(&who)
}

/// Asserts that `event` is the last event deposited.
#[track_caller]
fn assert_last(event: Event<Test>) {
	System::assert_last_event(event.into());
}

#[docify::export]
#[test]
fn add_validator_takes_effect_two_sessions_later() {
	new_test_ext().execute_with(|| {
		// Account 4 exists (its organization admitted it), and its operator has set its session
		// keys with `Session::set_keys`.
		operator_with_keys(4);
		// The city adds it during session 0.
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));

		// At the first rotation, pallet-session queues the new set: not an authority yet.
		next_session();
		assert_eq!(pallet_session::Validators::<Test>::get(), vec![1, 2, 3]);
		// At the second, it activates it: Aura and GRANDPA switch to the new authorities.
		next_session();
		assert_eq!(pallet_session::Validators::<Test>::get(), vec![1, 2, 3, 4]);
		assert_eq!(Authorities::get(), vec![1, 2, 3, 4]);
	});
}

// ---- genesis ----

#[test]
fn genesis_set_is_active_at_session_zero() {
	new_test_ext().execute_with(|| {
		assert_eq!(set(), vec![1, 2, 3]);
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 0);
		assert_eq!(session_validators(), vec![1, 2, 3]);
		assert_eq!(queued(), vec![1, 2, 3]);
		assert_eq!(Authorities::get(), vec![1, 2, 3]);
		// pallet-session starts with this set: nothing to plan.
		assert!(!SetChanged::<Test>::get());
		assert_eq!(planned(2), None);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn genesis_validators_get_a_provider_reference_once() {
	new_test_ext().execute_with(|| {
		for who in GENESIS_VALIDATORS {
			assert!(Admitted::<Test>::contains_key(who));
			assert_eq!(providers(who), 1);
			// pallet-session's consumer reference for the keys: taken, not replaced by a second
			// provider, because this pallet's genesis gave the provider first.
			assert_eq!(System::consumers(&who), 1);
		}
	});
}

#[test]
fn an_empty_genesis_set_builds_nothing() {
	// The runtime's default genesis: pallet-session starts with the accounts of `session.keys`.
	new_test_ext_with(vec![], vec![1, 2, 3]).execute_with(|| {
		assert_eq!(set(), Vec::<u64>::new());
		assert_eq!(session_validators(), vec![1, 2, 3]);
		assert!(!Admitted::<Test>::contains_key(1u64));
	});
}

#[test]
#[should_panic(expected = "fewer than `MinValidators`")]
fn genesis_refuses_fewer_than_the_minimum() {
	new_test_ext_with(vec![1], vec![1]);
}

#[test]
#[should_panic(expected = "listed twice")]
fn genesis_refuses_duplicates() {
	new_test_ext_with(vec![1, 2, 2], vec![1, 2]);
}

#[test]
#[should_panic(expected = "more than `MaxValidators`")]
fn genesis_refuses_too_many_validators() {
	new_test_ext_with(vec![1, 2, 3, 4, 5, 6], vec![1, 2, 3, 4, 5, 6]);
}

#[test]
#[should_panic(expected = "has no session keys")]
fn genesis_refuses_a_validator_without_session_keys() {
	new_test_ext_with(vec![1, 2, 3], vec![1, 2]);
}

#[test]
fn session_genesis_built_first_falls_back_to_session_keys() {
	// The wrong order in a runtime: pallet-session asks for the genesis set before this pallet's
	// storage is built. It gets `None` and uses the accounts of `session.keys`: never an empty
	// set.
	new_test_ext_session_first(vec![1, 2, 3]).execute_with(|| {
		assert_eq!(session_validators(), vec![1, 2, 3]);
		assert_eq!(Authorities::get(), vec![1, 2, 3]);
		assert_eq!(set(), vec![1, 2, 3]);
		next_session();
		next_session();
		assert_eq!(session_validators(), vec![1, 2, 3]);
		assert_eq!(new_sets_queued(), 0);
	});
}

// ---- add_validator ----

#[test]
fn add_validator_works() {
	new_test_ext().execute_with(|| {
		operator_with_keys(4);
		assert_eq!(providers(4), 1);

		assert_ok!(ValidatorSet::add_validator(city(), 4));

		assert_eq!(set(), vec![1, 2, 3, 4]);
		assert!(ValidatorSet::is_validator(&4));
		assert!(SetChanged::<Test>::get());
		assert!(Admitted::<Test>::contains_key(4u64));
		assert_eq!(providers(4), 2);
		assert_last(Event::ValidatorAdded { who: 4 });
		// pallet-session still has the previous set.
		assert_eq!(session_validators(), vec![1, 2, 3]);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn an_operator_with_a_zero_balance_sets_keys_and_is_added() {
	new_test_ext().execute_with(|| {
		admit(4);
		assert_eq!(Balances::free_balance(4u64), 0);
		assert_ok!(Session::set_keys(signed(4), UintAuthorityId(4), vec![]));
		assert_ok!(ValidatorSet::add_validator(city(), 4));
		assert_eq!(Balances::free_balance(4u64), 0);
	});
}

#[test]
fn an_account_that_does_not_exist_cannot_set_keys_nor_be_added() {
	// Why an operator's account is admitted (by the registry) before it sets its keys.
	new_test_ext().execute_with(|| {
		assert_eq!(providers(4), 0);
		assert_noop!(
			Session::set_keys(signed(4), UintAuthorityId(4), vec![]),
			pallet_session::Error::<Test>::NoAccount
		);
		assert_noop!(ValidatorSet::add_validator(city(), 4), Error::<Test>::NoSessionKeys);
	});
}

#[test]
fn add_validator_refuses_other_origins() {
	new_test_ext().execute_with(|| {
		operator_with_keys(4);
		assert_noop!(ValidatorSet::add_validator(signed(1), 4), DispatchError::BadOrigin);
		assert_noop!(ValidatorSet::add_validator(signed(4), 4), DispatchError::BadOrigin);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::none(), 4),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn add_validator_refuses_a_validator() {
	new_test_ext().execute_with(|| {
		assert_noop!(ValidatorSet::add_validator(city(), 2), Error::<Test>::AlreadyValidator);
	});
}

#[test]
fn add_validator_refuses_an_account_without_session_keys() {
	new_test_ext().execute_with(|| {
		admit(4);
		assert_noop!(ValidatorSet::add_validator(city(), 4), Error::<Test>::NoSessionKeys);

		// Nor one whose keys were purged.
		operator_with_keys(5);
		assert_ok!(Session::purge_keys(signed(5)));
		assert_noop!(ValidatorSet::add_validator(city(), 5), Error::<Test>::NoSessionKeys);
	});
}

#[test]
fn add_validator_refuses_a_full_set() {
	new_test_ext().execute_with(|| {
		for who in 4..=6 {
			operator_with_keys(who);
		}
		assert_ok!(ValidatorSet::add_validator(city(), 4));
		assert_ok!(ValidatorSet::add_validator(city(), 5));
		assert_eq!(set().len() as u32, MAX_VALIDATORS);

		assert_noop!(ValidatorSet::add_validator(city(), 6), Error::<Test>::TooManyValidators);
	});
}

// ---- remove_validator ----

#[test]
fn remove_validator_works() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(city(), 2));

		assert_eq!(set(), vec![1, 3]);
		assert!(!ValidatorSet::is_validator(&2));
		assert!(SetChanged::<Test>::get());
		assert_last(Event::ValidatorRemoved { who: 2 });
		// It keeps its provider reference and its session keys.
		assert!(Admitted::<Test>::contains_key(2u64));
		assert_eq!(providers(2), 1);
		assert!(pallet_session::NextKeys::<Test>::contains_key(2u64));
		assert_ok!(ValidatorSet::do_try_state());

		// Added again, it goes to the end, without a second provider reference.
		assert_ok!(ValidatorSet::add_validator(city(), 2));
		assert_eq!(set(), vec![1, 3, 2]);
		assert_eq!(providers(2), 1);
	});
}

#[test]
fn remove_validator_refuses_other_origins() {
	new_test_ext().execute_with(|| {
		assert_noop!(ValidatorSet::remove_validator(signed(1), 2), DispatchError::BadOrigin);
		assert_noop!(ValidatorSet::remove_validator(signed(2), 2), DispatchError::BadOrigin);
	});
}

#[test]
fn remove_validator_refuses_an_account_that_is_not_a_validator() {
	new_test_ext().execute_with(|| {
		operator_with_keys(4);
		assert_noop!(ValidatorSet::remove_validator(city(), 4), Error::<Test>::NotValidator);
	});
}

#[test]
fn remove_validator_refuses_to_go_below_the_minimum() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(city(), 1));
		assert_eq!(set().len() as u32, MIN_VALIDATORS);

		assert_noop!(ValidatorSet::remove_validator(city(), 2), Error::<Test>::TooFewValidators);
	});
}

// ---- swap_validator ----

#[test]
fn swap_validator_works() {
	new_test_ext().execute_with(|| {
		operator_with_keys(4);

		assert_ok!(ValidatorSet::swap_validator(city(), 2, 4));

		// In the old validator's place.
		assert_eq!(set(), vec![1, 4, 3]);
		assert!(SetChanged::<Test>::get());
		assert_last(Event::ValidatorSwapped { old: 2, new: 4 });
		assert_eq!(providers(4), 2);
		assert!(Admitted::<Test>::contains_key(4u64));
		// The old one keeps its provider reference.
		assert_eq!(providers(2), 1);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn swap_validator_replaces_a_validator_at_the_minimum_and_the_maximum() {
	new_test_ext().execute_with(|| {
		for who in 4..=6 {
			operator_with_keys(who);
		}
		// At the minimum, removing is refused, swapping is not.
		assert_ok!(ValidatorSet::remove_validator(city(), 3));
		assert_noop!(ValidatorSet::remove_validator(city(), 2), Error::<Test>::TooFewValidators);
		assert_ok!(ValidatorSet::swap_validator(city(), 2, 4));
		assert_eq!(set(), vec![1, 4]);

		// At the maximum, adding is refused, swapping is not.
		assert_ok!(ValidatorSet::add_validator(city(), 2));
		assert_ok!(ValidatorSet::add_validator(city(), 3));
		assert_ok!(ValidatorSet::add_validator(city(), 5));
		assert_noop!(ValidatorSet::add_validator(city(), 6), Error::<Test>::TooManyValidators);
		assert_ok!(ValidatorSet::swap_validator(city(), 1, 6));
		assert_eq!(set(), vec![6, 4, 2, 3, 5]);
	});
}

#[test]
fn swap_validator_refuses_other_origins() {
	new_test_ext().execute_with(|| {
		operator_with_keys(4);
		assert_noop!(ValidatorSet::swap_validator(signed(2), 2, 4), DispatchError::BadOrigin);
		assert_noop!(ValidatorSet::swap_validator(signed(4), 2, 4), DispatchError::BadOrigin);
	});
}

#[test]
fn swap_validator_refuses_an_old_account_that_is_not_a_validator() {
	new_test_ext().execute_with(|| {
		operator_with_keys(4);
		operator_with_keys(5);
		assert_noop!(ValidatorSet::swap_validator(city(), 5, 4), Error::<Test>::NotValidator);
	});
}

#[test]
fn swap_validator_refuses_a_new_account_that_is_a_validator() {
	new_test_ext().execute_with(|| {
		assert_noop!(ValidatorSet::swap_validator(city(), 2, 3), Error::<Test>::AlreadyValidator);
		assert_noop!(ValidatorSet::swap_validator(city(), 2, 2), Error::<Test>::AlreadyValidator);
	});
}

#[test]
fn swap_validator_refuses_a_new_account_without_session_keys() {
	new_test_ext().execute_with(|| {
		admit(4);
		assert_noop!(ValidatorSet::swap_validator(city(), 2, 4), Error::<Test>::NoSessionKeys);
	});
}

// ---- what pallet-session does with the set ----

#[test]
fn removal_takes_effect_two_sessions_later() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(city(), 3));

		next_session();
		assert_eq!(session_validators(), vec![1, 2, 3]);
		assert_eq!(queued(), vec![1, 2]);
		assert_eq!(Authorities::get(), vec![1, 2, 3]);

		next_session();
		assert_eq!(session_validators(), vec![1, 2]);
		assert_eq!(Authorities::get(), vec![1, 2]);
	});
}

#[test]
fn swap_takes_effect_two_sessions_later() {
	new_test_ext().execute_with(|| {
		operator_with_keys(4);
		assert_ok!(ValidatorSet::swap_validator(city(), 2, 4));

		next_session();
		assert_eq!(session_validators(), vec![1, 2, 3]);
		next_session();
		assert_eq!(session_validators(), vec![1, 4, 3]);
		assert_eq!(Authorities::get(), vec![1, 4, 3]);
	});
}

#[test]
fn a_new_validator_is_queued_at_the_first_rotation() {
	new_test_ext().execute_with(|| {
		operator_with_keys(4);
		assert_ok!(ValidatorSet::add_validator(city(), 4));

		next_session();
		assert_eq!(session_validators(), vec![1, 2, 3]);
		assert_eq!(queued(), vec![1, 2, 3, 4]);
		assert_eq!(new_sets_queued(), 1);
		assert!(!SetChanged::<Test>::get());
	});
}

#[test]
fn an_unchanged_set_is_not_planned_again() {
	new_test_ext().execute_with(|| {
		assert_eq!(planned(1), None);

		operator_with_keys(4);
		assert_ok!(ValidatorSet::add_validator(city(), 4));
		assert_eq!(planned(1), Some(vec![1, 2, 3, 4]));
		assert!(!SetChanged::<Test>::get());

		assert_eq!(planned(2), None);
	});
}

#[test]
fn rotations_without_a_change_change_no_authorities() {
	// GRANDPA schedules a change of its authority set whenever pallet-session reports a change:
	// with nothing changed, none must be reported.
	new_test_ext().execute_with(|| {
		for _ in 0..3 {
			next_session();
			assert!(!LastChanged::get());
			assert_eq!(session_validators(), vec![1, 2, 3]);
			assert_eq!(Authorities::get(), vec![1, 2, 3]);
		}
		assert_eq!(new_sets_queued(), 0);
	});
}

#[test]
fn a_change_is_reported_to_aura_and_grandpa_once() {
	new_test_ext().execute_with(|| {
		operator_with_keys(4);
		assert_ok!(ValidatorSet::add_validator(city(), 4));

		// Queued: the active authorities have not changed yet.
		next_session();
		assert!(!LastChanged::get());
		// Activated: reported as a change.
		next_session();
		assert!(LastChanged::get());
		assert_eq!(Authorities::get(), vec![1, 2, 3, 4]);
		// And not again.
		next_session();
		assert!(!LastChanged::get());
		next_session();
		assert!(!LastChanged::get());
		assert_eq!(new_sets_queued(), 1);
	});
}

#[test]
fn changes_in_one_session_are_planned_together() {
	new_test_ext().execute_with(|| {
		operator_with_keys(4);
		assert_ok!(ValidatorSet::add_validator(city(), 4));
		assert_ok!(ValidatorSet::remove_validator(city(), 1));

		next_session();
		assert_eq!(queued(), vec![2, 3, 4]);
		assert_eq!(new_sets_queued(), 1);
		next_session();
		assert_eq!(session_validators(), vec![2, 3, 4]);
	});
}

#[test]
fn a_change_made_while_another_is_queued_follows_one_session_later() {
	new_test_ext().execute_with(|| {
		operator_with_keys(4);
		operator_with_keys(5);
		assert_ok!(ValidatorSet::add_validator(city(), 4));
		next_session();
		assert_eq!(queued(), vec![1, 2, 3, 4]);

		assert_ok!(ValidatorSet::add_validator(city(), 5));
		next_session();
		assert_eq!(session_validators(), vec![1, 2, 3, 4]);
		assert_eq!(queued(), vec![1, 2, 3, 4, 5]);
		next_session();
		assert_eq!(session_validators(), vec![1, 2, 3, 4, 5]);
		assert_eq!(Authorities::get(), vec![1, 2, 3, 4, 5]);
	});
}

#[test]
fn a_set_in_which_no_validator_has_keys_is_not_planned() {
	new_test_ext().execute_with(|| {
		for who in GENESIS_VALIDATORS {
			assert_ok!(Session::purge_keys(signed(who)));
		}
		assert_ok!(ValidatorSet::remove_validator(city(), 3));

		// Queued, it would leave Aura without authorities: the change waits.
		assert_eq!(planned(1), None);
		assert!(SetChanged::<Test>::get());

		// Once a validator has keys again, the set is planned.
		assert_ok!(Session::set_keys(signed(1), UintAuthorityId(1), vec![]));
		assert_eq!(planned(1), Some(vec![1, 2]));
	});
}

// ---- invariants ----

#[test]
fn try_state_finds_a_broken_set() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::do_try_state());

		Validators::<Test>::put(ValidatorsOf::<Test>::truncate_from(vec![]));
		assert!(ValidatorSet::do_try_state().is_err());

		Validators::<Test>::put(ValidatorsOf::<Test>::truncate_from(vec![1, 2, 1]));
		assert!(ValidatorSet::do_try_state().is_err());

		// 4 was never admitted by this pallet.
		Validators::<Test>::put(ValidatorsOf::<Test>::truncate_from(vec![1, 2, 4]));
		assert!(ValidatorSet::do_try_state().is_err());
	});
}

/// Sessions rotate in this pallet's `on_initialize`, weighed as a rotation of the largest set,
/// and only at the end of a session; pallet-session's own hook never rotates, so it never
/// claims the whole block.
#[test]
fn sessions_rotate_in_this_pallets_hook_at_their_weight() {
	use crate::mock::SESSION_PERIOD;
	use frame_support::{traits::Hooks, weights::Weight};

	new_test_ext().execute_with(|| {
		let index = pallet_session::CurrentIndex::<Test>::get();
		let rotation = <() as WeightInfo>::rotate_session(MAX_VALIDATORS);
		assert!(rotation.any_gt(Weight::zero()));

		for block in 2..SESSION_PERIOD {
			assert_eq!(ValidatorSet::on_initialize(block), Weight::zero());
		}
		assert_eq!(Session::on_initialize(SESSION_PERIOD), Weight::zero());
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), index);

		assert_eq!(ValidatorSet::on_initialize(SESSION_PERIOD), rotation);
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), index + 1);
	});
}
