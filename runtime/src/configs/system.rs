//! `frame_system` and `pallet_timestamp`: block limits, account data, time.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::Contains,
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_MILLIS},
		Weight,
	},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

use crate::{
	AccountId, Aura, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, BLOCK_HASH_COUNT, MILLISECS_PER_BLOCK, SLOT_DURATION,
	SS58_PREFIX, VERSION,
};

/// The share of a block's weight and length that normal (non-operational) extrinsics may use.
pub const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Authoring gets two thirds of the slot (the node's `SlotProportion`); the block's weight
/// budget is half the slot, so that a block full of weight is built, imported by every
/// validator and voted on by GRANDPA before the next slot starts.
const MAXIMUM_BLOCK_REF_TIME: u64 = WEIGHT_REF_TIME_PER_MILLIS * MILLISECS_PER_BLOCK / 2;

parameter_types! {
	pub const BlockHashCount: BlockNumber = BLOCK_HASH_COUNT;
	pub const Version: RuntimeVersion = VERSION;
	pub const SS58Prefix: u16 = SS58_PREFIX;

	/// A solochain has no proof-of-validity limit: proof size is unbounded.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(MAXIMUM_BLOCK_REF_TIME, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * *max
		})
		.build();
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// ParityDB is the node's database. To be replaced by `benchmark storage` results on a
	/// populated state.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = frame_support::traits::ConstU32<16>;
	type BaseCallFilter = CityCalls;
}

/// Every call but `pallet-assets`' own: the KRW deposit token moves only through
/// `DepositToken`, whose rules (banks mint and burn, admitted recipients, the city's freezes)
/// are the token's. Root (the city) is not filtered.
pub struct CityCalls;

impl Contains<RuntimeCall> for CityCalls {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(call, RuntimeCall::Assets(_))
	}
}

parameter_types! {
	pub const MinimumPeriod: u64 = SLOT_DURATION / 2;
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = MinimumPeriod;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}
