//! Weights measured on the project's machine:
//! - the base weights, by `scripts/base-weights.sh`: executing an empty block, a signed NO-OP
//!   extrinsic, and reading and writing one storage item of the populated state (100,000
//!   citizens) in ParityDB (and, for comparison only, in RocksDB);
//! - the polkadot-sdk pallets, by `scripts/weights.sh <name>`: `frame_system`, its transaction
//!   extensions, `pallet_balances`, `pallet_timestamp`, `pallet_transaction_payment`,
//!   `pallet_utility`, `pallet_sudo`, `pallet_membership`, `pallet_multisig`, `pallet_proxy`,
//!   `pallet_collective`, `pallet_assets`, and `pallet_session` (by the runtime's own
//!   benchmarks, `crate::benchmarks::session`).
//!
//! The project's own pallets keep theirs in `pallets/<name>/src/weights.rs`.
//!
//! `SIGNATURE_CHECK` below is measured by hand: `scripts/base-weights.sh` prints it.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_assets;
pub mod pallet_balances;
pub mod pallet_collective;
pub mod pallet_membership;
pub mod pallet_multisig;
pub mod pallet_proxy;
pub mod pallet_session;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_utility;
// The generated file documents the fields of a struct expression.
#[allow(unused_doc_comments)]
pub mod paritydb_weights;
/// RocksDB's database weights on the same populated state, for comparison
/// (`BASE_WEIGHTS_DATABASE=rocksdb ./scripts/base-weights.sh`): the runtime uses ParityDB's,
/// the validators' database.
#[allow(unused_doc_comments)]
pub mod rocksdb_weights;

use ::frame_system::ExtensionsWeightInfo as _;
use ::pallet_transaction_payment::WeightInfo as _;
use frame_support::{traits::Get, weights::Weight};
use pallet_permissions::WeightInfo as _;

pub use block_weights::BlockExecutionWeight;
pub use paritydb_weights::constants::ParityDbWeight;

/// One sr25519 signature check, the least a signed extrinsic costs: 38.51 µs per signature
/// (`seoul-node benchmark pallet --pallet frame_benchmarking --extrinsic sr25519_verification
/// --steps 20 --repeat 10`, with the runtime built by `scripts/weights.sh`).
pub const SIGNATURE_CHECK: Weight = Weight::from_parts(38_510_000, 0);

/// The weight of a signed extrinsic beyond its call's weight and its transaction extensions'
/// weights: decoding it, checking its signature, applying it.
///
/// `benchmark overhead` measures blocks of signed `System::remark`s, so its figure
/// ([`extrinsic_weights::ExtrinsicBaseWeight`]) holds the work of every transaction extension
/// too, which each extension weighs again (polkadot-sdk issue 9981). The extensions' computing
/// part, as their benchmarks measured it, is taken out here, with the remark's own weight. Their
/// storage reads and writes are not: the measured remarks all come from one account, whose
/// storage is cached after the first, while real transactions come from many.
///
/// Benchmarked one at a time, the extensions may add up to more than the whole measured
/// remark: the base is then the signature check, [`SIGNATURE_CHECK`], which no extension
/// weighs.
///
/// The counts of reads and writes are those of the extensions' generated weight functions
/// (`pallets/permissions/src/weights.rs`, `pallet_transaction_payment.rs` here; the system
/// extensions' have none).
pub struct ExtrinsicBaseWeight;

impl Get<Weight> for ExtrinsicBaseWeight {
	fn get() -> Weight {
		let db = ParityDbWeight::get();
		let ours = PermissionsWeight::check_permission()
			+ PermissionsWeight::check_sender().saturating_sub(db.reads_writes(5, 2));
		let payment = TransactionPaymentWeight::charge_transaction_payment()
			.saturating_sub(db.reads_writes(1, 1));
		let system = SystemExtensionsWeight::check_non_zero_sender()
			+ SystemExtensionsWeight::check_spec_version()
			+ SystemExtensionsWeight::check_tx_version()
			+ SystemExtensionsWeight::check_genesis()
			+ SystemExtensionsWeight::check_mortality_immortal_transaction()
			+ SystemExtensionsWeight::check_weight()
			+ SystemExtensionsWeight::weight_reclaim();
		let remark = <SystemWeight as ::frame_system::WeightInfo>::remark(0);
		extrinsic_weights::ExtrinsicBaseWeight::get()
			.saturating_sub(ours + payment + system + remark)
			.max(SIGNATURE_CHECK)
	}
}

type PermissionsWeight = <crate::Runtime as pallet_permissions::Config>::WeightInfo;
type TransactionPaymentWeight =
	<crate::Runtime as ::pallet_transaction_payment::Config>::WeightInfo;
type SystemWeight = <crate::Runtime as ::frame_system::Config>::SystemWeightInfo;
type SystemExtensionsWeight = <crate::Runtime as ::frame_system::Config>::ExtensionsWeightInfo;

#[cfg(test)]
mod tests {
	use super::*;

	/// The base keeps at least the signature check, and never more than was measured.
	#[test]
	fn extrinsic_base_weight_keeps_the_signature_check() {
		let base = ExtrinsicBaseWeight::get();
		assert!(base.ref_time() >= SIGNATURE_CHECK.ref_time(), "base {base:?}");
		assert!(base.ref_time() <= extrinsic_weights::ExtrinsicBaseWeight::get().ref_time());
	}
}
