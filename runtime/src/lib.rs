//! # Seoul city chain runtime
//!
//! One runtime for the city's authority network: Aura authoring and GRANDPA finality over
//! 2-second blocks, the native S-coin in `Balances` with fees set to zero, and one pallet per
//! city service. The pallets' configuration lives in [`configs`], one file per area; the
//! runtime APIs in [`apis`]; the genesis presets in [`genesis_config_presets`].

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime!` does a lot of recursion and requires us to increase the limit.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

extern crate alloc;

use alloc::{borrow::Cow, vec::Vec};
use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
pub use seoul_primitives::{AccountId, Balance, BlockNumber, Hash, Nonce, Signature};
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node needs to know of the runtime's types without depending on its
/// calls and events.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
}

impl_opaque_keys! {
	/// The keys a validator sets through `Session::set_keys`: Aura for authoring, GRANDPA for
	/// finality.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// The runtime's version. Bump `spec_version` with every change of runtime logic, and
/// `transaction_version` whenever the encoding of calls or transaction extensions changes.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("seoul-city-chain"),
	impl_name: Cow::Borrowed("seoul-city-chain"),
	authoring_version: 1,
	spec_version: 111,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 3,
	system_version: 1,
};

/// Block time, fixed from genesis: Aura's slot cannot change on a running chain, and every
/// period counted in blocks derives from it.
pub const MILLISECS_PER_BLOCK: u64 = 2000;
/// Aura's slot duration: one block per slot.
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

/// Blocks per minute, hour and day, derived from [`MILLISECS_PER_BLOCK`].
pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;
pub const DAYS: BlockNumber = HOURS * 24;

/// Blocks per session: validator-set changes take effect one to two sessions after they are
/// made, so sessions are kept short (20 seconds).
pub const SESSION_PERIOD: BlockNumber = 10;

/// Block hashes kept for mortal transactions: one day.
pub const BLOCK_HASH_COUNT: BlockNumber = DAYS;

/// One S-coin. The chain has 0 decimals: one unit is one won of city mileage.
pub const SCOIN: Balance = 1;
/// The token symbol and decimals that chain specs and the metadata hash announce.
pub const TOKEN_SYMBOL: &str = "SCOIN";
pub const TOKEN_DECIMALS: u8 = 0;
/// The smallest balance an account may hold without a provider reference from an admission.
pub const EXISTENTIAL_DEPOSIT: Balance = SCOIN;
/// The SS58 address format of the chain: 42, the generic Substrate format, until the city
/// registers its own.
pub const SS58_PREFIX: u16 = 42;

/// The address format for describing accounts.
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;
/// Block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block with its justifications.
pub type SignedBlock = generic::SignedBlock<Block>;
/// A block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions, checked in this order. Every one has empty explicit and
/// implicit data but for the standard ones, so polkadot-js signs without custom setup.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	// The sender's admission (first, so that an unknown account gets its own error, not "no
	// provider"), then `frame_system::CheckNonce` (same identifier and data), then its rate limit.
	pallet_permissions::CheckSender<Runtime>,
	// The rules on calls, and the accounts nested calls act for: after the sender's admission,
	// so that a stranger's call is refused before it is walked.
	pallet_permissions::CheckPermission<Runtime>,
	frame_system::CheckWeight<Runtime>,
	// `pallet_transaction_payment::ChargeTransactionPayment` (same identifier and data), which
	// fees of zero leave with nothing to do but charge tips.
	pallet_permissions::FreeUnlessTipped<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations of the next runtime upgrade: each runs once, by storage version.
type Migrations = (pallet_permissions::migrations::v1::MigrateToV1<Runtime>,);

/// Executive: handles dispatch to the various pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// [`seoul_primitives::BatchBlockBuilder::apply_extrinsics`]: applies `extrinsics` in order,
/// each as `BlockBuilder::apply_extrinsic` would in its own storage transaction, which an
/// extrinsic that is not valid here rolls back. Stops after the first extrinsic that would
/// exhaust the block's resources.
///
/// # The invariant that lets it exist
///
/// Every extrinsic gets exactly the result `Executive::apply_extrinsic` gives it when the node
/// applies it alone (`sc_block_builder`, one runtime call each) and when an importer executes
/// the block (`Executive::execute_block`), so the block this builds is the block importers
/// execute, state root and events alike. That holds by construction, because:
/// - each extrinsic is applied by `Executive::apply_extrinsic` itself, on the state the
///   extrinsics before it left, as in the block;
/// - the storage transaction around it is the host's ([`sp_io::storage::start_transaction`]),
///   the same kind `sc_block_builder` opens around each call. It is invisible to the runtime:
///   FRAME's transactional layers, counted in `:transaction_level:` up to
///   `TRANSACTIONAL_LIMIT`, are not touched, so a call nests exactly as deep as on import.
///   (FRAME's `with_transaction` would add one layer, and a call nested just under the limit
///   would fail here and succeed on import: a block every peer rejects.)
/// - an extrinsic that is not valid is rolled back, leaving no trace, as the node leaves it
///   out of the block; one that is applied, whatever its dispatch result, is kept;
/// - the runtime keeps nothing between extrinsics outside storage: no static, no cache
///   (the signature cache is the node's, answering sr25519 checks as the host function would).
///
/// `runtime/tests/authoring.rs` guards it for every call shape the project has.
pub fn apply_extrinsics(
	extrinsics: &[UncheckedExtrinsic],
) -> Vec<sp_runtime::ApplyExtrinsicResult> {
	use sp_io::storage::{commit_transaction, rollback_transaction, start_transaction};
	let mut results = Vec::with_capacity(extrinsics.len());
	for extrinsic in extrinsics {
		start_transaction();
		let result = Executive::apply_extrinsic(extrinsic.clone());
		if result.is_ok() {
			commit_transaction();
		} else {
			rollback_transaction();
		}
		let exhausted = matches!(&result, Err(e) if e.exhausted_resources());
		results.push(result);
		if exhausted {
			break;
		}
	}
	results
}

/// [`seoul_primitives::BatchTransactionQueue::validate_transactions`]: validates each of
/// `extrinsics` as `TaggedTransactionQueue::validate_transaction` would on its own, in a storage
/// transaction rolled back afterwards, so each sees the state the call is made on.
///
/// Same invariant as [`apply_extrinsics`]: `Executive::validate_transaction` itself, in a
/// storage transaction of the host's that FRAME's layers do not see, rolled back.
pub fn validate_transactions(
	source: sp_runtime::transaction_validity::TransactionSource,
	extrinsics: &[UncheckedExtrinsic],
	block_hash: Hash,
) -> Vec<sp_runtime::transaction_validity::TransactionValidity> {
	use sp_io::storage::{rollback_transaction, start_transaction};
	extrinsics
		.iter()
		.map(|extrinsic| {
			start_transaction();
			let validity = Executive::validate_transaction(source, extrinsic.clone(), block_hash);
			rollback_transaction();
			validity
		})
		.collect()
}

// Pallet indices are part of the encoding of calls and events: never renumber them.
#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	// Consensus. The runtime builds genesis and runs hooks in the order of the pallet indices:
	// ValidatorSet before Session, whose genesis asks it for the genesis validators; Session
	// before Aura and Grandpa, whose authorities it initializes from `session.keys`.
	#[runtime::pallet_index(9)]
	pub type ValidatorSet = pallet_validator_set;
	#[runtime::pallet_index(10)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(11)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(12)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(13)]
	pub type NodeAuthorization = pallet_node_authorization;

	// Money.
	#[runtime::pallet_index(20)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(21)]
	pub type TransactionPayment = pallet_transaction_payment;
	// The KRW deposit token (asset 1); its calls are filtered, `DepositToken` fronts it.
	#[runtime::pallet_index(22)]
	pub type Assets = pallet_assets;

	// Accounts acting together or for others.
	#[runtime::pallet_index(30)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(31)]
	pub type Multisig = pallet_multisig;
	#[runtime::pallet_index(32)]
	pub type Proxy = pallet_proxy;

	// Governance. Sudo has a key on the dev chain only; everywhere, the council's motions
	// carried with the city's aye (`CityCouncil::enact`) dispatch as Root.
	#[runtime::pallet_index(40)]
	pub type Sudo = pallet_sudo;
	#[runtime::pallet_index(41)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(42)]
	pub type CouncilMembership = pallet_membership<Instance1>;
	#[runtime::pallet_index(43)]
	pub type CityCouncil = pallet_city_council;

	// City services.
	#[runtime::pallet_index(50)]
	pub type Registry = pallet_registry;
	#[runtime::pallet_index(51)]
	pub type Permissions = pallet_permissions;
	#[runtime::pallet_index(52)]
	pub type CitizenCard = pallet_citizen_card;
	#[runtime::pallet_index(53)]
	pub type SCoin = pallet_s_coin;
	#[runtime::pallet_index(54)]
	pub type DepositToken = pallet_deposit_token;
}
