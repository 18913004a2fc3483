//! Tests of admission, suspension, rules on calls and rate limits, through the two permission
//! extensions as the pool and block building run them, and of the transaction payment of a
//! chain without fees ([`FreeUnlessTipped`]).

use crate::{
	codes, mock::*, AccountKind, Admitted, CheckPermission, CheckSender, Error, Event,
	FreeUnlessTipped, Quota, Quotas, Suspended, WeightInfo, Window, Windows,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{DispatchInfo, PostDispatchInfo},
	traits::fungible::{Inspect, Mutate},
	weights::{constants::ParityDbWeight, Weight},
};
use pallet_transaction_payment::ChargeTransactionPayment;
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{DispatchTransaction, TransactionExtension, TxBaseImplication},
	transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidityError, ValidTransaction,
	},
	DispatchError,
};

fn remark() -> RuntimeCall {
	frame_system::Call::remark { remark: vec![] }.into()
}

fn batch(calls: Vec<RuntimeCall>) -> RuntimeCall {
	pallet_utility::Call::batch { calls }.into()
}

fn custom(code: u8) -> TransactionValidityError {
	InvalidTransaction::Custom(code).into()
}

/// `CheckPermission`'s verdict on `call` from `origin`, as the pool asks it.
fn permission(origin: RuntimeOrigin, call: RuntimeCall) -> Result<(), TransactionValidityError> {
	CheckPermission::<Test>::new()
		.validate_only(origin, &call, &DispatchInfo::default(), 0, TransactionSource::External, 0)
		.map(|_| ())
}

/// `CheckSender`'s verdict on `who`'s remark with `nonce`, as the pool asks it.
fn pool(who: u64, nonce: u32) -> Result<ValidTransaction, TransactionValidityError> {
	CheckSender::<Test>::from(nonce)
		.validate_only(
			RuntimeOrigin::signed(who),
			&remark(),
			&DispatchInfo::default(),
			0,
			TransactionSource::External,
			0,
		)
		.map(|(validity, _, _)| validity)
}

/// Includes `who`'s remark with `nonce` in the current block, as block building does.
fn include(who: u64, nonce: u32) -> Result<(), TransactionValidityError> {
	CheckSender::<Test>::from(nonce)
		.test_run(RuntimeOrigin::signed(who), &remark(), &DispatchInfo::default(), 0, 0, |_| {
			Ok(().into())
		})
		.map(|result| assert!(result.is_ok()))
}

fn nonce_of(who: u64) -> u32 {
	frame_system::Account::<Test>::get(who).nonce
}

// --- admission ---

#[test]
fn known_accounts_of_each_kind_are_admitted() {
	new_test_ext().execute_with(|| {
		for who in [AUTHORITY, MEMBER, CITIZEN] {
			assert!(pool(who, 0).is_ok());
			assert_eq!(permission(RuntimeOrigin::signed(who), remark()), Ok(()));
		}
	});
}

#[test]
fn an_unknown_account_is_refused_with_its_own_code() {
	new_test_ext().execute_with(|| {
		// Before the nonce check, which would refuse it for having no provider.
		assert_eq!(pool(STRANGER, 0), Err(custom(codes::UNKNOWN_ACCOUNT)));
		assert_eq!(include(STRANGER, 0), Err(custom(codes::UNKNOWN_ACCOUNT)));
		// The sender's admission is `CheckSender`'s alone.
		assert_eq!(permission(RuntimeOrigin::signed(STRANGER), remark()), Ok(()));
	});
}

#[test]
fn the_sender_s_kind_is_looked_up_once_per_transaction() {
	new_test_ext().execute_with(|| {
		KindLookups::set(0);
		(CheckPermission::<Test>::new(), CheckSender::<Test>::from(0))
			.test_run(
				RuntimeOrigin::signed(CITIZEN),
				&remark(),
				&DispatchInfo::default(),
				0,
				0,
				|_| Ok(().into()),
			)
			.unwrap()
			.unwrap();
		assert_eq!(KindLookups::get(), 1);
		assert_eq!(nonce_of(CITIZEN), 1);
	});
}

#[test]
fn a_general_transaction_without_a_signed_origin_is_refused() {
	new_test_ext().execute_with(|| {
		assert_eq!(permission(RuntimeOrigin::none(), remark()), Err(custom(codes::NOT_SIGNED)));
		assert_eq!(permission(RuntimeOrigin::root(), remark()), Err(custom(codes::NOT_SIGNED)));
	});
}

#[test]
fn a_suspended_account_is_refused_until_resumed() {
	new_test_ext().execute_with(|| {
		assert_ok!(Permissions::suspend_account(RuntimeOrigin::root(), MEMBER));
		System::assert_last_event(Event::AccountSuspended { who: MEMBER }.into());
		assert_eq!(pool(MEMBER, 0), Err(custom(codes::SUSPENDED)));
		assert_eq!(include(MEMBER, 0), Err(custom(codes::SUSPENDED)));
		// Its account and nonce stay.
		assert_eq!(frame_system::Account::<Test>::get(MEMBER).providers, 1);
		assert_eq!(nonce_of(MEMBER), 0);

		assert_ok!(Permissions::resume_account(RuntimeOrigin::root(), MEMBER));
		System::assert_last_event(Event::AccountResumed { who: MEMBER }.into());
		assert!(pool(MEMBER, 0).is_ok());
	});
}

#[test]
fn suspending_a_stranger_is_reported_as_suspension() {
	new_test_ext().execute_with(|| {
		assert_ok!(Permissions::suspend_account(RuntimeOrigin::root(), STRANGER));
		assert_eq!(pool(STRANGER, 0), Err(custom(codes::SUSPENDED)));
	});
}

#[test]
fn call_rules_apply_to_the_sender_and_nested_calls() {
	new_test_ext().execute_with(|| {
		assert_eq!(
			permission(RuntimeOrigin::signed(NO_REMARKS), remark()),
			Err(custom(codes::CALL_NOT_ALLOWED))
		);
		assert_eq!(
			permission(RuntimeOrigin::signed(NO_REMARKS), batch(vec![batch(vec![remark()])])),
			Err(custom(codes::CALL_NOT_ALLOWED))
		);
		assert_eq!(permission(RuntimeOrigin::signed(NO_REMARKS), batch(vec![])), Ok(()));
		assert_eq!(permission(RuntimeOrigin::signed(CITIZEN), batch(vec![remark()])), Ok(()));
	});
}

#[test]
fn check_permission_is_weighed_by_the_call() {
	let weight = |call: RuntimeCall| CheckPermission::<Test>::new().weight(&call);
	let walk = <() as WeightInfo>::check_permission();
	assert_eq!(weight(batch(vec![])), walk);
	// The mock's rules weigh a remark at one read.
	let read = ParityDbWeight::get().reads(1);
	assert_eq!(weight(remark()), walk + read);
	assert_eq!(weight(batch(vec![remark(), batch(vec![remark()])])), walk + read * 2);
}

#[test]
fn suspension_and_quotas_need_the_city_origin() {
	new_test_ext().execute_with(|| {
		let quota = Some(Quota { window: 1, transactions: 1, ..CITIZEN_QUOTA });
		for who in [AUTHORITY, MEMBER, STRANGER] {
			let origin = RuntimeOrigin::signed(who);
			assert_noop!(
				Permissions::suspend_account(origin.clone(), CITIZEN),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Permissions::resume_account(origin.clone(), CITIZEN),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Permissions::set_quota(origin, AccountKind::Citizen, quota),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn suspending_twice_or_resuming_an_active_account_is_refused() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Permissions::resume_account(RuntimeOrigin::root(), CITIZEN),
			Error::<Test>::NotSuspended
		);
		assert_ok!(Permissions::suspend_account(RuntimeOrigin::root(), CITIZEN));
		assert_noop!(
			Permissions::suspend_account(RuntimeOrigin::root(), CITIZEN),
			Error::<Test>::AlreadySuspended
		);
		assert!(Suspended::<Test>::contains_key(CITIZEN));
	});
}

// --- the nonce check is frame_system's ---

#[test]
fn the_nonce_check_is_unchanged() {
	new_test_ext().execute_with(|| {
		// Current nonce: provides (who, 0), requires nothing.
		let valid = pool(AUTHORITY, 0).unwrap();
		assert!(valid.requires.is_empty());
		assert_eq!(valid.provides.len(), 1);
		// A future nonce requires the one before it.
		assert_eq!(pool(AUTHORITY, 2).unwrap().requires.len(), 1);
		assert_eq!(include(AUTHORITY, 0), Ok(()));
		assert_eq!(nonce_of(AUTHORITY), 1);
		assert_eq!(pool(AUTHORITY, 0), Err(InvalidTransaction::Stale.into()));
		assert_eq!(include(AUTHORITY, 2), Err(InvalidTransaction::Future.into()));
		// An admitted account with no provider cannot pay for its nonce's storage.
		Known::mutate(|known| known.push((STRANGER, AccountKind::Citizen)));
		assert_eq!(pool(STRANGER, 0), Err(InvalidTransaction::Payment.into()));
	});
}

#[test]
fn unsigned_origins_pass_the_nonce_check() {
	new_test_ext().execute_with(|| {
		// As `frame_system::CheckNonce`: no account, no nonce (`CheckPermission` refuses them).
		let result = CheckSender::<Test>::from(0).validate(
			RuntimeOrigin::none(),
			&remark(),
			&DispatchInfo::default(),
			0,
			(),
			&TxBaseImplication(()),
			TransactionSource::External,
		);
		assert!(result.is_ok());
	});
}

// --- rate limits ---

#[test]
fn a_burst_of_consecutive_nonces_is_cut_at_the_quota_at_submission() {
	new_test_ext().execute_with(|| {
		// Nothing included yet: the pool sees only the chain state, nonce 0.
		for nonce in 0..3 {
			assert!(pool(CITIZEN, nonce).is_ok(), "nonce {nonce} is within the quota");
		}
		for nonce in 3..10 {
			assert_eq!(pool(CITIZEN, nonce), Err(custom(codes::RATE_LIMITED)));
		}
	});
}

#[test]
fn a_window_starts_at_the_first_dispatch_and_holds_until_it_ends() {
	new_test_ext().execute_with(|| {
		System::set_block_number(5);
		assert_eq!(include(CITIZEN, 0), Ok(()));
		assert_eq!(Windows::<Test>::get(CITIZEN), Some(Window { start: 5, first_nonce: 0 }));
		System::set_block_number(6);
		assert_eq!(include(CITIZEN, 1), Ok(()));
		assert_eq!(include(CITIZEN, 2), Ok(()));
		// Quota used up: the next nonce is refused, at the pool and in a block.
		assert_eq!(pool(CITIZEN, 3), Err(custom(codes::RATE_LIMITED)));
		assert_eq!(include(CITIZEN, 3), Err(custom(codes::RATE_LIMITED)));
		assert_eq!(nonce_of(CITIZEN), 3);
		// The last block of the window.
		System::set_block_number(14);
		assert_eq!(pool(CITIZEN, 3), Err(custom(codes::RATE_LIMITED)));
		// The window has ended: a new quota counts from the current nonce.
		System::set_block_number(15);
		assert!(pool(CITIZEN, 5).is_ok());
		assert_eq!(pool(CITIZEN, 6), Err(custom(codes::RATE_LIMITED)));
		assert_eq!(include(CITIZEN, 3), Ok(()));
		assert_eq!(Windows::<Test>::get(CITIZEN), Some(Window { start: 15, first_nonce: 3 }));
	});
}

/// The weight `ext` leaves charged for `who`'s remark once dispatched: its own weight, less
/// what its `post_dispatch` gives back.
fn weight_left<E: TransactionExtension<RuntimeCall>>(ext: E, who: u64) -> Weight {
	let call = remark();
	let info = DispatchInfo { extension_weight: ext.weight(&call), ..Default::default() };
	// The call uses all its (zero) weight; dispatch adds the extension's.
	let post = ext
		.test_run(RuntimeOrigin::signed(who), &call, &info, 0, 0, |_| {
			Ok(PostDispatchInfo {
				actual_weight: Some(info.call_weight),
				pays_fee: Default::default(),
			})
		})
		.unwrap()
		.unwrap();
	post.actual_weight.unwrap()
}

#[test]
fn the_nonce_check_gives_back_the_window_weight_it_does_not_use() {
	new_test_ext().execute_with(|| {
		let full = <() as WeightInfo>::check_sender();
		let db = ParityDbWeight::get();
		// A window starts: the whole weight (its worst case).
		assert_eq!(weight_left(CheckSender::<Test>::from(0), CITIZEN), full);
		// The window runs: its write is given back.
		assert_eq!(weight_left(CheckSender::<Test>::from(1), CITIZEN), full - db.writes(1));
		// No rate limit: the window is neither read nor written.
		assert_eq!(weight_left(CheckSender::<Test>::from(0), MEMBER), full - db.reads_writes(1, 1));
	});
}

#[test]
fn kinds_without_a_quota_are_not_limited() {
	new_test_ext().execute_with(|| {
		assert!(pool(MEMBER, 1_000).is_ok());
		for nonce in 0..20 {
			assert_eq!(include(MEMBER, nonce), Ok(()));
		}
		assert_eq!(Windows::<Test>::get(MEMBER), None);
	});
}

#[test]
fn the_city_sets_and_removes_quotas() {
	new_test_ext().execute_with(|| {
		let quota = Quota { transactions: 2, window: 5, ..CITIZEN_QUOTA };
		assert_ok!(Permissions::set_quota(
			RuntimeOrigin::root(),
			AccountKind::Organization,
			Some(quota)
		));
		System::assert_last_event(
			Event::QuotaSet { kind: AccountKind::Organization, quota: Some(quota) }.into(),
		);
		assert_eq!(Quotas::<Test>::get(AccountKind::Organization), Some(quota));
		assert!(pool(MEMBER, 1).is_ok());
		assert_eq!(pool(MEMBER, 2), Err(custom(codes::RATE_LIMITED)));

		assert_ok!(Permissions::set_quota(RuntimeOrigin::root(), AccountKind::Organization, None));
		System::assert_last_event(
			Event::QuotaSet { kind: AccountKind::Organization, quota: None }.into(),
		);
		assert!(pool(MEMBER, 2).is_ok());
	});
}

#[test]
fn a_quota_needs_a_window() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Permissions::set_quota(
				RuntimeOrigin::root(),
				AccountKind::Citizen,
				Some(Quota { transactions: 5, window: 0, ..CITIZEN_QUOTA })
			),
			Error::<Test>::EmptyWindow
		);
	});
}

#[test]
fn genesis_sets_the_quotas() {
	new_test_ext().execute_with(|| {
		assert_eq!(Quotas::<Test>::get(AccountKind::Citizen), Some(CITIZEN_QUOTA));
		assert_eq!(Quotas::<Test>::get(AccountKind::Authority), None);
	});
}

// --- provider references ---

#[test]
fn admit_gives_one_provider_reference_once_and_keeps_it() {
	new_test_ext().execute_with(|| {
		let providers = |who| frame_system::Account::<Test>::get(who).providers;
		assert_eq!(providers(STRANGER), 0);
		Permissions::admit(&STRANGER);
		assert_eq!(providers(STRANGER), 1);
		assert!(Admitted::<Test>::contains_key(STRANGER));
		Permissions::admit(&STRANGER);
		assert_eq!(providers(STRANGER), 1, "once");
		// Once what admitted it makes it known, its nonce is paid for: the nonce check takes its
		// transactions.
		Known::mutate(|known| known.push((STRANGER, AccountKind::Authority)));
		assert!(pool(STRANGER, 0).is_ok());
		// The same through the trait the service pallets admit with.
		const OTHER: u64 = 99;
		<Permissions as seoul_primitives::AccountAdmission<u64>>::admit(&OTHER);
		assert_eq!(providers(OTHER), 1);
		assert!(Admitted::<Test>::contains_key(OTHER));
	});
}

#[test]
fn service_pallets_ask_whether_an_account_is_admitted() {
	use seoul_primitives::AccountAdmission;
	new_test_ext().execute_with(|| {
		let admitted = |who| <Permissions as AccountAdmission<u64>>::is_admitted(&who);
		assert!(admitted(CITIZEN));
		assert!(admitted(MEMBER));
		assert!(!admitted(STRANGER));
		// Being given a provider reference is not being admitted.
		Permissions::admit(&STRANGER);
		assert!(!admitted(STRANGER));
		assert_ok!(Permissions::suspend_account(RuntimeOrigin::root(), CITIZEN));
		assert!(!admitted(CITIZEN));
	});
}

// --- transaction payment without fees ---

fn fee_paid_events() -> usize {
	System::events()
		.into_iter()
		.filter(|record| {
			matches!(
				record.event,
				RuntimeEvent::TransactionPayment(
					pallet_transaction_payment::Event::TransactionFeePaid { .. }
				)
			)
		})
		.count()
}

/// `ext`'s verdict on `who`'s remark of `len` bytes and `info`, as the pool asks it.
fn verdict<E: TransactionExtension<RuntimeCall>>(
	ext: &E,
	who: u64,
	info: &DispatchInfo,
	len: usize,
) -> Result<ValidTransaction, TransactionValidityError> {
	ext.validate_only(
		RuntimeOrigin::signed(who),
		&remark(),
		info,
		len,
		TransactionSource::External,
		0,
	)
	.map(|(validity, _, _)| validity)
}

#[test]
fn free_unless_tipped_looks_like_charge_transaction_payment_to_wallets() {
	for tip in [0, 5, 1 << 40] {
		assert_eq!(
			FreeUnlessTipped::<Test>::from(tip).encode(),
			ChargeTransactionPayment::<Test>::from(tip).encode()
		);
	}
	assert_eq!(
		<FreeUnlessTipped<Test> as TransactionExtension<RuntimeCall>>::IDENTIFIER,
		"ChargeTransactionPayment"
	);
	assert_eq!(
		FreeUnlessTipped::<Test>::type_info(),
		ChargeTransactionPayment::<Test>::type_info()
	);
}

#[test]
fn an_untipped_transaction_is_free_and_weighed_at_the_check_alone() {
	new_test_ext().execute_with(|| {
		assert_ok!(Balances::mint_into(&CITIZEN, 100));
		let call = remark();
		let free = FreeUnlessTipped::<Test>::from(0);
		assert_eq!(free.weight(&call), <() as WeightInfo>::free_unless_tipped());
		assert!(
			free.weight(&call).ref_time()
				< ChargeTransactionPayment::<Test>::from(0).weight(&call).ref_time()
		);

		// The pool orders it as `ChargeTransactionPayment` would.
		let info = DispatchInfo::default();
		let theirs = ChargeTransactionPayment::<Test>::from(0);
		assert_eq!(
			verdict(&free, CITIZEN, &info, 10).map(|validity| validity.priority),
			verdict(&theirs, CITIZEN, &info, 10).map(|validity| validity.priority)
		);

		assert_eq!(weight_left(free, CITIZEN), <() as WeightInfo>::free_unless_tipped());
		assert_eq!(Balances::balance(&CITIZEN), 100);
		assert_eq!(fee_paid_events(), 0);
	});
}

#[test]
fn a_tip_is_charged_as_charge_transaction_payment_charges_it() {
	new_test_ext().execute_with(|| {
		assert_ok!(Balances::mint_into(&CITIZEN, 100));
		let call = remark();
		let tipped = FreeUnlessTipped::<Test>::from(7);
		assert_eq!(tipped.weight(&call), ChargeTransactionPayment::<Test>::from(7).weight(&call));
		weight_left(tipped, CITIZEN);
		assert_eq!(Balances::balance(&CITIZEN), 93);
		assert_eq!(fee_paid_events(), 1);

		// A tip the sender cannot pay is refused, and nothing changes.
		let info = DispatchInfo::default();
		assert_eq!(
			verdict(&FreeUnlessTipped::<Test>::from(1_000), CITIZEN, &info, 0).map(|_| ()),
			Err(InvalidTransaction::Payment.into())
		);
		assert_eq!(Balances::balance(&CITIZEN), 93);
	});
}

#[test]
fn with_fees_an_untipped_transaction_is_refused_not_let_through_unpaid() {
	new_test_ext().execute_with(|| {
		assert_ok!(Balances::mint_into(&CITIZEN, 1_000_000));
		WeightFee::set(1);
		let info = DispatchInfo { call_weight: Weight::from_parts(1_000, 0), ..Default::default() };
		assert_eq!(
			verdict(&FreeUnlessTipped::<Test>::from(0), CITIZEN, &info, 10).map(|_| ()),
			Err(InvalidTransaction::Payment.into())
		);
		// A fee for the weight alone (no length) is a fee too.
		assert_eq!(
			verdict(&FreeUnlessTipped::<Test>::from(0), CITIZEN, &info, 0).map(|_| ()),
			Err(InvalidTransaction::Payment.into())
		);
		// A call that does not pay fees stays free.
		let no_fee = DispatchInfo { pays_fee: frame_support::dispatch::Pays::No, ..info };
		assert!(verdict(&FreeUnlessTipped::<Test>::from(0), CITIZEN, &no_fee, 10).is_ok());
		WeightFee::set(0);
		assert_eq!(Balances::balance(&CITIZEN), 1_000_000);
	});
}

/// What every sender's checks read (the admission's shared keys, each kind's quota) is charged
/// once, by the block, not by each transaction: a read, and a write for the calls that change
/// it.
#[test]
fn the_block_pays_once_for_what_every_sender_reads() {
	new_test_ext().execute_with(|| {
		let keys = Permissions::shared_keys();
		let mut expected = vec![SHARED_KEY.to_vec()];
		expected.extend(AccountKind::ALL.iter().map(Quotas::<Test>::hashed_key_for));
		assert_eq!(keys, expected);
		assert_eq!(
			<Permissions as frame_support::traits::Hooks<u64>>::on_initialize(2),
			ParityDbWeight::get().reads_writes(4, 4)
		);
	});
}

// --- the bounds of a transaction ---

/// `CheckSender`'s verdict on `who`'s transaction of `len` bytes and `weight`.
fn sized(who: u64, len: usize, weight: Weight) -> Result<(), TransactionValidityError> {
	let info = DispatchInfo { call_weight: weight, ..Default::default() };
	CheckSender::<Test>::from(0)
		.validate_only(
			RuntimeOrigin::signed(who),
			&remark(),
			&info,
			len,
			TransactionSource::External,
			0,
		)
		.map(|_| ())
}

#[test]
fn a_transaction_longer_or_heavier_than_the_quota_allows_is_refused() {
	new_test_ext().execute_with(|| {
		let (length, weight) = (CITIZEN_QUOTA.max_length as usize, CITIZEN_QUOTA.max_weight);
		assert_eq!(sized(CITIZEN, length, weight), Ok(()));
		assert_eq!(sized(CITIZEN, length + 1, Weight::zero()), Err(custom(codes::TOO_LARGE)));
		assert_eq!(
			sized(CITIZEN, 0, weight.saturating_add(Weight::from_parts(1, 0))),
			Err(custom(codes::TOO_LARGE))
		);
		// A kind without a quota has no bounds but the block's.
		assert_eq!(sized(AUTHORITY, 10 * length, weight * 10), Ok(()));
	});
}

#[test]
fn the_bounds_hold_in_the_block_too() {
	new_test_ext().execute_with(|| {
		let info = DispatchInfo { call_weight: Weight::zero(), ..Default::default() };
		let len = CITIZEN_QUOTA.max_length as usize + 1;
		let result = CheckSender::<Test>::from(0).test_run(
			RuntimeOrigin::signed(CITIZEN),
			&remark(),
			&info,
			len,
			0,
			|_| Ok(().into()),
		);
		assert_eq!(result.map(|_| ()), Err(custom(codes::TOO_LARGE)));
		assert_eq!(nonce_of(CITIZEN), 0);
	});
}

#[test]
fn the_upgrade_weighs_a_read_and_a_write_per_quota() {
	use crate::migrations::v1::{QuotaV0, UncheckedMigrateToV1};
	use frame_support::traits::UncheckedOnRuntimeUpgrade;
	new_test_ext().execute_with(|| {
		for kind in [AccountKind::Citizen, AccountKind::Organization, AccountKind::Authority] {
			let key = Quotas::<Test>::hashed_key_for(kind);
			frame_support::storage::unhashed::put(
				&key,
				&QuotaV0 { transactions: 4u32, window: 9u64 },
			);
		}
		let weight = UncheckedMigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(weight, ParityDbWeight::get().reads_writes(3, 3));
	});
}

#[test]
fn version_0_quotas_get_no_bounds_on_the_upgrade() {
	use crate::migrations::v1::{MigrateToV1, QuotaV0};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	new_test_ext().execute_with(|| {
		StorageVersion::new(0).put::<Permissions>();
		let key = Quotas::<Test>::hashed_key_for(AccountKind::Citizen);
		frame_support::storage::unhashed::put(&key, &QuotaV0 { transactions: 4u32, window: 9u64 });
		MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(
			Quotas::<Test>::get(AccountKind::Citizen),
			Some(Quota {
				transactions: 4,
				window: 9,
				max_length: u32::MAX,
				max_weight: Weight::MAX
			})
		);
		assert_eq!(Permissions::on_chain_storage_version(), 1);
		// Once only.
		MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Quotas::<Test>::get(AccountKind::Citizen).map(|q| q.transactions), Some(4));
	});
}
