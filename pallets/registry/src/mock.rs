//! A test runtime: System and Registry, `u64` accounts, Root as the city origin.

use crate as pallet_registry;
use frame_support::{derive_impl, traits::ConstU32};
use frame_system::EnsureRoot;
use seoul_primitives::{OrganizationKind, Role};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Registry: pallet_registry,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = ();
}

/// The longest name in the tests, in bytes.
pub const MAX_NAME_LENGTH: u32 = 16;
/// The most roles an organization holds in the tests.
pub const MAX_ROLES: u32 = 3;
/// The most members an organization has in the tests, its admin included.
pub const MAX_MEMBERS: u32 = 3;

impl pallet_registry::Config for Test {
	type CityOrigin = EnsureRoot<u64>;
	type MaxNameLength = ConstU32<MAX_NAME_LENGTH>;
	type MaxRoles = ConstU32<MAX_ROLES>;
	type MaxMembers = ConstU32<MAX_MEMBERS>;
	type WeightInfo = ();
}

/// An empty registry at block 1 (events are recorded from block 1 on).
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with(vec![])
}

/// A registry built from the given genesis organizations, at block 1.
pub fn new_test_ext_with(
	organizations: Vec<(Vec<u8>, OrganizationKind, Vec<Role>, u64, Vec<u64>)>,
) -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_registry::GenesisConfig::<Test> { organizations }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}
