//! A test runtime: System and this pallet, `u64` accounts, a registry stand-in.
//!
//! Organizations: 10 (a district office, `Registrar`), 11 (a sports centre operator,
//! `FacilityOperator`), 12 (a library operator, `FacilityOperator`), 13 (a suspended registrar).
//! Their agents: 100 (org 10), 110 (org 11), 120 (org 12), 130 (org 13).

use crate as pallet_citizen_card;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use seoul_primitives::{AccountAdmission, OrganizationId, OrganizationRegistry, Role};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		CitizenCard: pallet_citizen_card,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

pub const REGISTRAR: u64 = 100;
pub const REGISTRAR_ORG: OrganizationId = 10;
pub const SPORTS: u64 = 110;
pub const SPORTS_ORG: OrganizationId = 11;
pub const LIBRARY: u64 = 120;
pub const SUSPENDED_REGISTRAR: u64 = 130;
pub const CITIZEN: u64 = 1;
pub const NEW_PHONE: u64 = 2;
pub const OTHER: u64 = 3;

/// The most history entries kept in the tests.
pub const MAX_HISTORY: u32 = 4;

parameter_types! {
	/// Accounts given a provider reference by admission, in order.
	pub static Admitted: Vec<u64> = vec![];
	/// Organizations registered by the benchmarks: (agent, organization, role).
	pub static Registered: Vec<(u64, OrganizationId, Role)> = vec![];
}

pub struct TestRegistry;
impl OrganizationRegistry<u64> for TestRegistry {
	fn organization_of(who: &u64) -> Option<OrganizationId> {
		match *who {
			REGISTRAR => Some(10),
			SPORTS => Some(11),
			LIBRARY => Some(12),
			SUSPENDED_REGISTRAR => Some(13),
			other =>
				Registered::get().iter().find(|(who, ..)| *who == other).map(|(_, org, _)| *org),
		}
	}

	fn has_role(org: OrganizationId, role: Role) -> bool {
		matches!((org, role), (10, Role::Registrar) | (11 | 12, Role::FacilityOperator))
			|| Registered::get().iter().any(|(_, o, r)| *o == org && *r == role)
	}

	fn payment_account(_: OrganizationId) -> Option<u64> {
		None
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmark(who: &u64, role: Role) -> OrganizationId {
		let org = 1_000 + Registered::get().len() as OrganizationId;
		Registered::mutate(|registered| registered.push((*who, org, role)));
		org
	}
}

pub struct TestAdmission;
impl AccountAdmission<u64> for TestAdmission {
	fn admit(who: &u64) {
		if !Admitted::get().contains(who) {
			frame_system::Pallet::<Test>::inc_providers(who);
			Admitted::mutate(|admitted| admitted.push(*who));
		}
	}

	fn is_admitted(who: &u64) -> bool {
		Admitted::get().contains(who)
	}
}

impl pallet_citizen_card::Config for Test {
	type Registry = TestRegistry;
	type Admission = TestAdmission;
	type MaxNameLength = ConstU32<16>;
	type MaxDistricts = ConstU32<3>;
	type MaxHistory = ConstU32<MAX_HISTORY>;
	type WeightInfo = ();
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
