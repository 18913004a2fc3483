//! The pool's runtime validations in batches: many transactions in one runtime call
//! (`seoul_primitives::BatchTransactionQueue::validate_transactions`), as the proposer applies
//! them (`BatchBlockBuilder`).
//!
//! A runtime call costs the node a fresh WebAssembly instance, whose memory faults in page by
//! page, and a state and trie cache built and dropped: for a payment, more than validating it
//! (docs/performance.md, *Profile*). polkadot-sdk's pool makes one call per transaction.
//! Here the validations that reach the runtime queue for one thread, which takes all that are
//! waiting, up to [`MAX_BATCH`], and validates those made at the same block from the same
//! source in one call. Nothing waits for a batch to fill: while a call runs, the next
//! validations queue, so batches grow with the load and a lone submission is validated at
//! once.
//!
//! Submissions and the pool's upkeep validations share this one queue, in order of arrival:
//! polkadot-sdk's own path gives submissions threads of their own, apart from upkeep. Under a
//! backlog a submission may wait behind the upkeep validations queued before it, validated
//! many to a call; most upkeep validations never reach the queue, answered by `pool_api`.
//!
//! The runtime gives each transaction of a batch the result it would give it on its own (each
//! validated in a storage transaction rolled back afterwards). When it cannot (a runtime whose
//! version lacks the batch call, or a call that fails, as a panic in one transaction's
//! validation would fail it), each transaction of the batch is validated as polkadot-sdk's pool
//! does, one call each, and gets its own result or error.

use std::sync::Arc;

use futures::{
	channel::{mpsc, oneshot},
	FutureExt, StreamExt,
};
use sc_client_api::HeaderBackend;
use seoul_primitives::BatchTransactionQueue;
use seoul_runtime::{opaque::Block, Hash};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_runtime::{
	traits::Block as BlockT,
	transaction_validity::{TransactionSource, TransactionValidity},
};
use substrate_prometheus_endpoint::{register, Counter, PrometheusError, Registry, U64};

use crate::service::FullClient;

/// The most transactions validated in one runtime call: as many as the proposer applies in one.
pub const MAX_BATCH: usize = 256;

type Extrinsic = <Block as BlockT>::Extrinsic;

/// A validation waiting for its batch; its answer is `None` when the batch could not be made.
struct Request {
	at: Hash,
	source: TransactionSource,
	uxt: Arc<Extrinsic>,
	answer: oneshot::Sender<Option<TransactionValidity>>,
}

/// The batch's counters.
#[derive(Clone)]
struct Metrics {
	batches: Counter<U64>,
	batched: Counter<U64>,
}

impl Metrics {
	fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		Ok(Self {
			batches: register(
				Counter::new(
					"seoul_txpool_validation_batches_total",
					"the transaction pool's runtime calls validating a batch of transactions",
				)?,
				registry,
			)?,
			batched: register(
				Counter::new(
					"seoul_txpool_validations_batched_total",
					"the transactions the pool validated in batches, one runtime result each",
				)?,
				registry,
			)?,
		})
	}
}

/// The queue of validations for the batch thread.
pub struct BatchValidator {
	requests: mpsc::UnboundedSender<Request>,
}

impl BatchValidator {
	/// Starts the batch thread, which validates through `client`; its counters
	/// `seoul_txpool_validation_batches_total` and `seoul_txpool_validations_batched_total` in
	/// `registry`.
	pub fn new(
		client: Arc<FullClient>,
		registry: Option<&Registry>,
		spawner: &impl sp_core::traits::SpawnEssentialNamed,
	) -> Result<Self, PrometheusError> {
		let metrics = registry.map(Metrics::register).transpose()?;
		let (requests, queue) = mpsc::unbounded();
		spawner.spawn_essential_blocking(
			"txpool-batch-validation",
			Some("transaction-pool"),
			run(client, queue, metrics).boxed(),
		);
		Ok(Self { requests })
	}

	/// The runtime's result for `uxt` from `source` at `at`, validated in a batch; `None` when
	/// the batch could not be made (the caller then validates it on its own).
	pub async fn validate(
		&self,
		at: Hash,
		source: TransactionSource,
		uxt: Arc<Extrinsic>,
	) -> Option<TransactionValidity> {
		let (answer, answered) = oneshot::channel();
		self.requests.unbounded_send(Request { at, source, uxt, answer }).ok()?;
		answered.await.ok().flatten()
	}
}

/// The batch thread: takes every validation waiting, up to [`MAX_BATCH`], and validates them
/// a group at a time, until the queue is dropped.
async fn run(
	client: Arc<FullClient>,
	mut queue: mpsc::UnboundedReceiver<Request>,
	metrics: Option<Metrics>,
) {
	while let Some(first) = queue.next().await {
		let mut waiting = vec![first];
		while waiting.len() < MAX_BATCH {
			match queue.try_recv() {
				Ok(request) => waiting.push(request),
				Err(_) => break,
			}
		}
		for group in groups(waiting) {
			validate_group(&client, group, metrics.as_ref());
		}
	}
}

/// `requests` grouped by the block and source they are validated for (one runtime call each),
/// in order of arrival within a group.
fn groups(requests: Vec<Request>) -> Vec<Vec<Request>> {
	let mut groups: Vec<Vec<Request>> = Vec::new();
	for request in requests {
		match groups
			.iter_mut()
			.find(|group| group[0].at == request.at && group[0].source == request.source)
		{
			Some(group) => group.push(request),
			None => groups.push(vec![request]),
		}
	}
	groups
}

/// Validates `group` (requests of one block and source, at least one) in one runtime call and
/// answers each request; answers `None` to all when the call cannot be made.
fn validate_group(client: &FullClient, group: Vec<Request>, metrics: Option<&Metrics>) {
	let (at, source) = (group[0].at, group[0].source);
	let extrinsics: Vec<Extrinsic> = group.iter().map(|request| (*request.uxt).clone()).collect();
	let api = client.runtime_api();
	let results = match api.has_api::<dyn BatchTransactionQueue<Block>>(at) {
		Ok(true) => match api.validate_transactions(at, source, &extrinsics, at) {
			Ok(results) if results.len() == extrinsics.len() => Some(results),
			Ok(results) => {
				log::warn!(
					target: "txpool",
					"batch validation at {at:?}: {} results for {} transactions; validating \
					 them one by one",
					results.len(),
					extrinsics.len(),
				);
				None
			},
			Err(error) => {
				log::debug!(
					target: "txpool",
					"batch validation of {} transactions at {at:?} failed ({error}); validating \
					 them one by one",
					extrinsics.len(),
				);
				None
			},
		},
		// A runtime without the batch call, or a block whose state is gone: one by one, and
		// the pool's own path says what is wrong.
		_ => None,
	};
	let Some(results) = results else {
		for request in group {
			let _ = request.answer.send(None);
		}
		return;
	};
	if let Some(metrics) = metrics {
		metrics.batches.inc();
		metrics.batched.inc_by(results.len() as u64);
	}
	log::trace!(
		target: "txpool",
		"validated {} transactions at #{:?} in one runtime call",
		results.len(),
		client.number(at).ok().flatten(),
	);
	for (request, result) in group.into_iter().zip(results) {
		let _ = request.answer.send(Some(result));
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::H256;

	fn request(at: u8, source: TransactionSource) -> Request {
		Request {
			at: H256::repeat_byte(at),
			source,
			uxt: Arc::new(sp_runtime::OpaqueExtrinsic::from_blob(vec![at])),
			answer: oneshot::channel().0,
		}
	}

	#[test]
	fn groups_by_block_and_source_in_order_of_arrival() {
		let external = TransactionSource::External;
		let local = TransactionSource::Local;
		let grouped = groups(vec![
			request(1, external),
			request(2, external),
			request(1, local),
			request(1, external),
			request(2, external),
		]);
		let keys: Vec<Vec<(Hash, TransactionSource)>> =
			grouped.iter().map(|group| group.iter().map(|r| (r.at, r.source)).collect()).collect();
		let key = |at: u8, source| (H256::repeat_byte(at), source);
		assert_eq!(
			keys,
			vec![
				vec![key(1, external), key(1, external)],
				vec![key(2, external), key(2, external)],
				vec![key(1, local)],
			]
		);
	}
}
