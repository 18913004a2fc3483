//! A test runtime: System, Balances and this pallet, `u64` accounts, registry and citizen
//! stand-ins.
//!
//! Organizations and the account each is paid on (its agent):
//! - 10 (a district office, `RewardIssuer`, budget 1,000): agent 100;
//! - 11 (the city's poll office, `RewardIssuer`, no budget): agent 110;
//! - 12 (a ZeroPay merchant): 120; 13 (a transit operator): 130; 14 (a converter): 140;
//! - 15 (a suspended merchant): 150; 16 (a tax collector): 160; 17 (a charity): 170;
//! - 18 (a meter operator): 180.
//!
//! Citizens 1 and 2 hold active cards; 3's card is suspended. Mileage expires in periods of 10
//! blocks, 3 periods after the period it was received in; accounts keep at most 4 buckets.

use crate as pallet_s_coin;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use seoul_primitives::{CitizenInfo, CitizenRegistry, OrganizationId, OrganizationRegistry, Role};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		SCoin: pallet_s_coin,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	/// The database weights the `()` weights of the pallet are priced with.
	type DbWeight = frame_support::weights::constants::ParityDbWeight;
	type AccountData = pallet_balances::AccountData<u128>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type AccountStore = System;
}

pub const ISSUER: u64 = 100;
pub const ISSUER_ORG: OrganizationId = 10;
pub const POLL_OFFICE: u64 = 110;
pub const POLL_ORG: OrganizationId = 11;
pub const MERCHANT: u64 = 120;
pub const MERCHANT_ORG: OrganizationId = 12;
pub const TRANSIT: u64 = 130;
pub const TRANSIT_ORG: OrganizationId = 13;
pub const CONVERTER_ORG: OrganizationId = 14;
pub const SUSPENDED_MERCHANT_ORG: OrganizationId = 15;
pub const TAX_ORG: OrganizationId = 16;
pub const CHARITY: u64 = 170;
pub const CHARITY_ORG: OrganizationId = 17;
pub const METER_ORG: OrganizationId = 18;
pub const CITIZEN: u64 = 1;
pub const NEIGHBOUR: u64 = 2;
pub const SUSPENDED_CITIZEN: u64 = 3;
pub const STRANGER: u64 = 4;

pub const PERIOD: u64 = 10;
pub const LIFETIME: u32 = 3;
pub const MAX_BUCKETS: u32 = 4;
pub const BUDGET: u128 = 1_000;

parameter_types! {
	/// Organizations registered by the benchmarks: (agent, organization, role).
	pub static Registered: Vec<(u64, OrganizationId, Role)> = vec![];
	/// Citizens registered by the benchmarks.
	pub static MoreCitizens: Vec<u64> = vec![];
}

pub struct TestRegistry;
impl OrganizationRegistry<u64> for TestRegistry {
	fn organization_of(who: &u64) -> Option<OrganizationId> {
		match *who {
			100 | 110 | 120 | 130 | 140 | 150 | 160 | 170 | 180 => Some((*who / 10) as u32),
			other =>
				Registered::get().iter().find(|(who, ..)| *who == other).map(|(_, org, _)| *org),
		}
	}

	fn has_role(org: OrganizationId, role: Role) -> bool {
		matches!(
			(org, role),
			(10 | 11, Role::RewardIssuer)
				| (12, Role::Merchant)
				| (13, Role::TransitOperator)
				| (14, Role::Converter)
				| (16, Role::TaxCollector)
				| (17, Role::Charity)
				| (18, Role::MeterOperator)
		) || Registered::get().iter().any(|(_, o, r)| *o == org && *r == role)
	}

	fn payment_account(org: OrganizationId) -> Option<u64> {
		match org {
			10..=18 => Some(org as u64 * 10),
			other => Registered::get().iter().find(|(_, o, _)| *o == other).map(|(who, ..)| *who),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmark(who: &u64, role: Role) -> OrganizationId {
		// The benchmark tests run each case several times with fresh storage but these statics.
		if let Some((_, org, _)) = Registered::get().into_iter().find(|(w, ..)| w == who) {
			return org;
		}
		let org = 1_000 + Registered::get().len() as OrganizationId;
		Registered::mutate(|registered| registered.push((*who, org, role)));
		org
	}
}

pub struct TestCitizens;
impl CitizenRegistry<u64> for TestCitizens {
	fn citizen(who: &u64) -> Option<CitizenInfo> {
		(matches!(*who, CITIZEN | NEIGHBOUR) || MoreCitizens::get().contains(who))
			.then_some(CitizenInfo { district: 11680, age_band: seoul_primitives::AgeBand::Adult })
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmark(who: &u64) {
		MoreCitizens::mutate(|citizens| citizens.push(*who));
	}
}

impl pallet_s_coin::Config for Test {
	type Currency = Balances;
	type Registry = TestRegistry;
	type Citizens = TestCitizens;
	type CityOrigin = EnsureRoot<u64>;
	type MaxBuckets = ConstU32<MAX_BUCKETS>;
	type WeightInfo = ();
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		s_coin: pallet_s_coin::GenesisConfig {
			policy: Some(pallet_s_coin::ExpiryPolicy { period: PERIOD, lifetime: LIFETIME }),
			budgets: vec![(ISSUER_ORG, BUDGET)],
		},
		..Default::default()
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		// Every account the tests use exists, as admission makes it exist on the chain.
		for who in [CITIZEN, NEIGHBOUR, SUSPENDED_CITIZEN, STRANGER, ISSUER, POLL_OFFICE] {
			System::inc_providers(&who);
		}
		for org in 12..=18u64 {
			System::inc_providers(&(org * 10));
		}
	});
	ext
}

/// Events of this pallet, oldest first.
pub fn events() -> Vec<pallet_s_coin::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::SCoin(event) => Some(event),
			_ => None,
		})
		.collect()
}

pub fn run_to(block: u64) {
	System::set_block_number(block);
}
