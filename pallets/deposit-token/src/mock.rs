//! A test runtime: System, Balances, Assets with the KRW token (asset 1) and this pallet,
//! `u64` accounts, registry and admission stand-ins.
//!
//! Organizations: 10 (a bank, agent 100), 11 (a suspended bank, agent 110), 12 (an employer,
//! agent 120). Admitted accounts: 1 and 2 (citizens), 100, 110 and 120; 3 is suspended, 4 is
//! unknown.

use crate as pallet_deposit_token;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::ItemOf, AsEnsureOriginWithArg},
};
use frame_system::{EnsureRoot, EnsureSigned};
use seoul_primitives::{AccountAdmission, OrganizationId, OrganizationRegistry, Role};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		DepositToken: pallet_deposit_token,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u128>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type AccountStore = System;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = u128;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<u64>>;
	type ForceOrigin = EnsureRoot<u64>;
	type Freezer = DepositToken;
}

pub const KRW: u32 = 1;
pub const BANK: u64 = 100;
pub const BANK_ORG: OrganizationId = 10;
pub const SUSPENDED_BANK: u64 = 110;
pub const EMPLOYER: u64 = 120;
pub const WORKER: u64 = 1;
pub const CITIZEN: u64 = 2;
pub const SUSPENDED: u64 = 3;
pub const STRANGER: u64 = 4;

parameter_types! {
	pub const Krw: u32 = KRW;
	/// Organizations registered by the benchmarks: (agent, organization, role).
	pub static Registered: Vec<(u64, OrganizationId, Role)> = vec![];
}

pub struct TestRegistry;
impl OrganizationRegistry<u64> for TestRegistry {
	fn organization_of(who: &u64) -> Option<OrganizationId> {
		match *who {
			BANK | SUSPENDED_BANK | EMPLOYER => Some((*who / 10) as u32),
			other =>
				Registered::get().iter().find(|(who, ..)| *who == other).map(|(_, org, _)| *org),
		}
	}

	fn has_role(org: OrganizationId, role: Role) -> bool {
		matches!((org, role), (10, Role::Bank) | (12, Role::Employer))
			|| Registered::get().iter().any(|(_, o, r)| *o == org && *r == role)
	}

	fn payment_account(org: OrganizationId) -> Option<u64> {
		match org {
			10..=12 => Some(org as u64 * 10),
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

pub struct TestAdmission;
impl AccountAdmission<u64> for TestAdmission {
	fn admit(_: &u64) {}

	fn is_admitted(who: &u64) -> bool {
		matches!(*who, WORKER | CITIZEN | BANK | SUSPENDED_BANK | EMPLOYER)
			|| TestRegistry::organization_of(who).is_some()
	}
}

impl pallet_deposit_token::Config for Test {
	type Token = ItemOf<Assets, Krw, u64>;
	type Registry = TestRegistry;
	type Admission = TestAdmission;
	type CityOrigin = EnsureRoot<u64>;
	type WeightInfo = ();
}

/// The token's pallet-assets owner: nobody's key.
pub const TOKEN_OWNER: u64 = 999;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		assets: pallet_assets::GenesisConfig {
			assets: vec![(KRW, TOKEN_OWNER, true, 1)],
			metadata: vec![(KRW, b"KRW deposit token".to_vec(), b"KRW".to_vec(), 0)],
			..Default::default()
		},
		..Default::default()
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Events of this pallet, oldest first.
pub fn events() -> Vec<pallet_deposit_token::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::DepositToken(event) => Some(event),
			_ => None,
		})
		.collect()
}
