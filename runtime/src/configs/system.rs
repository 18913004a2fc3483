//! `frame_system` and `pallet_timestamp`: block limits, account data, time.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{Contains, Get},
	weights::{constants::WEIGHT_REF_TIME_PER_MILLIS, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

use crate::{
	weights::{self, BlockExecutionWeight, ExtrinsicBaseWeight, ParityDbWeight},
	AccountId, Aura, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, BLOCK_HASH_COUNT, MILLISECS_PER_BLOCK, SLOT_DURATION,
	SS58_PREFIX, VERSION,
};

/// The share of a block's weight and length that normal (non-operational) extrinsics may use.
/// The rest (150 ms of weight) is kept for operational ones (governance, an account's
/// suspension) under load. FRAME's templates keep 25 %: here that is a sixth of the payments a
/// block holds (1,342 instead of 1,617; docs/performance.md).
pub const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(90);

/// A block may weigh three quarters of the slot (1.5 s; its normal class 1.35 s). Authoring
/// gets two thirds of the slot (the node's `SlotProportion`), and the proposer stops pushing
/// transactions at 90 % of that (1.2 s). Weights are worst cases (cold database reads): a full
/// block of 1,342 S-coin payments measured 0.36-0.43 s to import on a warm node and 1.14 s on
/// a cold one (`seoul-node benchmark block`, docs/performance.md), so a block is built,
/// imported by every validator and voted on by GRANDPA within its slot.
const MAXIMUM_BLOCK_REF_TIME: u64 = WEIGHT_REF_TIME_PER_MILLIS * MILLISECS_PER_BLOCK * 3 / 4;

parameter_types! {
	pub const BlockHashCount: BlockNumber = BLOCK_HASH_COUNT;
	pub const Version: RuntimeVersion = VERSION;
	pub const SS58Prefix: u16 = SS58_PREFIX;

	/// The base weights measured on this machine (`crate::weights`); normal extrinsics get
	/// [`NORMAL_DISPATCH_RATIO`] of the block, operational ones the rest. A solochain has no
	/// proof-of-validity limit: proof size is unbounded.
	pub RuntimeBlockWeights: BlockWeights = {
		let max_block = Weight::from_parts(MAXIMUM_BLOCK_REF_TIME, u64::MAX);
		let normal = NORMAL_DISPATCH_RATIO * max_block;
		BlockWeights::builder()
			.base_block(BlockExecutionWeight::get())
			.for_class(DispatchClass::all(), |weights| {
				weights.base_extrinsic = ExtrinsicBaseWeight::get();
			})
			.for_class(DispatchClass::Normal, |weights| weights.max_total = Some(normal))
			.for_class(DispatchClass::Operational, |weights| {
				weights.max_total = Some(max_block);
				weights.reserved = Some(max_block - normal);
			})
			.avg_block_initialization(Perbill::from_percent(10))
			.build_or_panic()
	};
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
	/// ParityDB, the node's database, as `benchmark storage` measured it on a populated state.
	type DbWeight = ParityDbWeight;
	type SystemWeightInfo = weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = weights::frame_system_extensions::WeightInfo<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = frame_support::traits::ConstU32<16>;
	type BaseCallFilter = CityCalls;
}

/// Every call but:
/// - `pallet-assets`' own: the KRW deposit token moves only through `DepositToken`, whose rules
///   (banks mint and burn, admitted recipients, the city's freezes) are the token's;
/// - `councilMembership.changeKey`, by which a council member would move its seat to another
///   account: the council's membership is the city origin's alone (the city's seat, moved so,
///   would leave the council and a chain without sudo ungovernable).
///
/// Root (the city) is not filtered. The pool refuses what this filter refuses to a signed origin
/// (`NestedCalls`), so such calls are not included to fail.
pub struct CityCalls;

impl Contains<RuntimeCall> for CityCalls {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(
			call,
			RuntimeCall::Assets(_) |
				RuntimeCall::CouncilMembership(pallet_membership::Call::change_key { .. })
		)
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
	type WeightInfo = weights::pallet_timestamp::WeightInfo<Runtime>;
}
