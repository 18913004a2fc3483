//! Tests of the citizen card: registration, the card's life cycle with its history, facilities
//! and the access question, each refusal and each permission boundary.

use crate::{
	mock::*, AccessRefusal, CardChange, CardStatus, Cards, Error, Event, Facilities, History,
	NextFacilityId, ResidentHash, Residents,
};
use frame_support::{assert_noop, assert_ok};
use seoul_primitives::{AgeBand, CitizenInfo, CitizenRegistry};
use sp_runtime::DispatchError;

const GANGNAM: u16 = 680;
const MAPO: u16 = 440;

fn resident(n: u8) -> ResidentHash {
	ResidentHash::repeat_byte(n)
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Registers `who` as resident `n` of Gangnam, adult.
fn register(who: u64, n: u8) {
	assert_ok!(CitizenCard::register_citizen(
		signed(REGISTRAR),
		who,
		resident(n),
		GANGNAM,
		AgeBand::Adult
	));
}

fn status(who: u64) -> Option<CardStatus> {
	Cards::<Test>::get(who).map(|card| card.status)
}

fn changes(n: u8) -> Vec<CardChange<Test>> {
	History::<Test>::get(resident(n)).into_iter().map(|entry| entry.change).collect()
}

/// Registers the sports centre's facility 0: Gangnam residents, youth and adults.
fn sports_centre() -> u32 {
	assert_ok!(CitizenCard::register_facility(
		signed(SPORTS),
		b"Gangnam Sports".to_vec(),
		vec![GANGNAM],
		vec![AgeBand::Youth, AgeBand::Adult]
	));
	NextFacilityId::<Test>::get() - 1
}

// --- registration ---

#[test]
fn a_registrar_registers_a_resident() {
	new_test_ext().execute_with(|| {
		register(CITIZEN, 1);
		let card = Cards::<Test>::get(CITIZEN).unwrap();
		assert_eq!(card.resident, resident(1));
		assert_eq!(card.info, CitizenInfo { district: GANGNAM, age_band: AgeBand::Adult });
		assert_eq!(card.status, CardStatus::Active);
		assert_eq!(card.registrar, REGISTRAR_ORG);
		assert_eq!(Residents::<Test>::get(resident(1)), Some(CITIZEN));
		assert_eq!(changes(1), vec![CardChange::Registered { account: CITIZEN }]);
		System::assert_last_event(
			Event::CitizenRegistered {
				who: CITIZEN,
				registrar: REGISTRAR_ORG,
				info: CitizenInfo { district: GANGNAM, age_band: AgeBand::Adult },
			}
			.into(),
		);
		// The account exists, with a provider reference and no balance.
		assert_eq!(frame_system::Account::<Test>::get(CITIZEN).providers, 1);
		assert!(CitizenCard::is_active_citizen(&CITIZEN));
	});
}

#[test]
fn only_registrars_register() {
	new_test_ext().execute_with(|| {
		for who in [SPORTS, SUSPENDED_REGISTRAR, CITIZEN] {
			assert_noop!(
				CitizenCard::register_citizen(
					signed(who),
					OTHER,
					resident(3),
					MAPO,
					AgeBand::Adult
				),
				Error::<Test>::NotRegistrar
			);
		}
		assert_noop!(
			CitizenCard::register_citizen(
				RuntimeOrigin::root(),
				OTHER,
				resident(3),
				MAPO,
				AgeBand::Adult
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn one_card_per_account_and_per_resident() {
	new_test_ext().execute_with(|| {
		register(CITIZEN, 1);
		// The same account for another resident.
		assert_noop!(
			CitizenCard::register_citizen(
				signed(REGISTRAR),
				CITIZEN,
				resident(2),
				MAPO,
				AgeBand::Adult
			),
			Error::<Test>::AccountHasCard
		);
		// The same resident on another account.
		assert_noop!(
			CitizenCard::register_citizen(
				signed(REGISTRAR),
				OTHER,
				resident(1),
				MAPO,
				AgeBand::Adult
			),
			Error::<Test>::ResidentHasCard
		);
	});
}

#[test]
fn a_revoked_resident_may_be_registered_again() {
	new_test_ext().execute_with(|| {
		register(CITIZEN, 1);
		assert_ok!(CitizenCard::revoke_card(signed(REGISTRAR), CITIZEN));
		// Another resident may not take over the revoked account...
		assert_noop!(
			CitizenCard::register_citizen(
				signed(REGISTRAR),
				CITIZEN,
				resident(2),
				MAPO,
				AgeBand::Adult
			),
			Error::<Test>::AccountHasCard
		);
		// ...but the same resident may come back, on the same account or a new one.
		assert_ok!(CitizenCard::register_citizen(
			signed(REGISTRAR),
			OTHER,
			resident(1),
			MAPO,
			AgeBand::Senior
		));
		assert_eq!(Residents::<Test>::get(resident(1)), Some(OTHER));
		assert!(CitizenCard::is_active_citizen(&OTHER));
		assert_eq!(status(CITIZEN), Some(CardStatus::Revoked));
	});
}

#[test]
fn a_registrar_updates_district_and_age_band() {
	new_test_ext().execute_with(|| {
		register(CITIZEN, 1);
		assert_ok!(CitizenCard::update_citizen(signed(REGISTRAR), CITIZEN, MAPO, AgeBand::Senior));
		let info = CitizenInfo { district: MAPO, age_band: AgeBand::Senior };
		assert_eq!(CitizenCard::citizen(&CITIZEN), Some(info));
		System::assert_last_event(Event::CitizenUpdated { who: CITIZEN, info }.into());
		assert_noop!(
			CitizenCard::update_citizen(signed(REGISTRAR), CITIZEN, MAPO, AgeBand::Senior),
			Error::<Test>::Unchanged
		);
		assert_noop!(
			CitizenCard::update_citizen(signed(SPORTS), CITIZEN, GANGNAM, AgeBand::Adult),
			Error::<Test>::NotRegistrar
		);
		assert_noop!(
			CitizenCard::update_citizen(signed(REGISTRAR), OTHER, GANGNAM, AgeBand::Adult),
			Error::<Test>::NoCard
		);
	});
}

// --- the card's life cycle ---

#[test]
fn suspend_and_resume() {
	new_test_ext().execute_with(|| {
		register(CITIZEN, 1);
		assert_ok!(CitizenCard::suspend_card(signed(REGISTRAR), CITIZEN));
		System::assert_last_event(
			Event::CardSuspended { who: CITIZEN, registrar: REGISTRAR_ORG }.into(),
		);
		assert!(!CitizenCard::is_active_citizen(&CITIZEN));
		// The account stays.
		assert_eq!(frame_system::Account::<Test>::get(CITIZEN).providers, 1);
		assert_noop!(
			CitizenCard::suspend_card(signed(REGISTRAR), CITIZEN),
			Error::<Test>::AlreadySuspended
		);

		assert_ok!(CitizenCard::resume_card(signed(REGISTRAR), CITIZEN));
		System::assert_last_event(
			Event::CardResumed { who: CITIZEN, registrar: REGISTRAR_ORG }.into(),
		);
		assert!(CitizenCard::is_active_citizen(&CITIZEN));
		assert_noop!(
			CitizenCard::resume_card(signed(REGISTRAR), CITIZEN),
			Error::<Test>::NotSuspended
		);
		assert_eq!(
			changes(1),
			vec![
				CardChange::Registered { account: CITIZEN },
				CardChange::Suspended,
				CardChange::Resumed
			]
		);
	});
}

#[test]
fn life_cycle_calls_need_a_registrar_and_a_card() {
	new_test_ext().execute_with(|| {
		register(CITIZEN, 1);
		for who in [SPORTS, CITIZEN, SUSPENDED_REGISTRAR] {
			assert_noop!(
				CitizenCard::suspend_card(signed(who), CITIZEN),
				Error::<Test>::NotRegistrar
			);
			assert_noop!(
				CitizenCard::resume_card(signed(who), CITIZEN),
				Error::<Test>::NotRegistrar
			);
			assert_noop!(
				CitizenCard::revoke_card(signed(who), CITIZEN),
				Error::<Test>::NotRegistrar
			);
			assert_noop!(
				CitizenCard::reissue_card(signed(who), CITIZEN, NEW_PHONE),
				Error::<Test>::NotRegistrar
			);
		}
		assert_noop!(CitizenCard::suspend_card(signed(REGISTRAR), OTHER), Error::<Test>::NoCard);
		assert_noop!(CitizenCard::resume_card(signed(REGISTRAR), OTHER), Error::<Test>::NoCard);
		assert_noop!(CitizenCard::revoke_card(signed(REGISTRAR), OTHER), Error::<Test>::NoCard);
		assert_noop!(CitizenCard::report_lost(signed(OTHER), OTHER), Error::<Test>::NoCard);
		assert_noop!(
			CitizenCard::reissue_card(signed(REGISTRAR), OTHER, NEW_PHONE),
			Error::<Test>::NoCard
		);
	});
}

#[test]
fn the_holder_or_a_registrar_reports_a_card_lost() {
	new_test_ext().execute_with(|| {
		register(CITIZEN, 1);
		register(OTHER, 3);
		assert_noop!(
			CitizenCard::report_lost(signed(OTHER), CITIZEN),
			Error::<Test>::NotHolderOrRegistrar
		);
		assert_ok!(CitizenCard::report_lost(signed(CITIZEN), CITIZEN));
		System::assert_last_event(Event::CardReportedLost { who: CITIZEN, by: None }.into());
		assert_eq!(status(CITIZEN), Some(CardStatus::Lost));
		assert_noop!(
			CitizenCard::report_lost(signed(REGISTRAR), CITIZEN),
			Error::<Test>::AlreadyLost
		);
		// A lost card is not resumed, nor suspended: it is reissued.
		assert_noop!(CitizenCard::resume_card(signed(REGISTRAR), CITIZEN), Error::<Test>::CardLost);
		assert_noop!(
			CitizenCard::suspend_card(signed(REGISTRAR), CITIZEN),
			Error::<Test>::CardLost
		);

		assert_ok!(CitizenCard::report_lost(signed(REGISTRAR), OTHER));
		System::assert_last_event(
			Event::CardReportedLost { who: OTHER, by: Some(REGISTRAR_ORG) }.into(),
		);
	});
}

#[test]
fn a_lost_card_is_reissued_to_a_new_account_with_its_history() {
	new_test_ext().execute_with(|| {
		register(CITIZEN, 1);
		assert_ok!(CitizenCard::report_lost(signed(CITIZEN), CITIZEN));
		System::set_block_number(5);
		assert_ok!(CitizenCard::reissue_card(signed(REGISTRAR), CITIZEN, NEW_PHONE));
		System::assert_last_event(
			Event::CardReissued { from: CITIZEN, to: NEW_PHONE, registrar: REGISTRAR_ORG }.into(),
		);
		assert_eq!(status(CITIZEN), None);
		let card = Cards::<Test>::get(NEW_PHONE).unwrap();
		assert_eq!(card.status, CardStatus::Active);
		assert_eq!(card.since, 5);
		assert_eq!(card.info, CitizenInfo { district: GANGNAM, age_band: AgeBand::Adult });
		assert_eq!(Residents::<Test>::get(resident(1)), Some(NEW_PHONE));
		assert_eq!(
			changes(1),
			vec![
				CardChange::Registered { account: CITIZEN },
				CardChange::ReportedLost,
				CardChange::Reissued { to: NEW_PHONE }
			]
		);
		// Both accounts exist: the old one keeps its provider reference.
		assert_eq!(Admitted::get(), vec![CITIZEN, NEW_PHONE]);
		assert_eq!(frame_system::Account::<Test>::get(CITIZEN).providers, 1);
		assert!(CitizenCard::is_active_citizen(&NEW_PHONE));
		assert!(!CitizenCard::is_active_citizen(&CITIZEN));
	});
}

#[test]
fn reissue_refusals() {
	new_test_ext().execute_with(|| {
		register(CITIZEN, 1);
		register(OTHER, 3);
		assert_noop!(
			CitizenCard::reissue_card(signed(REGISTRAR), CITIZEN, CITIZEN),
			Error::<Test>::SameAccount
		);
		assert_noop!(
			CitizenCard::reissue_card(signed(REGISTRAR), CITIZEN, OTHER),
			Error::<Test>::AccountHasCard
		);
		assert_ok!(CitizenCard::revoke_card(signed(REGISTRAR), CITIZEN));
		assert_noop!(
			CitizenCard::reissue_card(signed(REGISTRAR), CITIZEN, NEW_PHONE),
			Error::<Test>::CardRevoked
		);
	});
}

#[test]
fn a_revoked_card_stays_revoked() {
	new_test_ext().execute_with(|| {
		register(CITIZEN, 1);
		assert_ok!(CitizenCard::revoke_card(signed(REGISTRAR), CITIZEN));
		System::assert_last_event(
			Event::CardRevoked { who: CITIZEN, registrar: REGISTRAR_ORG }.into(),
		);
		assert!(!CitizenCard::is_active_citizen(&CITIZEN));
		assert_eq!(frame_system::Account::<Test>::get(CITIZEN).providers, 1);
		for call in [
			CitizenCard::revoke_card(signed(REGISTRAR), CITIZEN),
			CitizenCard::suspend_card(signed(REGISTRAR), CITIZEN),
			CitizenCard::resume_card(signed(REGISTRAR), CITIZEN),
			CitizenCard::report_lost(signed(CITIZEN), CITIZEN),
			CitizenCard::update_citizen(signed(REGISTRAR), CITIZEN, MAPO, AgeBand::Adult),
		] {
			assert_eq!(call, Err(Error::<Test>::CardRevoked.into()));
		}
	});
}

#[test]
fn history_keeps_the_latest_entries() {
	new_test_ext().execute_with(|| {
		register(CITIZEN, 1);
		for _ in 0..3 {
			assert_ok!(CitizenCard::suspend_card(signed(REGISTRAR), CITIZEN));
			assert_ok!(CitizenCard::resume_card(signed(REGISTRAR), CITIZEN));
		}
		let history = changes(1);
		assert_eq!(history.len(), MAX_HISTORY as usize);
		assert_eq!(
			history,
			vec![
				CardChange::Suspended,
				CardChange::Resumed,
				CardChange::Suspended,
				CardChange::Resumed
			]
		);
	});
}

// --- facilities ---

#[test]
fn a_facility_operator_registers_opens_and_closes_its_facility() {
	new_test_ext().execute_with(|| {
		let id = sports_centre();
		System::assert_last_event(
			Event::FacilityRegistered { facility: id, operator: SPORTS_ORG }.into(),
		);
		let facility = Facilities::<Test>::get(id).unwrap();
		assert_eq!(facility.name.to_vec(), b"Gangnam Sports".to_vec());
		assert!(facility.open);

		assert_ok!(CitizenCard::set_facility_open(signed(SPORTS), id, false));
		System::assert_last_event(Event::FacilityOpenChanged { facility: id, open: false }.into());
		assert_noop!(
			CitizenCard::set_facility_open(signed(SPORTS), id, false),
			Error::<Test>::OpenUnchanged
		);

		assert_ok!(CitizenCard::update_facility(
			signed(SPORTS),
			id,
			b"Gangnam Pool".to_vec(),
			vec![],
			vec![]
		));
		System::assert_last_event(Event::FacilityUpdated { facility: id }.into());
		let facility = Facilities::<Test>::get(id).unwrap();
		assert!(facility.districts.is_empty() && facility.age_bands.is_empty());
		assert!(!facility.open, "an update keeps it closed");

		assert_ok!(CitizenCard::remove_facility(signed(SPORTS), id));
		System::assert_last_event(Event::FacilityRemoved { facility: id }.into());
		assert!(Facilities::<Test>::get(id).is_none());
	});
}

#[test]
fn facilities_are_their_operators() {
	new_test_ext().execute_with(|| {
		let id = sports_centre();
		for (who, owner) in [(LIBRARY, true), (REGISTRAR, false), (CITIZEN, false)] {
			let error = || -> DispatchError {
				if owner {
					Error::<Test>::NotFacilityOwner
				} else {
					Error::<Test>::NotFacilityOperator
				}
				.into()
			};
			assert_noop!(CitizenCard::set_facility_open(signed(who), id, false), error());
			assert_noop!(CitizenCard::remove_facility(signed(who), id), error());
			assert_noop!(
				CitizenCard::update_facility(signed(who), id, b"x".to_vec(), vec![], vec![]),
				error()
			);
		}
		assert_noop!(
			CitizenCard::register_facility(signed(REGISTRAR), b"x".to_vec(), vec![], vec![]),
			Error::<Test>::NotFacilityOperator
		);
		assert_noop!(
			CitizenCard::remove_facility(signed(SPORTS), 99),
			Error::<Test>::UnknownFacility
		);
	});
}

#[test]
fn facility_names_and_rules_are_checked() {
	new_test_ext().execute_with(|| {
		let register = |name: &[u8], districts: Vec<u16>, bands: Vec<AgeBand>| {
			CitizenCard::register_facility(signed(SPORTS), name.to_vec(), districts, bands)
		};
		assert_noop!(register(b"", vec![], vec![]), Error::<Test>::EmptyName);
		assert_noop!(register(&[b'x'; 17], vec![], vec![]), Error::<Test>::NameTooLong);
		assert_noop!(register(b"x", vec![1, 2, 3, 4], vec![]), Error::<Test>::TooManyDistricts);
		assert_noop!(
			register(b"x", vec![], vec![AgeBand::Adult, AgeBand::Adult]),
			Error::<Test>::DuplicateAgeBand
		);
		assert_ok!(register(
			&[b'x'; 16],
			vec![1, 2, 3],
			vec![AgeBand::Child, AgeBand::Youth, AgeBand::Adult, AgeBand::Senior]
		));
		let id = NextFacilityId::<Test>::get() - 1;
		assert_noop!(
			CitizenCard::update_facility(signed(SPORTS), id, b"".to_vec(), vec![], vec![]),
			Error::<Test>::EmptyName
		);
	});
}

// --- access ---

#[test]
fn may_this_card_use_this_facility_now() {
	new_test_ext().execute_with(|| {
		let id = sports_centre();
		register(CITIZEN, 1);
		assert_eq!(CitizenCard::check_access(&CITIZEN, id), Ok(()));

		assert_eq!(CitizenCard::check_access(&OTHER, id), Err(AccessRefusal::NoCard));
		assert_eq!(CitizenCard::check_access(&CITIZEN, 99), Err(AccessRefusal::UnknownFacility));

		// Another district.
		assert_ok!(CitizenCard::update_citizen(signed(REGISTRAR), CITIZEN, MAPO, AgeBand::Adult));
		assert_eq!(CitizenCard::check_access(&CITIZEN, id), Err(AccessRefusal::OutsideDistrict));
		// Another age band.
		assert_ok!(CitizenCard::update_citizen(
			signed(REGISTRAR),
			CITIZEN,
			GANGNAM,
			AgeBand::Senior
		));
		assert_eq!(CitizenCard::check_access(&CITIZEN, id), Err(AccessRefusal::AgeBandNotAllowed));
		assert_ok!(CitizenCard::update_citizen(
			signed(REGISTRAR),
			CITIZEN,
			GANGNAM,
			AgeBand::Youth
		));
		assert_eq!(CitizenCard::check_access(&CITIZEN, id), Ok(()));

		// Closed.
		assert_ok!(CitizenCard::set_facility_open(signed(SPORTS), id, false));
		assert_eq!(CitizenCard::check_access(&CITIZEN, id), Err(AccessRefusal::FacilityClosed));
		assert_ok!(CitizenCard::set_facility_open(signed(SPORTS), id, true));

		// The card's status comes first.
		assert_ok!(CitizenCard::suspend_card(signed(REGISTRAR), CITIZEN));
		assert_eq!(CitizenCard::check_access(&CITIZEN, id), Err(AccessRefusal::CardSuspended));
		assert_ok!(CitizenCard::report_lost(signed(CITIZEN), CITIZEN));
		assert_eq!(CitizenCard::check_access(&CITIZEN, id), Err(AccessRefusal::CardLost));
		assert_ok!(CitizenCard::reissue_card(signed(REGISTRAR), CITIZEN, NEW_PHONE));
		assert_eq!(CitizenCard::check_access(&NEW_PHONE, id), Ok(()));
		assert_eq!(CitizenCard::check_access(&CITIZEN, id), Err(AccessRefusal::NoCard));
		assert_ok!(CitizenCard::revoke_card(signed(REGISTRAR), NEW_PHONE));
		assert_eq!(CitizenCard::check_access(&NEW_PHONE, id), Err(AccessRefusal::CardRevoked));
	});
}

#[test]
fn a_facility_open_to_all_takes_every_active_card() {
	new_test_ext().execute_with(|| {
		assert_ok!(CitizenCard::register_facility(
			signed(LIBRARY),
			b"Seoul Library".to_vec(),
			vec![],
			vec![]
		));
		let id = NextFacilityId::<Test>::get() - 1;
		register(CITIZEN, 1);
		assert_ok!(CitizenCard::register_citizen(
			signed(REGISTRAR),
			OTHER,
			resident(3),
			MAPO,
			AgeBand::Child
		));
		assert_eq!(CitizenCard::check_access(&CITIZEN, id), Ok(()));
		assert_eq!(CitizenCard::check_access(&OTHER, id), Ok(()));
	});
}

#[test]
fn genesis_registers_citizens_and_facilities() {
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		citizen_card: crate::GenesisConfig {
			citizens: vec![(CITIZEN, resident(1), GANGNAM, AgeBand::Adult, REGISTRAR_ORG)],
			facilities: vec![(SPORTS_ORG, b"Gangnam Sports".to_vec(), vec![GANGNAM], vec![])],
		},
	};
	let mut ext: sp_io::TestExternalities =
		sp_runtime::BuildStorage::build_storage(&storage).unwrap().into();
	ext.execute_with(|| {
		assert!(CitizenCard::is_active_citizen(&CITIZEN));
		assert_eq!(frame_system::Account::<Test>::get(CITIZEN).providers, 1);
		assert_eq!(changes(1), vec![CardChange::Registered { account: CITIZEN }]);
		assert_eq!(NextFacilityId::<Test>::get(), 1);
		assert_eq!(CitizenCard::check_access(&CITIZEN, 0), Ok(()));
	});
}
