//! Tests of every call: success with its events and storage, each error, each permission
//! boundary, and expiry across blocks.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::DispatchResultWithPostInfo,
	traits::fungible::{Inspect, Mutate},
};
use sp_core::H256;
use sp_runtime::{traits::BadOrigin, DispatchError, DispatchResult};

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn city() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn reference(n: u8) -> H256 {
	H256::repeat_byte(n)
}

fn balance(who: u64) -> u128 {
	Balances::balance(&who)
}

fn buckets(who: u64) -> Vec<(u64, u128)> {
	Mileage::<Test>::get(who).iter().map(|b| (b.expires_at, b.amount)).collect()
}

fn reward(citizen: u64, amount: u128) -> DispatchResult {
	SCoin::reward(signed(ISSUER), citizen, amount, 7, reference(1)).map(|_| ()).map_err(|e| e.error)
}

fn pay(payer: u64, org: OrganizationId, spend: SpendUse, amount: u128) -> DispatchResult {
	SCoin::pay(signed(payer), org, spend, amount, reference(2)).map(|_| ()).map_err(|e| e.error)
}

// ---- budgets ----

#[test]
fn set_budget_works() {
	new_test_ext().execute_with(|| {
		assert_ok!(SCoin::set_budget(city(), POLL_ORG, 500));
		assert_eq!(
			Issuers::<Test>::get(POLL_ORG),
			Some(Issuer { budget: 500, issued: 0, paused: false })
		);
		assert_eq!(events(), vec![Event::BudgetSet { issuer: POLL_ORG, budget: 500 }]);

		// A new budget replaces what was left; the total issued and the pause stay.
		assert_ok!(reward(CITIZEN, 400));
		assert_ok!(SCoin::pause_issuer(city(), ISSUER_ORG));
		assert_ok!(SCoin::set_budget(city(), ISSUER_ORG, 50));
		assert_eq!(
			Issuers::<Test>::get(ISSUER_ORG),
			Some(Issuer { budget: 50, issued: 400, paused: true })
		);
	});
}

#[test]
fn set_budget_needs_the_city_and_a_reward_issuer() {
	new_test_ext().execute_with(|| {
		assert_noop!(SCoin::set_budget(signed(ISSUER), ISSUER_ORG, 5), BadOrigin);
		assert_noop!(SCoin::set_budget(city(), MERCHANT_ORG, 5), Error::<Test>::NotRewardIssuer);
		// A zero budget stops any organization, whatever its roles now.
		assert_ok!(SCoin::set_budget(city(), MERCHANT_ORG, 0));
		assert_eq!(Issuers::<Test>::get(MERCHANT_ORG).unwrap().budget, 0);
	});
}

#[test]
fn pause_and_resume_issuer() {
	new_test_ext().execute_with(|| {
		assert_ok!(SCoin::pause_issuer(city(), ISSUER_ORG));
		assert!(Issuers::<Test>::get(ISSUER_ORG).unwrap().paused);
		assert_noop!(reward(CITIZEN, 1), Error::<Test>::IssuerPaused);
		assert_noop!(SCoin::pause_issuer(city(), ISSUER_ORG), Error::<Test>::AlreadyPaused);

		assert_ok!(SCoin::resume_issuer(city(), ISSUER_ORG));
		assert!(!Issuers::<Test>::get(ISSUER_ORG).unwrap().paused);
		assert_noop!(SCoin::resume_issuer(city(), ISSUER_ORG), Error::<Test>::NotPaused);
		assert_ok!(reward(CITIZEN, 1));
		assert_eq!(
			events()[..2],
			[
				Event::IssuerPaused { issuer: ISSUER_ORG },
				Event::IssuerResumed { issuer: ISSUER_ORG }
			]
		);
	});
}

#[test]
fn pause_and_resume_need_the_city_and_a_known_issuer() {
	new_test_ext().execute_with(|| {
		assert_noop!(SCoin::pause_issuer(signed(ISSUER), ISSUER_ORG), BadOrigin);
		assert_noop!(SCoin::resume_issuer(signed(ISSUER), ISSUER_ORG), BadOrigin);
		assert_noop!(SCoin::pause_issuer(city(), POLL_ORG), Error::<Test>::NoBudget);
		assert_noop!(SCoin::resume_issuer(city(), POLL_ORG), Error::<Test>::NoBudget);
	});
}

// ---- expiry policy ----

#[test]
fn set_expiry_policy_works_for_new_mileage_only() {
	new_test_ext().execute_with(|| {
		assert_ok!(reward(CITIZEN, 10));
		assert_ok!(SCoin::set_expiry_policy(city(), 100, 1));
		assert_eq!(Policy::<Test>::get(), Some(ExpiryPolicy { period: 100, lifetime: 1 }));
		assert_eq!(events().last(), Some(&Event::ExpiryPolicySet { period: 100, lifetime: 1 }));
		assert_ok!(reward(CITIZEN, 5));
		// The first reward keeps its expiry (end of period 0 of 10 blocks, plus 3 periods).
		assert_eq!(buckets(CITIZEN), vec![(40, 10), (200, 5)]);
	});
}

#[test]
fn set_expiry_policy_refuses_bad_policies() {
	new_test_ext().execute_with(|| {
		assert_noop!(SCoin::set_expiry_policy(signed(ISSUER), 100, 1), BadOrigin);
		assert_noop!(SCoin::set_expiry_policy(city(), 0, 1), Error::<Test>::InvalidPolicy);
		assert_noop!(SCoin::set_expiry_policy(city(), 100, 0), Error::<Test>::InvalidPolicy);
		// Under one policy an account may hold `lifetime + 1` live buckets.
		assert_noop!(
			SCoin::set_expiry_policy(city(), 100, MAX_BUCKETS),
			Error::<Test>::InvalidPolicy
		);
		assert_ok!(SCoin::set_expiry_policy(city(), 100, MAX_BUCKETS - 1));
	});
}

// ---- rewards ----

#[test]
fn reward_works() {
	new_test_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		assert_ok!(SCoin::reward(signed(ISSUER), CITIZEN, 300, 7, reference(1)));
		assert_eq!(balance(CITIZEN), 300);
		assert_eq!(Balances::total_issuance(), issuance + 300);
		// Received in period 0 (blocks 0 to 9): expires 3 periods after its end.
		assert_eq!(buckets(CITIZEN), vec![(40, 300)]);
		assert_eq!(
			Issuers::<Test>::get(ISSUER_ORG),
			Some(Issuer { budget: BUDGET - 300, issued: 300, paused: false })
		);
		assert_eq!(IssuedTotals::<Test>::get(ISSUER_ORG, 7), 300);
		assert_eq!(
			events(),
			vec![Event::Rewarded {
				issuer: ISSUER_ORG,
				citizen: CITIZEN,
				amount: 300,
				reason: 7,
				reference: reference(1),
				expires_at: 40,
			}]
		);
	});
}

#[test]
fn rewards_of_one_period_share_a_bucket() {
	new_test_ext().execute_with(|| {
		for _ in 0..50 {
			assert_ok!(reward(CITIZEN, 2));
		}
		run_to(9);
		assert_ok!(SCoin::reward(signed(ISSUER), CITIZEN, 1, 8, reference(1)));
		assert_eq!(buckets(CITIZEN), vec![(40, 101)]);
		run_to(10);
		assert_ok!(reward(CITIZEN, 4));
		assert_eq!(buckets(CITIZEN), vec![(40, 101), (50, 4)]);
		assert_eq!(IssuedTotals::<Test>::get(ISSUER_ORG, 7), 104);
		assert_eq!(IssuedTotals::<Test>::get(ISSUER_ORG, 8), 1);
	});
}

#[test]
fn reward_never_goes_beyond_the_budget() {
	new_test_ext().execute_with(|| {
		assert_ok!(reward(CITIZEN, BUDGET - 10));
		assert_noop!(reward(NEIGHBOUR, 11), Error::<Test>::OverBudget);
		assert_ok!(reward(NEIGHBOUR, 10));
		assert_noop!(reward(NEIGHBOUR, 1), Error::<Test>::OverBudget);
		assert_eq!(Issuers::<Test>::get(ISSUER_ORG).unwrap().budget, 0);
		assert_eq!(balance(NEIGHBOUR), 10);
	});
}

#[test]
fn reward_refusals() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			SCoin::reward(signed(STRANGER), CITIZEN, 1, 7, reference(1)).map_err(|e| e.error),
			Error::<Test>::NotRewardIssuer
		);
		// A merchant's agent is no reward issuer.
		assert_noop!(
			SCoin::reward(signed(MERCHANT), CITIZEN, 1, 7, reference(1)).map_err(|e| e.error),
			Error::<Test>::NotRewardIssuer
		);
		assert_noop!(
			SCoin::reward(signed(POLL_OFFICE), CITIZEN, 1, 7, reference(1)).map_err(|e| e.error),
			Error::<Test>::NoBudget
		);
		assert_noop!(reward(SUSPENDED_CITIZEN, 1), Error::<Test>::NotACitizen);
		assert_noop!(reward(STRANGER, 1), Error::<Test>::NotACitizen);
		assert_noop!(reward(CITIZEN, 0), Error::<Test>::ZeroAmount);
		Policy::<Test>::kill();
		assert_noop!(reward(CITIZEN, 1), Error::<Test>::NoExpiryPolicy);
	});
}

#[test]
fn a_full_set_of_buckets_takes_the_reward_into_the_last() {
	new_test_ext().execute_with(|| {
		for (block, amount) in [(1, 1), (11, 2), (21, 3), (31, 4)] {
			run_to(block);
			assert_ok!(reward(CITIZEN, amount));
		}
		assert_eq!(buckets(CITIZEN), vec![(40, 1), (50, 2), (60, 3), (70, 4)]);
		// A shorter policy: the next reward would expire at 42, between two buckets, and finds
		// no room. It joins the last bucket, which keeps its later expiry.
		assert_ok!(SCoin::set_expiry_policy(city(), 7, 1));
		run_to(32);
		assert_ok!(reward(CITIZEN, 5));
		assert_eq!(buckets(CITIZEN), vec![(40, 1), (50, 2), (60, 3), (70, 9)]);
		// An expiry on a bucket's joins that bucket.
		assert_ok!(SCoin::set_expiry_policy(city(), 5, 1));
		assert_ok!(reward(CITIZEN, 100));
		assert_eq!(buckets(CITIZEN), vec![(40, 101), (50, 2), (60, 3), (70, 9)]);
		// A longer policy, with no room: the last bucket takes the reward and its later expiry.
		assert_ok!(SCoin::set_expiry_policy(city(), 100, 3));
		assert_ok!(reward(CITIZEN, 6));
		assert_eq!(buckets(CITIZEN), vec![(40, 101), (50, 2), (60, 3), (400, 15)]);
		assert_eq!(balance(CITIZEN), 121);
	});
}

// ---- payments ----

#[test]
fn pay_a_merchant_works() {
	new_test_ext().execute_with(|| {
		assert_ok!(reward(CITIZEN, 100));
		run_to(11);
		assert_ok!(reward(CITIZEN, 50));
		System::reset_events();

		assert_ok!(SCoin::pay(signed(CITIZEN), MERCHANT_ORG, SpendUse::ZeroPay, 120, reference(9)));
		assert_eq!(balance(CITIZEN), 30);
		assert_eq!(balance(MERCHANT), 120);
		// The oldest mileage went first.
		assert_eq!(buckets(CITIZEN), vec![(50, 30)]);
		assert_eq!(SpentTotals::<Test>::get(SpendUse::ZeroPay), 120);
		assert_eq!(
			events(),
			vec![Event::Paid {
				payer: CITIZEN,
				payee: MERCHANT,
				organization: Some(MERCHANT_ORG),
				spend: SpendUse::ZeroPay,
				amount: 120,
				reference: reference(9),
			}]
		);

		// Spending everything leaves no bucket behind.
		assert_ok!(pay(CITIZEN, MERCHANT_ORG, SpendUse::ZeroPay, 30));
		assert!(!Mileage::<Test>::contains_key(CITIZEN));
		assert_eq!(balance(CITIZEN), 0);
	});
}

#[test]
fn each_use_pays_the_role_it_names() {
	new_test_ext().execute_with(|| {
		assert_ok!(reward(CITIZEN, 100));
		for (org, spend) in [
			(TRANSIT_ORG, SpendUse::TransitTopUp),
			(CHARITY_ORG, SpendUse::Donation),
			(TAX_ORG, SpendUse::LocalTax),
			(METER_ORG, SpendUse::SolarPower),
		] {
			assert_ok!(pay(CITIZEN, org, spend, 10));
			assert_eq!(balance(org as u64 * 10), 10);
			assert_eq!(SpentTotals::<Test>::get(spend), 10);
			// The wrong use for this payee is refused.
			assert_noop!(pay(CITIZEN, org, SpendUse::ZeroPay, 1), Error::<Test>::PayeeNotAllowed);
		}
		assert_noop!(
			pay(CITIZEN, MERCHANT_ORG, SpendUse::TransitTopUp, 1),
			Error::<Test>::PayeeNotAllowed
		);
		assert_eq!(balance(TRANSIT), 10);
		assert_eq!(balance(CITIZEN), 60);
	});
}

#[test]
fn pay_refusals() {
	new_test_ext().execute_with(|| {
		assert_ok!(reward(CITIZEN, 100));
		// A suspended merchant, an unknown organization.
		assert_noop!(
			pay(CITIZEN, SUSPENDED_MERCHANT_ORG, SpendUse::ZeroPay, 1),
			Error::<Test>::PayeeNotAllowed
		);
		assert_noop!(pay(CITIZEN, 99, SpendUse::ZeroPay, 1), Error::<Test>::PayeeNotAllowed);
		assert_noop!(pay(CITIZEN, MERCHANT_ORG, SpendUse::ZeroPay, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			pay(CITIZEN, MERCHANT_ORG, SpendUse::ZeroPay, 101),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			pay(STRANGER, MERCHANT_ORG, SpendUse::ZeroPay, 1),
			Error::<Test>::InsufficientBalance
		);
		// The merchant's own account does not pay itself.
		assert_ok!(pay(CITIZEN, MERCHANT_ORG, SpendUse::ZeroPay, 5));
		assert_noop!(pay(MERCHANT, MERCHANT_ORG, SpendUse::ZeroPay, 5), Error::<Test>::SelfPayment);
		assert_noop!(
			SCoin::pay(RuntimeOrigin::none(), MERCHANT_ORG, SpendUse::ZeroPay, 1, reference(2))
				.map_err(|e| e.error),
			BadOrigin
		);
	});
}

#[test]
fn s_coin_beyond_the_buckets_is_spent_last_and_never_expires() {
	new_test_ext().execute_with(|| {
		// A merchant's income has no bucket: it pays its own taxes with it.
		assert_ok!(reward(CITIZEN, 100));
		assert_ok!(pay(CITIZEN, MERCHANT_ORG, SpendUse::ZeroPay, 100));
		assert_ok!(pay(MERCHANT, TAX_ORG, SpendUse::LocalTax, 40));
		assert_eq!(balance(MERCHANT), 60);
		assert!(!Mileage::<Test>::contains_key(MERCHANT));

		// A citizen with 30 S-coin of another origin and 20 of mileage spends the mileage first.
		assert_ok!(Balances::mint_into(&NEIGHBOUR, 30));
		assert_ok!(reward(NEIGHBOUR, 20));
		assert_ok!(pay(NEIGHBOUR, MERCHANT_ORG, SpendUse::ZeroPay, 25));
		assert!(!Mileage::<Test>::contains_key(NEIGHBOUR));
		assert_eq!(balance(NEIGHBOUR), 25);
		run_to(1_000);
		assert_eq!(SCoin::mileage(&NEIGHBOUR).balance, 25);
	});
}

// ---- expiry ----

#[test]
fn expired_mileage_is_burnt_before_a_payment() {
	new_test_ext().execute_with(|| {
		assert_ok!(reward(CITIZEN, 100)); // expires at 40
		run_to(15);
		assert_ok!(reward(CITIZEN, 50)); // expires at 50
		run_to(39);
		assert_eq!(SCoin::mileage(&CITIZEN).expired, 0);
		run_to(40);
		assert_eq!(
			SCoin::mileage(&CITIZEN),
			MileageView {
				balance: 50,
				expired: 100,
				expiring: vec![Bucket { expires_at: 50, amount: 50 }]
			}
		);
		// A payment of more than what is left is refused, and burns nothing.
		assert_noop!(
			pay(CITIZEN, MERCHANT_ORG, SpendUse::ZeroPay, 51),
			Error::<Test>::InsufficientBalance
		);
		let issuance = Balances::total_issuance();
		System::reset_events();
		assert_ok!(pay(CITIZEN, MERCHANT_ORG, SpendUse::ZeroPay, 20));
		assert_eq!(balance(CITIZEN), 30);
		assert_eq!(buckets(CITIZEN), vec![(50, 30)]);
		assert_eq!(Balances::total_issuance(), issuance - 100);
		assert_eq!(ExpiredTotal::<Test>::get(), 100);
		assert_eq!(events()[0], Event::Expired { who: CITIZEN, amount: 100 });
	});
}

#[test]
fn a_call_that_burns_nothing_is_weighed_without_the_burn() {
	new_test_ext().execute_with(|| {
		let burn = frame_support::weights::constants::ParityDbWeight::get().reads_writes(1, 1);
		let weight_of = |result: DispatchResultWithPostInfo| result.unwrap().actual_weight;
		// Nothing to burn: `ExpiredTotal` is neither read nor written.
		let rewarded = SCoin::reward(signed(ISSUER), CITIZEN, 100, 7, reference(1));
		assert_eq!(weight_of(rewarded), Some(<() as WeightInfo>::reward(0) - burn));
		let paid = SCoin::pay(signed(CITIZEN), MERCHANT_ORG, SpendUse::ZeroPay, 10, reference(2));
		assert_eq!(weight_of(paid), Some(<() as WeightInfo>::pay(1) - burn));
		run_to(15);
		assert_ok!(reward(CITIZEN, 50)); // expires at 50
								   // The first bucket has expired: the payment burns it, at the benchmark's full weight.
		run_to(40);
		let paid = SCoin::pay(signed(CITIZEN), MERCHANT_ORG, SpendUse::ZeroPay, 10, reference(2));
		assert_eq!(weight_of(paid), Some(<() as WeightInfo>::pay(2)));
		assert_eq!(ExpiredTotal::<Test>::get(), 90);
	});
}

#[test]
fn expire_burns_expired_mileage_for_anyone() {
	new_test_ext().execute_with(|| {
		assert_ok!(reward(CITIZEN, 100));
		assert_noop!(
			SCoin::expire(signed(STRANGER), CITIZEN).map_err(|e| e.error),
			Error::<Test>::NothingExpired
		);
		assert_noop!(
			SCoin::expire(signed(STRANGER), NEIGHBOUR).map_err(|e| e.error),
			Error::<Test>::NothingExpired
		);
		run_to(40);
		assert_ok!(SCoin::expire(signed(STRANGER), CITIZEN));
		assert_eq!(balance(CITIZEN), 0);
		assert!(!Mileage::<Test>::contains_key(CITIZEN));
		assert_eq!(ExpiredTotal::<Test>::get(), 100);
		assert_eq!(events().last(), Some(&Event::Expired { who: CITIZEN, amount: 100 }));
		assert_noop!(
			SCoin::expire(signed(STRANGER), CITIZEN).map_err(|e| e.error),
			Error::<Test>::NothingExpired
		);
	});
}

#[test]
fn a_reward_burns_expired_mileage_and_makes_room() {
	new_test_ext().execute_with(|| {
		for block in [1, 11, 21, 31] {
			run_to(block);
			assert_ok!(reward(CITIZEN, 1));
		}
		run_to(41);
		assert_ok!(reward(CITIZEN, 10));
		assert_eq!(buckets(CITIZEN), vec![(50, 1), (60, 1), (70, 1), (80, 10)]);
		assert_eq!(balance(CITIZEN), 13);
		assert_eq!(ExpiredTotal::<Test>::get(), 1);
	});
}

#[test]
fn expiry_burns_no_more_than_the_balance() {
	new_test_ext().execute_with(|| {
		// Mileage is only ever spent through this pallet, but should the balance be lower than
		// the buckets, expiry burns what there is.
		assert_ok!(reward(CITIZEN, 100));
		assert_ok!(Balances::burn_from(
			&CITIZEN,
			60,
			frame_support::traits::tokens::Preservation::Expendable,
			frame_support::traits::tokens::Precision::Exact,
			frame_support::traits::tokens::Fortitude::Force,
		));
		run_to(40);
		assert_eq!(SCoin::mileage(&CITIZEN).expired, 40);
		assert_ok!(SCoin::expire(signed(CITIZEN), CITIZEN));
		assert_eq!(ExpiredTotal::<Test>::get(), 40);
		assert_eq!(balance(CITIZEN), 0);
	});
}

// ---- conversion ----

#[test]
fn convert_works() {
	new_test_ext().execute_with(|| {
		assert_ok!(reward(CITIZEN, 100));
		let issuance = Balances::total_issuance();
		System::reset_events();
		assert_ok!(SCoin::convert(signed(CITIZEN), CONVERTER_ORG, 40, reference(5)));
		assert_eq!(balance(CITIZEN), 60);
		assert_eq!(Balances::total_issuance(), issuance - 40);
		assert_eq!(buckets(CITIZEN), vec![(40, 60)]);
		assert_eq!(
			Receipts::<Test>::get(0),
			Some(Receipt {
				who: CITIZEN,
				converter: CONVERTER_ORG,
				amount: 40,
				reference: reference(5),
				at: 1
			})
		);
		assert_eq!(NextReceiptId::<Test>::get(), 1);
		assert_eq!(ConvertedTotals::<Test>::get(CONVERTER_ORG), 40);
		assert_eq!(
			events(),
			vec![Event::Converted {
				receipt: 0,
				who: CITIZEN,
				converter: CONVERTER_ORG,
				amount: 40,
				reference: reference(5),
			}]
		);
	});
}

#[test]
fn convert_refusals() {
	new_test_ext().execute_with(|| {
		assert_ok!(reward(CITIZEN, 100));
		let convert = |org, amount| {
			SCoin::convert(signed(CITIZEN), org, amount, reference(5)).map_err(|e| e.error)
		};
		assert_noop!(convert(MERCHANT_ORG, 1), Error::<Test>::NotAConverter);
		assert_noop!(convert(99, 1), Error::<Test>::NotAConverter);
		assert_noop!(convert(CONVERTER_ORG, 0), Error::<Test>::ZeroAmount);
		assert_noop!(convert(CONVERTER_ORG, 101), Error::<Test>::InsufficientBalance);
		run_to(40);
		assert_noop!(convert(CONVERTER_ORG, 1), Error::<Test>::InsufficientBalance);
	});
}

// ---- traits for other pallets ----

#[test]
fn service_pallets_reward_and_pay_through_the_traits() {
	new_test_ext().execute_with(|| {
		assert_ok!(<SCoin as SCoinRewards<u64>>::reward(ISSUER_ORG, &CITIZEN, 30, 3, reference(1)));
		assert_eq!(IssuedTotals::<Test>::get(ISSUER_ORG, 3), 30);
		assert_eq!(
			<SCoin as SCoinRewards<u64>>::reward(MERCHANT_ORG, &CITIZEN, 1, 3, reference(1)),
			Err(Error::<Test>::NotRewardIssuer.into())
		);
		// Solar power bought from a neighbour: the solar-trade pallet names the payee.
		assert_ok!(<SCoin as SCoinPayments<u64>>::pay(
			&CITIZEN,
			&NEIGHBOUR,
			SpendUse::SolarPower,
			12,
			reference(3)
		));
		assert_eq!(balance(NEIGHBOUR), 12);
		assert_eq!(SpentTotals::<Test>::get(SpendUse::SolarPower), 12);
		assert_eq!(
			events().last(),
			Some(&Event::Paid {
				payer: CITIZEN,
				payee: NEIGHBOUR,
				organization: None,
				spend: SpendUse::SolarPower,
				amount: 12,
				reference: reference(3),
			})
		);
		let refused: Result<(), DispatchError> = <SCoin as SCoinPayments<u64>>::pay(
			&CITIZEN,
			&CHARITY,
			SpendUse::Donation,
			19,
			reference(3),
		);
		assert_eq!(refused, Err(Error::<Test>::InsufficientBalance.into()));
	});
}

#[test]
fn mileage_view_of_an_account_without_mileage() {
	new_test_ext().execute_with(|| {
		assert_eq!(
			SCoin::mileage(&STRANGER),
			MileageView { balance: 0, expired: 0, expiring: vec![] }
		);
		assert_eq!(
			SCoin::issuer(ISSUER_ORG),
			Some(Issuer { budget: BUDGET, issued: 0, paused: false })
		);
		assert_eq!(SCoin::issuer(POLL_ORG), None);
	});
}

#[test]
fn audit_lists_every_total() {
	new_test_ext().execute_with(|| {
		assert_ok!(SCoin::set_budget(city(), POLL_ORG, 100));
		assert_ok!(SCoin::reward(signed(POLL_OFFICE), CITIZEN, 40, 2, reference(1)));
		assert_ok!(SCoin::reward(signed(ISSUER), CITIZEN, 100, 9, reference(1)));
		assert_ok!(SCoin::reward(signed(ISSUER), NEIGHBOUR, 10, 1, reference(1)));
		assert_ok!(pay(CITIZEN, MERCHANT_ORG, SpendUse::ZeroPay, 30));
		assert_ok!(pay(CITIZEN, TAX_ORG, SpendUse::LocalTax, 20));
		assert_ok!(SCoin::convert(signed(CITIZEN), CONVERTER_ORG, 15, reference(5)));
		run_to(40);
		assert_ok!(SCoin::expire(signed(STRANGER), NEIGHBOUR));
		assert_eq!(
			SCoin::audit(),
			Audit {
				issued: vec![(ISSUER_ORG, 1, 10), (ISSUER_ORG, 9, 100), (POLL_ORG, 2, 40)],
				spent: vec![
					(SpendUse::ZeroPay, 30),
					(SpendUse::TransitTopUp, 0),
					(SpendUse::Donation, 0),
					(SpendUse::LocalTax, 20),
					(SpendUse::SolarPower, 0),
				],
				converted: vec![(CONVERTER_ORG, 15)],
				expired: 10,
			}
		);
	});
}

/// The total spent per use, which every payment of that use reads and writes, is charged once,
/// by the block, not by each payment.
#[test]
fn the_block_pays_once_for_the_totals_every_payment_updates() {
	new_test_ext().execute_with(|| {
		let keys = SCoin::shared_keys();
		assert_eq!(keys.len(), SpendUse::ALL.len());
		assert!(keys.contains(&SpentTotals::<Test>::hashed_key_for(SpendUse::ZeroPay)));
		assert_eq!(
			<SCoin as frame_support::traits::Hooks<u64>>::on_initialize(2),
			frame_support::weights::constants::ParityDbWeight::get().reads_writes(5, 5)
		);
	});
}
