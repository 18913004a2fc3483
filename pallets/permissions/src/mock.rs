//! A test runtime: System, Utility, Balances, TransactionPayment (fees set by [`WeightFee`],
//! zero unless a test sets them) and this pallet, `u64` accounts. Accounts 1 (an authority),
//! 2 (an organization member) and 3 (a citizen) are known, with a provider reference each;
//! 9 is a stranger. Account 7 is known as a citizen but the call rules forbid it to remark.

use crate::{self as pallet_permissions, codes, AccountKind, Admission, CallRules};
use frame_support::{
	derive_impl, parameter_types,
	weights::{ConstantMultiplier, Weight},
};
use frame_system::EnsureRoot;
use sp_runtime::{transaction_validity::InvalidTransaction, BuildStorage};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Utility: pallet_utility,
		Balances: pallet_balances,
		TransactionPayment: pallet_transaction_payment,
		Permissions: pallet_permissions,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	/// The database weights the `()` weights of this pallet are priced with.
	type DbWeight = frame_support::weights::constants::ParityDbWeight;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

parameter_types! {
	/// The fee per picosecond of weight: zero, as on the city's chain, unless a test sets it.
	pub static WeightFee: u64 = 0;
}

#[derive_impl(pallet_transaction_payment::config_preludes::TestDefaultConfig)]
impl pallet_transaction_payment::Config for Test {
	type OnChargeTransaction = pallet_transaction_payment::FungibleAdapter<Balances, ()>;
	type WeightToFee = ConstantMultiplier<u64, WeightFee>;
	type LengthToFee = ConstantMultiplier<u64, WeightFee>;
}

impl pallet_utility::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = ();
}

pub const AUTHORITY: u64 = 1;
pub const MEMBER: u64 = 2;
pub const CITIZEN: u64 = 3;
pub const NO_REMARKS: u64 = 7;
pub const STRANGER: u64 = 9;

parameter_types! {
	/// The known accounts and their kinds.
	pub static Known: Vec<(u64, AccountKind)> = vec![
		(AUTHORITY, AccountKind::Authority),
		(MEMBER, AccountKind::Organization),
		(CITIZEN, AccountKind::Citizen),
		(NO_REMARKS, AccountKind::Citizen),
	];
	/// How many times an account's kind was looked up.
	pub static KindLookups: u32 = 0;
}

/// The storage key the test admission reads for every account.
pub const SHARED_KEY: &[u8] = b"the test admission's shared key";

pub struct TestAdmission;
impl Admission<u64> for TestAdmission {
	fn kind(who: &u64) -> Option<AccountKind> {
		KindLookups::mutate(|lookups| *lookups += 1);
		Known::get().into_iter().find(|(known, _)| known == who).map(|(_, kind)| kind)
	}

	fn shared_keys() -> Vec<Vec<u8>> {
		vec![SHARED_KEY.to_vec()]
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn admit_for_benchmark(who: &u64, kind: AccountKind) {
		Known::mutate(|known| known.push((*who, kind)));
	}
}

/// Forbids `NO_REMARKS` to remark, also inside a batch. Weighs each remark at one read.
pub struct TestCallRules;
impl CallRules<u64, RuntimeCall> for TestCallRules {
	fn check(who: &u64, call: &RuntimeCall) -> Result<(), InvalidTransaction> {
		match call {
			RuntimeCall::Utility(pallet_utility::Call::batch { calls }) =>
				calls.iter().try_for_each(|call| Self::check(who, call)),
			RuntimeCall::System(frame_system::Call::remark { .. }) if *who == NO_REMARKS =>
				Err(InvalidTransaction::Custom(codes::CALL_NOT_ALLOWED)),
			_ => Ok(()),
		}
	}

	fn weight(call: &RuntimeCall) -> Weight {
		match call {
			RuntimeCall::Utility(pallet_utility::Call::batch { calls }) =>
				calls.iter().map(Self::weight).fold(Weight::zero(), Weight::saturating_add),
			RuntimeCall::System(frame_system::Call::remark { .. }) =>
				<Test as frame_system::Config>::DbWeight::get().reads(1),
			_ => Weight::zero(),
		}
	}
}

impl pallet_permissions::Config for Test {
	type Admission = TestAdmission;
	type CallRules = TestCallRules;
	type CityOrigin = EnsureRoot<u64>;
	type WeightInfo = ();
}

/// Citizens' quota in the tests: 3 transactions per 10 blocks.
/// A citizen's transaction: at most 1,000 bytes and 1 ms of weight.
pub const CITIZEN_QUOTA: crate::Quota<u64> = crate::Quota {
	transactions: 3,
	window: 10,
	max_length: 1_000,
	max_weight: Weight::from_parts(1_000_000_000, u64::MAX),
};

/// A chain at block 1: citizens limited to [`CITIZEN_QUOTA`], the others unlimited; every
/// account but the stranger has a provider reference.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		balances: Default::default(),
		transaction_payment: Default::default(),
		permissions: pallet_permissions::GenesisConfig {
			quotas: vec![(AccountKind::Citizen, CITIZEN_QUOTA)],
		},
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		for who in [AUTHORITY, MEMBER, CITIZEN, NO_REMARKS] {
			frame_system::Pallet::<Test>::inc_providers(&who);
		}
	});
	ext
}
