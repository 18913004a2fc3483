//! A test runtime: System, Balances, ValidatorSet and the real pallet-session (in that order, as
//! in the runtime), `u64` accounts, `UintAuthorityId` session keys, Root as the city origin.
//!
//! A session handler stands in for Aura and GRANDPA: like them, it takes the new authorities
//! only when pallet-session says they changed, and records whether they did.

use crate as pallet_validator_set;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use sp_runtime::{
	key_types::DUMMY,
	testing::UintAuthorityId,
	traits::{ConvertInto, OpaqueKeys},
	BuildStorage, KeyTypeId,
};

type Block = frame_system::mocking::MockBlock<Test>;

// `ValidatorSet` before `Session`: its genesis must be built first (see the crate docs).
frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		ValidatorSet: pallet_validator_set,
		Session: pallet_session,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig as pallet_balances::DefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

/// Blocks per session in the tests: sessions rotate at blocks 5, 10, 15, ...
pub const SESSION_PERIOD: u64 = 5;
/// The fewest validators in the tests.
pub const MIN_VALIDATORS: u32 = 2;
/// The most validators in the tests.
pub const MAX_VALIDATORS: u32 = 5;

parameter_types! {
	/// The authorities the session handler holds, as Aura and GRANDPA would: the validators it
	/// was given at genesis or at the last rotation that reported a change.
	pub static Authorities: Vec<u64> = vec![];
	/// Whether the last rotation reported a change of authorities (GRANDPA schedules a change
	/// of its set exactly then).
	pub static LastChanged: bool = false;
}

/// Stands in for Aura and GRANDPA.
pub struct TestSessionHandler;
impl pallet_session::SessionHandler<u64> for TestSessionHandler {
	const KEY_TYPE_IDS: &'static [KeyTypeId] = &[DUMMY];

	fn on_genesis_session<Ks: OpaqueKeys>(validators: &[(u64, Ks)]) {
		Authorities::set(validators.iter().map(|(who, _)| *who).collect());
	}

	fn on_new_session<Ks: OpaqueKeys>(
		changed: bool,
		validators: &[(u64, Ks)],
		_queued_validators: &[(u64, Ks)],
	) {
		LastChanged::set(changed);
		if changed {
			Authorities::set(validators.iter().map(|(who, _)| *who).collect());
		}
	}

	fn on_disabled(_validator_index: u32) {}
}

type Periodic = pallet_session::PeriodicSessions<ConstU64<SESSION_PERIOD>, ConstU64<0>>;

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = u64;
	type ValidatorIdOf = ConvertInto;
	// As in the runtime: this pallet rotates sessions (`Config::Rotation`), not pallet-session.
	type ShouldEndSession = pallet_validator_set::NeverEndSession;
	type NextSessionRotation = Periodic;
	type SessionManager = ValidatorSet;
	type SessionHandler = TestSessionHandler;
	type Keys = UintAuthorityId;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	// As in the runtime: operators set their keys with a zero balance.
	type KeyDeposit = ConstU64<0>;
}

impl pallet_validator_set::Config for Test {
	type AddRemoveOrigin = EnsureRoot<u64>;
	type MinValidators = ConstU32<MIN_VALIDATORS>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type ValidatorRegistration = Session;
	type Rotation =
		pallet_validator_set::PeriodicRotation<Test, ConstU64<SESSION_PERIOD>, ConstU64<0>>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SessionKeysForBenchmarks;
}

/// Writes `UintAuthorityId(who)` as `who`'s session keys, as the runtime's helper writes its own
/// keys: directly into pallet-session's `NextKeys`.
#[cfg(feature = "runtime-benchmarks")]
pub struct SessionKeysForBenchmarks;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_validator_set::BenchmarkHelper<u64> for SessionKeysForBenchmarks {
	fn set_session_keys(who: &u64) {
		pallet_session::NextKeys::<Test>::insert(who, UintAuthorityId(*who));
	}
}

/// The genesis validators of [`new_test_ext`], each with session keys.
pub const GENESIS_VALIDATORS: [u64; 3] = [1, 2, 3];

/// Genesis validators 1, 2 and 3 with session keys, at block 1 of session 0.
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with(GENESIS_VALIDATORS.to_vec(), GENESIS_VALIDATORS.to_vec())
}

/// `validators` as this pallet's genesis validators, and `keyed` as the accounts given session
/// keys in pallet-session's genesis (`session.keys`), built in the runtime's order; at block 1.
pub fn new_test_ext_with(validators: Vec<u64>, keyed: Vec<u64>) -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		validator_set: ValidatorSetConfig { initial_validators: validators },
		session: SessionConfig { keys: session_keys(&keyed), ..Default::default() },
		..Default::default()
	}
	.build_storage()
	.unwrap();
	at_block_one(storage)
}

/// As [`new_test_ext_with`], both with `validators`, but with pallet-session's genesis built
/// before this pallet's: the wrong order in a runtime.
pub fn new_test_ext_session_first(validators: Vec<u64>) -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_session::GenesisConfig::<Test> { keys: session_keys(&validators), ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	pallet_validator_set::GenesisConfig::<Test> { initial_validators: validators }
		.assimilate_storage(&mut storage)
		.unwrap();
	at_block_one(storage)
}

/// `session.keys` entries: each account is its own validator id, with key `UintAuthorityId(a)`.
fn session_keys(accounts: &[u64]) -> Vec<(u64, u64, UintAuthorityId)> {
	accounts.iter().map(|&a| (a, a, UintAuthorityId(a))).collect()
}

/// Events are recorded from block 1 on.
fn at_block_one(storage: sp_runtime::Storage) -> sp_io::TestExternalities {
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs blocks up to the next session rotation, included.
pub fn next_session() {
	let index = pallet_session::CurrentIndex::<Test>::get();
	let next_rotation = (System::block_number() / SESSION_PERIOD + 1) * SESSION_PERIOD;
	System::run_to_block::<AllPalletsWithSystem>(next_rotation);
	assert_eq!(pallet_session::CurrentIndex::<Test>::get(), index + 1);
}
