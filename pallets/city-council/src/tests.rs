//! Tests of the city origin by motion: carried by two thirds with the city's aye, and each way it
//! is refused.

use crate::{mock::*, CitySeat, CollectiveVotes, Error, Event, MotionVotes};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo, weights::Weight};
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	DispatchError, DispatchResult,
};

/// The inner call of the motions: a Root-only call whose effect is visible.
fn move_city_seat() -> RuntimeCall {
	RuntimeCall::CityCouncil(crate::Call::set_city_seat { who: 5 })
}

/// The council's motion enacting `call`.
fn enact(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::CityCouncil(crate::Call::enact { call: Box::new(call) })
}

/// `proposer` proposes `motion` with `threshold`; returns its hash and index.
fn propose(proposer: u64, threshold: u32, motion: RuntimeCall) -> (sp_core::H256, u32) {
	let index = pallet_collective::ProposalCount::<Test, CouncilInstance>::get();
	let hash = BlakeTwo256::hash_of(&motion);
	let len = motion.encoded_size() as u32;
	assert_ok!(Council::propose(
		RuntimeOrigin::signed(proposer),
		threshold,
		Box::new(crate::Motion(motion)),
		len
	));
	(hash, index)
}

fn vote(who: u64, (hash, index): (sp_core::H256, u32), aye: bool) {
	assert_ok!(Council::vote(RuntimeOrigin::signed(who), hash, index, aye));
}

/// Closes the motion and returns the result the collective's `Executed` event reports.
fn close((hash, index): (sp_core::H256, u32)) -> DispatchResult {
	assert_ok!(Council::close(
		RuntimeOrigin::signed(CITY),
		hash,
		index,
		Weight::from_parts(1_000_000_000_000, u64::MAX),
		u32::MAX
	));
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Council(pallet_collective::Event::Executed { proposal_hash, result })
				if proposal_hash == hash =>
			{
				Some(result)
			},
			_ => None,
		})
		.expect("the motion was carried and executed")
}

/// A two-thirds motion's origin, without any motion behind it.
fn two_thirds() -> RuntimeOrigin {
	pallet_collective::RawOrigin::<u64, CouncilInstance>::Members(3, 4).into()
}

#[test]
fn a_motion_carried_by_two_thirds_with_the_city_dispatches_as_root() {
	new_test_ext().execute_with(|| {
		let motion = propose(OPERATORS[0], 3, enact(move_city_seat()));
		vote(CITY, motion, true);
		vote(OPERATORS[0], motion, true);
		vote(OPERATORS[1], motion, true);
		assert_eq!(close(motion), Ok(()));
		assert_eq!(CitySeat::<Test>::get(), Some(5));
		System::assert_has_event(Event::Enacted { motion: motion.0, result: Ok(()) }.into());
	});
}

#[test]
fn a_unanimous_council_carries_the_city_origin() {
	new_test_ext().execute_with(|| {
		let motion = propose(CITY, 4, enact(move_city_seat()));
		for who in [CITY, OPERATORS[0], OPERATORS[1], OPERATORS[2]] {
			vote(who, motion, true);
		}
		assert_eq!(close(motion), Ok(()));
		assert_eq!(CitySeat::<Test>::get(), Some(5));
	});
}

#[test]
fn the_operators_alone_do_not_govern() {
	new_test_ext().execute_with(|| {
		let motion = propose(OPERATORS[0], 3, enact(move_city_seat()));
		for who in OPERATORS {
			vote(who, motion, true);
		}
		vote(CITY, motion, false);
		assert_eq!(close(motion), Err(Error::<Test>::CityDidNotApprove.into()));
		assert_eq!(CitySeat::<Test>::get(), Some(CITY));
	});
}

#[test]
fn the_city_abstaining_is_not_an_aye() {
	new_test_ext().execute_with(|| {
		let motion = propose(OPERATORS[0], 3, enact(move_city_seat()));
		for who in OPERATORS {
			vote(who, motion, true);
		}
		assert_eq!(close(motion), Err(Error::<Test>::CityDidNotApprove.into()));
		assert_eq!(CitySeat::<Test>::get(), Some(CITY));
	});
}

#[test]
fn the_city_taking_back_its_aye_counts() {
	new_test_ext().execute_with(|| {
		let motion = propose(CITY, 3, enact(move_city_seat()));
		vote(CITY, motion, true);
		vote(OPERATORS[0], motion, true);
		vote(CITY, motion, false);
		vote(OPERATORS[1], motion, true);
		vote(OPERATORS[2], motion, true);
		assert_eq!(close(motion), Err(Error::<Test>::CityDidNotApprove.into()));
		assert_eq!(CitySeat::<Test>::get(), Some(CITY));
	});
}

#[test]
fn less_than_two_thirds_is_refused_even_with_the_city() {
	new_test_ext().execute_with(|| {
		// Threshold 2 of 4: the collective carries it with two ayes, which is not two thirds.
		let motion = propose(CITY, 2, enact(move_city_seat()));
		vote(CITY, motion, true);
		vote(OPERATORS[0], motion, true);
		assert_eq!(close(motion), Err(DispatchError::BadOrigin));
		assert_eq!(CitySeat::<Test>::get(), Some(CITY));
	});
}

#[test]
fn a_lone_members_motion_is_refused() {
	new_test_ext().execute_with(|| {
		// Threshold 1: executed at once, with `Members(1, 4)`.
		let motion = enact(move_city_seat());
		let len = motion.encoded_size() as u32;
		assert_ok!(Council::propose(
			RuntimeOrigin::signed(CITY),
			1,
			Box::new(crate::Motion(motion)),
			len
		));
		assert_eq!(CitySeat::<Test>::get(), Some(CITY));
		System::assert_has_event(
			pallet_collective::Event::Executed {
				proposal_hash: BlakeTwo256::hash_of(&enact(move_city_seat())),
				result: Err(DispatchError::BadOrigin),
			}
			.into(),
		);
	});
}

#[test]
fn enact_needs_a_council_motion_origin() {
	new_test_ext().execute_with(|| {
		for origin in
			[RuntimeOrigin::signed(CITY), RuntimeOrigin::signed(STRANGER), RuntimeOrigin::root()]
		{
			assert_noop!(
				CityCouncil::enact(origin, Box::new(move_city_seat())),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn enact_outside_its_own_motion_is_refused() {
	new_test_ext().execute_with(|| {
		// A two-thirds origin, but no motion is being executed.
		assert_noop!(
			CityCouncil::enact(two_thirds(), Box::new(move_city_seat())),
			Error::<Test>::NotTheMotion
		);
		// Nor does an open motion of this very `enact`, with the city's aye, authorize it: only
		// its own dispatch by the collective does.
		let motion = propose(CITY, 3, enact(move_city_seat()));
		vote(CITY, motion, true);
		vote(OPERATORS[0], motion, true);
		vote(OPERATORS[1], motion, true);
		assert_noop!(
			CityCouncil::enact(two_thirds(), Box::new(move_city_seat())),
			Error::<Test>::NotTheMotion
		);
	});
}

#[test]
fn a_motion_without_a_vote_record_is_refused() {
	new_test_ext().execute_with(|| {
		use sp_runtime::traits::Dispatchable;
		// Dispatched as the collective dispatches a motion, but with no vote record behind it
		// (a council of one, say, whose motions execute at once).
		let motion = crate::Motion::<Test>(enact(move_city_seat()));
		let result = motion.dispatch(two_thirds()).map_err(|e| e.error);
		assert_eq!(result, Err(Error::<Test>::NoVoteRecord.into()));
		assert_eq!(CitySeat::<Test>::get(), Some(CITY));
	});
}

fn enacted_count() -> usize {
	System::events()
		.iter()
		.filter(|record| matches!(record.event, RuntimeEvent::CityCouncil(Event::Enacted { .. })))
		.count()
}

#[test]
fn one_motion_authorizes_one_decision_its_own() {
	new_test_ext().execute_with(|| {
		// X: a Root call that leaves the city's seat where it is, and whose effect shows.
		let decision = || {
			RuntimeCall::System(frame_system::Call::set_storage {
				items: vec![(b"X".to_vec(), b"done".to_vec())],
			})
		};
		let done = || frame_support::storage::unhashed::exists(b"X");
		// The city proposes X and votes aye; the operators have not voted yet.
		let x = propose(CITY, 3, enact(decision()));
		vote(CITY, x, true);
		// The three operators carry a motion of their own, a batch of `enact(X)`s, which would
		// read X's vote record and find the city's aye there.
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch {
			calls: vec![enact(decision()), enact(decision())],
		});
		let y = propose(OPERATORS[0], 3, batch);
		OPERATORS.iter().for_each(|operator| vote(*operator, y, true));
		assert_eq!(close(y), Ok(()));
		System::assert_has_event(
			pallet_utility::Event::BatchInterrupted {
				index: 0,
				error: Error::<Test>::NotTheMotion.into(),
			}
			.into(),
		);
		assert_eq!((enacted_count(), done()), (0, false));
		// X, once carried, is enacted exactly once, by its own close.
		vote(OPERATORS[0], x, true);
		vote(OPERATORS[1], x, true);
		assert_eq!(close(x), Ok(()));
		assert_eq!((enacted_count(), done()), (1, true));
	});
}

#[test]
fn a_motion_enacting_a_batch_of_enacts_runs_none_of_the_inner_ones() {
	new_test_ext().execute_with(|| {
		// Root may not dispatch `enact`: an `enact` nested in a carried one fails, and the
		// motion's one record authorized the outer `enact` alone.
		let inner = RuntimeCall::Utility(pallet_utility::Call::batch {
			calls: vec![enact(move_city_seat()), enact(move_city_seat())],
		});
		let motion = propose(CITY, 3, enact(inner));
		vote(CITY, motion, true);
		vote(OPERATORS[0], motion, true);
		vote(OPERATORS[1], motion, true);
		assert_eq!(close(motion), Ok(()));
		assert_eq!(enacted_count(), 1);
		assert_eq!(CitySeat::<Test>::get(), Some(CITY));
	});
}

#[test]
fn a_motion_encodes_and_hashes_as_its_call() {
	let call = enact(move_city_seat());
	let motion = crate::Motion::<Test>(call.clone());
	assert_eq!(motion.encode(), call.encode());
	assert_eq!(BlakeTwo256::hash_of(&motion), BlakeTwo256::hash_of(&call));
	assert_eq!(motion.get_dispatch_info(), call.get_dispatch_info());
	// Described as a wrapper of one unnamed field, the call: clients take it as the call.
	match <crate::Motion<Test> as scale_info::TypeInfo>::type_info().type_def {
		scale_info::TypeDef::Composite(composite) => {
			assert_eq!(composite.fields.len(), 1);
			assert_eq!(composite.fields[0].name, None);
			assert_eq!(composite.fields[0].ty, scale_info::meta_type::<RuntimeCall>());
		},
		other => panic!("a motion is described as {other:?}"),
	}
}

#[test]
fn enact_without_a_city_seat_is_refused() {
	new_test_ext().execute_with(|| {
		CitySeat::<Test>::kill();
		assert_noop!(
			CityCouncil::enact(two_thirds(), Box::new(move_city_seat())),
			Error::<Test>::NoCitySeat
		);
	});
}

#[test]
fn a_failing_inner_call_is_reported_in_the_event() {
	new_test_ext().execute_with(|| {
		// The inner call is itself an `enact`, which Root may not dispatch.
		let inner = enact(move_city_seat());
		let motion = propose(CITY, 3, enact(inner));
		vote(CITY, motion, true);
		vote(OPERATORS[0], motion, true);
		vote(OPERATORS[1], motion, true);
		assert_eq!(close(motion), Ok(()));
		System::assert_has_event(
			Event::Enacted { motion: motion.0, result: Err(DispatchError::BadOrigin) }.into(),
		);
		assert_eq!(CitySeat::<Test>::get(), Some(CITY));
	});
}

#[test]
fn enact_weighs_its_inner_call() {
	new_test_ext().execute_with(|| {
		let inner = move_city_seat();
		let outer = enact(inner.clone()).get_dispatch_info();
		assert!(outer.call_weight.all_gte(inner.get_dispatch_info().call_weight));
		assert_eq!(outer.class, inner.get_dispatch_info().class);
	});
}

#[test]
fn set_city_seat_needs_the_city_origin() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			CityCouncil::set_city_seat(RuntimeOrigin::signed(CITY), OPERATORS[0]),
			DispatchError::BadOrigin
		);
		assert_ok!(CityCouncil::set_city_seat(RuntimeOrigin::root(), OPERATORS[0]));
		assert_eq!(CitySeat::<Test>::get(), Some(OPERATORS[0]));
		System::assert_last_event(Event::CitySeatSet { who: OPERATORS[0] }.into());
	});
}

#[test]
fn collective_votes_reads_the_real_vote_record() {
	new_test_ext().execute_with(|| {
		let motion = propose(OPERATORS[0], 3, enact(move_city_seat()));
		assert_eq!(CollectiveVotes::<Test, CouncilInstance>::ayes(&motion.0), Some(vec![]));
		vote(CITY, motion, true);
		vote(OPERATORS[1], motion, true);
		vote(OPERATORS[2], motion, false);
		assert_eq!(
			CollectiveVotes::<Test, CouncilInstance>::ayes(&motion.0),
			Some(vec![CITY, OPERATORS[1]])
		);
		assert_eq!(
			CollectiveVotes::<Test, CouncilInstance>::ayes(&BlakeTwo256::hash(b"none")),
			None
		);
	});
}
