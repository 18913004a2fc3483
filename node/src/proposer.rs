//! The block proposer: builds Aura's blocks from the transaction pool, many transactions per
//! runtime call.
//!
//! It is `sc-basic-authorship`'s proposer with one difference. The basic proposer makes one
//! runtime call (`BlockBuilder::apply_extrinsic`) per transaction. Each call costs the node
//! a fresh WebAssembly instance, whose memory faults in page by page, a state and trie cache
//! built and dropped, and the copies across the host boundary. For a payment those cost about as
//! much as the payment itself. This proposer hands the runtime a batch of the pool's
//! transactions at a time (`seoul_primitives::BatchBlockBuilder::apply_extrinsics`). The
//! runtime applies each in its own storage transaction, exactly as `apply_extrinsic` would.
//!
//! What stays the same as the basic proposer:
//! - the block: importers execute it with `Core::execute_block` as any other;
//! - the slot's share of time, which Aura gives it;
//! - the size limit (4 MiB by default), and up to eight transactions skipped when the block is
//!   full, more until half the time is gone;
//! - transactions found invalid are reported to the pool;
//! - the log line ("Prepared block for proposing ..."), and the Prometheus metrics
//!   (`substrate_proposer_*`).
//!
//! A batch's size adapts to the time left: half of what the last batch's rate says fits, so
//! the deadline is overrun by a fraction of a batch at most. A runtime without the batch API
//! (or a batch whose call fails) is applied one transaction per call, as the basic proposer
//! does.
//!
//! The deadline keeps time for finishing the block ([`FinishTime`]). The basic proposer stops
//! applying transactions at nine tenths of its time and leaves the last tenth for
//! `finalize_block` and the storage changes, whose cost, mostly the state root, grows with what
//! the block changed. A block of 3,000 payments built under load took more than that tenth to
//! finish on the project's machine, and Aura discarded it ("block production took too long"):
//! the slot was lost with all the work. This proposer stops when the time left would not cover
//! finishing the block at the rate measured on the blocks it finished before.

use std::{
	collections::VecDeque,
	pin::Pin,
	sync::{
		atomic::{AtomicU64, Ordering},
		Arc,
	},
	time,
};

use codec::Encode;
use futures::{channel::oneshot, future, Future, FutureExt};
use log::{debug, error, info, trace, warn};
use sc_proposer_metrics::{EndProposingReason, MetricsLink};
use sc_telemetry::{telemetry, TelemetryHandle, CONSENSUS_INFO};
use sc_transaction_pool_api::{InPoolTransaction, TransactionPool, TxInvalidityReportMap};
use seoul_primitives::BatchBlockBuilder;
use sp_api::{ApiExt, ApiRef, CallApiAt, Core, ProvideRuntimeApi, TransactionOutcome};
use sp_block_builder::BlockBuilder as BlockBuilderApi;
use sp_blockchain::{ApplyExtrinsicFailed, HeaderBackend};
use sp_consensus::{Proposal, ProposeArgs};
use sp_core::traits::{CallContext, SpawnNamed};
use sp_runtime::{
	traits::{Block as BlockT, Header as HeaderT, One},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	ApplyExtrinsicResult, ExtrinsicInclusionMode, Percent, SaturatedConversion,
};

const LOG_TARGET: &str = "proposer";

/// The block size limit when Aura gives none: the basic proposer's.
pub const DEFAULT_BLOCK_SIZE_LIMIT: usize = sc_basic_authorship::DEFAULT_BLOCK_SIZE_LIMIT;

/// Transactions that would overflow the block tried before giving up, whatever the time.
const MAX_SKIPPED_TRANSACTIONS: usize = 8;

/// After this share of the time left, a full block is not tried further.
const SOFT_DEADLINE: Percent = Percent::from_percent(50);

/// The most transactions in one runtime call: large enough that the call's fixed cost is
/// spread thin, small enough that a batch takes a few tens of milliseconds.
pub const MAX_BATCH: usize = 256;

/// The first batch of a block, before its rate is known.
const FIRST_BATCH: usize = 32;

/// The share of the proposing time kept whatever the block holds, one twentieth: for the
/// runtime's `on_finalize` hooks, sealing the block and handing it back to Aura.
const FIXED_MARGIN: u32 = 20;

/// How long finishing a block (`finalize_block` and its storage changes: mostly the state
/// root) takes per transaction it holds, as measured on the blocks this node finished: the time
/// the proposer keeps for it. Shared by the proposers of one factory.
#[derive(Clone, Debug)]
pub struct FinishTime {
	nanos_per_transaction: Arc<AtomicU64>,
}

impl FinishTime {
	/// The rate before any block was measured: 100 µs a transaction. On the project's machine,
	/// blocks of 1,500–3,000 payments took 40–175 µs a payment to finish while the pool took
	/// 1,700 submissions a second, and 10–15 µs without them.
	pub const INITIAL: time::Duration = time::Duration::from_micros(100);

	/// The fewest transactions a block must hold for its finishing time to update the rate:
	/// in smaller blocks the fixed part dominates.
	pub const MIN_MEASURED: usize = 100;

	/// A new estimate, at [`Self::INITIAL`].
	pub fn new() -> Self {
		Self { nanos_per_transaction: Arc::new(AtomicU64::new(Self::INITIAL.as_nanos() as u64)) }
	}

	/// The time to keep for finishing a block of `transactions`: the rate times the count, and
	/// a quarter more, since one block may finish slower than the ones before.
	pub fn reserve(&self, transactions: usize) -> time::Duration {
		let nanos = self.per_transaction().as_nanos() as u64;
		time::Duration::from_nanos(nanos.saturating_mul(transactions as u64).saturating_mul(5) / 4)
	}

	/// The current rate.
	pub fn per_transaction(&self) -> time::Duration {
		time::Duration::from_nanos(self.nanos_per_transaction.load(Ordering::Relaxed))
	}

	/// Takes in that a block of `transactions` took `took` to finish: the rate moves halfway
	/// to this block's.
	pub fn record(&self, transactions: usize, took: time::Duration) {
		if transactions < Self::MIN_MEASURED {
			return;
		}
		let measured = (took.as_nanos() / transactions as u128).min(u64::MAX as u128) as u64;
		let _ =
			self.nanos_per_transaction.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |old| {
				Some(old / 2 + measured / 2)
			});
	}
}

impl Default for FinishTime {
	fn default() -> Self {
		Self::new()
	}
}

/// Makes a [`Proposer`] on top of each parent Aura builds on.
pub struct ProposerFactory<A, C> {
	spawn_handle: Box<dyn SpawnNamed>,
	client: Arc<C>,
	transaction_pool: Arc<A>,
	metrics: MetricsLink,
	telemetry: Option<TelemetryHandle>,
	finish_time: FinishTime,
}

impl<A, C> ProposerFactory<A, C> {
	/// A factory for blocks built from `transaction_pool` on `client`'s state. Proposing runs
	/// on a blocking task of `spawn_handle`.
	pub fn new(
		spawn_handle: impl SpawnNamed + 'static,
		client: Arc<C>,
		transaction_pool: Arc<A>,
		metrics: MetricsLink,
		telemetry: Option<TelemetryHandle>,
	) -> Self {
		Self {
			spawn_handle: Box::new(spawn_handle),
			client,
			transaction_pool,
			metrics,
			telemetry,
			finish_time: FinishTime::new(),
		}
	}
}

impl<A, Block, C> sp_consensus::Environment<Block> for ProposerFactory<A, C>
where
	A: TransactionPool<Block = Block> + 'static,
	Block: BlockT,
	C: HeaderBackend<Block> + ProvideRuntimeApi<Block> + CallApiAt<Block> + Send + Sync + 'static,
	C::Api: ApiExt<Block> + BlockBuilderApi<Block> + BatchBlockBuilder<Block>,
{
	type CreateProposer = future::Ready<Result<Self::Proposer, Self::Error>>;
	type Proposer = Proposer<Block, C, A>;
	type Error = sp_blockchain::Error;

	fn init(&mut self, parent_header: &Block::Header) -> Self::CreateProposer {
		let parent_hash = parent_header.hash();
		info!(
			"🙌 Starting consensus session on top of parent {parent_hash:?} (#{})",
			parent_header.number()
		);
		future::ready(Ok(Proposer {
			spawn_handle: self.spawn_handle.clone(),
			client: self.client.clone(),
			parent_hash,
			parent_number: *parent_header.number(),
			transaction_pool: self.transaction_pool.clone(),
			metrics: self.metrics.clone(),
			telemetry: self.telemetry.clone(),
			finish_time: self.finish_time.clone(),
		}))
	}
}

/// Puts `untried`, taken in order, back in front of the transactions still to try.
fn put_back<T>(carried: &mut VecDeque<T>, untried: Vec<T>) {
	for tx in untried.into_iter().rev() {
		carried.push_front(tx);
	}
}

/// Builds one block on one parent.
pub struct Proposer<Block: BlockT, C, A> {
	spawn_handle: Box<dyn SpawnNamed>,
	client: Arc<C>,
	parent_hash: Block::Hash,
	parent_number: <Block::Header as HeaderT>::Number,
	transaction_pool: Arc<A>,
	metrics: MetricsLink,
	telemetry: Option<TelemetryHandle>,
	finish_time: FinishTime,
}

impl<A, Block, C> sp_consensus::Proposer<Block> for Proposer<Block, C, A>
where
	A: TransactionPool<Block = Block> + 'static,
	Block: BlockT,
	C: HeaderBackend<Block> + ProvideRuntimeApi<Block> + CallApiAt<Block> + Send + Sync + 'static,
	C::Api: ApiExt<Block> + BlockBuilderApi<Block> + BatchBlockBuilder<Block>,
{
	type Proposal = Pin<Box<dyn Future<Output = Result<Proposal<Block>, Self::Error>> + Send>>;
	type Error = sp_blockchain::Error;

	fn propose(self, args: ProposeArgs<Block>) -> Self::Proposal {
		let (tx, rx) = oneshot::channel();
		let spawn_handle = self.spawn_handle.clone();
		// Building is CPU-bound: off the async executor's threads.
		spawn_handle.spawn_blocking(
			"block-proposer",
			None,
			async move {
				if tx.send(self.propose_with(args).await).is_err() {
					trace!(target: LOG_TARGET, "Block production result not awaited");
				}
			}
			.boxed(),
		);
		async move { rx.await? }.boxed()
	}
}

/// A pool transaction taken into the block being built.
type PoolTx<A> = Arc<<A as TransactionPool>::InPoolTransaction>;

/// What one batch applied.
enum Applied {
	/// Results for a prefix of the batch (all of it unless the block filled). An `Err` is a
	/// transaction the runtime could not apply at all (it trapped), which changed nothing.
	Results(Vec<Result<ApplyExtrinsicResult, sp_api::ApiError>>),
	/// The batch's call failed (the runtime trapped): it changed nothing.
	Failed(sp_api::ApiError),
}

impl<A, Block, C> Proposer<Block, C, A>
where
	A: TransactionPool<Block = Block> + 'static,
	Block: BlockT,
	C: HeaderBackend<Block> + ProvideRuntimeApi<Block> + CallApiAt<Block> + Send + Sync + 'static,
	C::Api: ApiExt<Block> + BlockBuilderApi<Block> + BatchBlockBuilder<Block>,
{
	async fn propose_with(
		self,
		args: ProposeArgs<Block>,
	) -> Result<Proposal<Block>, sp_blockchain::Error> {
		let ProposeArgs {
			inherent_data,
			inherent_digests,
			max_duration,
			block_size_limit,
			storage_proof_recorder,
			extra_extensions,
		} = args;
		let started = time::Instant::now();
		// The block must be finished by then; applying transactions stops earlier, by the time
		// finishing what was applied takes (`FinishTime`).
		let end = started + max_duration - max_duration / FIXED_MARGIN;

		let mut api = self.client.runtime_api();
		if let Some(recorder) = storage_proof_recorder {
			api.record_proof_with_recorder(recorder);
		}
		extra_extensions.into_extensions().for_each(|e| api.register_extension(e));
		api.set_call_context(CallContext::Onchain { import: false });
		let header = Block::Header::new(
			self.parent_number + One::one(),
			Default::default(),
			Default::default(),
			self.parent_hash,
			inherent_digests,
		);
		let mut block: Building<'_, Block, C> = Building {
			api,
			parent_hash: self.parent_hash,
			extrinsics: Vec::new(),
			size: header.encoded_size(),
			batched: false,
		};
		let mode = block.api.initialize_block(self.parent_hash, &header)?;
		block.batched = block.api.has_api::<dyn BatchBlockBuilder<Block>>(self.parent_hash)?;

		let inherents_started = time::Instant::now();
		let inherents = block.api.execute_in_transaction(|api| {
			TransactionOutcome::Rollback(api.inherent_extrinsics(self.parent_hash, inherent_data))
		})?;
		self.metrics.report(|metrics| {
			metrics.create_inherents_time.observe(inherents_started.elapsed().as_secs_f64())
		});
		for inherent in inherents {
			match block.apply_one(inherent)? {
				Err(e) if e.exhausted_resources() => {
					warn!(target: LOG_TARGET, "⚠️  Dropping non-mandatory inherent from overweight block.")
				},
				Err(e) if e.was_mandatory() => {
					error!(
						"❌️ Mandatory inherent extrinsic returned error. Block cannot be produced."
					);
					return Err(ApplyExtrinsicFailed::Validity(e).into());
				},
				Err(e) => warn!(
					target: LOG_TARGET,
					"❗️ Inherent extrinsic returned unexpected error: {e:?}. Dropping."
				),
				Ok(_) => {},
			}
		}

		let end = match mode {
			ExtrinsicInclusionMode::AllExtrinsics => {
				let size_limit = block_size_limit.unwrap_or(DEFAULT_BLOCK_SIZE_LIMIT);
				self.apply_transactions(&mut block, end, size_limit).await
			},
			ExtrinsicInclusionMode::OnlyInherents => EndProposingReason::TransactionForbidden,
		};

		let finishing = time::Instant::now();
		let header = block.api.finalize_block(self.parent_hash)?;
		let state = self.client.state_at(self.parent_hash)?;
		let storage_changes = block
			.api
			.into_storage_changes(&state, self.parent_hash)
			.map_err(sp_blockchain::Error::StorageChanges)?;
		let finished = finishing.elapsed();
		let block = Block::new(header, block.extrinsics);
		self.finish_time.record(block.extrinsics().len(), finished);
		debug!(
			target: LOG_TARGET,
			"Finished block #{} of {} extrinsics in {} ms; keeping {} µs a transaction to finish",
			block.header().number(),
			block.extrinsics().len(),
			finished.as_millis(),
			self.finish_time.per_transaction().as_micros(),
		);
		self.report(&block, end, started.elapsed());
		Ok(Proposal { block, storage_changes })
	}

	/// Applies the pool's ready transactions, a batch at a time, until the pool is empty, the
	/// block is full or the time left would not cover finishing the block by `end`.
	async fn apply_transactions(
		&self,
		block: &mut Building<'_, Block, C>,
		end: time::Instant,
		size_limit: usize,
	) -> EndProposingReason {
		// When applying must stop, with `count` transactions in the block.
		let deadline = |count: usize| {
			end.checked_sub(self.finish_time.reserve(count)).unwrap_or_else(time::Instant::now)
		};
		let now = time::Instant::now();
		let left = deadline(block.extrinsics.len()).saturating_duration_since(now);
		let soft_deadline = now
			+ time::Duration::from_micros(
				SOFT_DEADLINE.mul_floor(left.as_micros().saturated_into::<u64>()),
			);
		// The pool may still be updating to the parent: wait for it an eighth of the time.
		let mut pending =
			self.transaction_pool.ready_at_with_timeout(self.parent_hash, left / 8).await;

		let mut invalid = TxInvalidityReportMap::new();
		let mut skipped = 0;
		let mut limit_hit: Option<EndProposingReason> = None;
		let mut batch_size = if block.batched { FIRST_BATCH } else { 1 };
		// Transactions taken from the pool but not yet tried (a batch cut short by a full block).
		// Pool transactions are not `Send`: none may live across the `await` below.
		let end = {
			let mut carried: VecDeque<PoolTx<A>> = VecDeque::new();
			'building: loop {
				let now = time::Instant::now();
				if now > deadline(block.extrinsics.len()) {
					break limit_hit.unwrap_or(EndProposingReason::HitDeadline);
				}

				// Take the next batch, within the size limit.
				let mut batch: Vec<PoolTx<A>> = Vec::with_capacity(batch_size);
				let mut batch_bytes = 0;
				let proof_size =
					block.api.proof_recorder().map_or(0, |p| p.estimate_encoded_size());
				while batch.len() < batch_size {
					let Some(tx) = carried.pop_front().or_else(|| pending.next()) else { break };
					let size = tx.data().encoded_size();
					if block.size + proof_size + batch_bytes + size > size_limit {
						pending.report_invalid(&tx);
						limit_hit = Some(EndProposingReason::HitBlockSizeLimit);
						skipped += 1;
						if skipped > MAX_SKIPPED_TRANSACTIONS
							&& time::Instant::now() >= soft_deadline
						{
							if batch.is_empty() {
								break 'building EndProposingReason::HitBlockSizeLimit;
							}
							break;
						}
						continue;
					}
					batch_bytes += size;
					batch.push(tx);
				}
				if batch.is_empty() {
					break limit_hit.unwrap_or(EndProposingReason::NoMoreTransactions);
				}

				let started = time::Instant::now();
				let extrinsics: Vec<Block::Extrinsic> =
					batch.iter().map(|tx| (**tx.data()).clone()).collect();
				let results = match block.apply_batch(&extrinsics) {
					Applied::Results(results) => results,
					Applied::Failed(e) => {
						warn!(target: LOG_TARGET, "A batch of {} failed ({e}): applying it one by one", batch.len());
						block.batched = false;
						batch_size = 1;
						put_back(&mut carried, batch);
						continue;
					},
				};
				let tried = results.len();
				let filled = matches!(results.last(), Some(Ok(Err(e))) if e.exhausted_resources());
				for ((tx, extrinsic), result) in batch.iter().zip(extrinsics).zip(results) {
					match result {
						Ok(Ok(_)) => {
							trace!(target: LOG_TARGET, "[{:?}] Pushed to the block.", tx.hash());
							block.size += extrinsic.encoded_size();
							block.extrinsics.push(extrinsic);
							limit_hit = None;
						},
						Ok(Err(e)) if e.exhausted_resources() => {
							pending.report_invalid(tx);
							limit_hit = Some(EndProposingReason::HitBlockWeightLimit);
							skipped += 1;
						},
						Ok(Err(e)) => {
							pending.report_invalid(tx);
							debug!(
								target: LOG_TARGET,
								"[{:?}] Invalid transaction: {e:?} at: {}", tx.hash(), self.parent_hash
							);
							// One whose sender's earlier transaction failed in the same batch
							// comes too early now, but may still be good: the pool keeps it.
							if !matches!(
								e,
								TransactionValidityError::Invalid(InvalidTransaction::Future)
							) {
								invalid.insert(tx.hash().clone(), Some(e));
							}
						},
						Err(e) => {
							pending.report_invalid(tx);
							debug!(
								target: LOG_TARGET,
								"[{:?}] Transaction failed: {e} at: {}", tx.hash(), self.parent_hash
							);
							invalid.insert(tx.hash().clone(), None);
						},
					}
				}
				let untried = batch.split_off(tried);
				if !untried.is_empty() {
					// The block filled. Try a few more (smaller ones may fit), then more until
					// half the time is gone.
					if skipped > MAX_SKIPPED_TRANSACTIONS && time::Instant::now() >= soft_deadline {
						break EndProposingReason::HitBlockWeightLimit;
					}
					put_back(&mut carried, untried);
				}

				if filled {
					// The block is full: the next tries are one at a time.
					batch_size = 1;
				} else if block.batched {
					// Half of what the time left holds at this batch's rate, each transaction
					// also needing its time to finish.
					let per_tx =
						started.elapsed() / tried.max(1) as u32 + self.finish_time.reserve(1);
					let left = deadline(block.extrinsics.len())
						.saturating_duration_since(time::Instant::now());
					let fits = left.as_nanos() / per_tx.as_nanos().max(1) / 2;
					batch_size = (fits as usize).clamp(1, MAX_BATCH);
				}
			}
		};

		if !invalid.is_empty() {
			self.transaction_pool.report_invalid(Some(self.parent_hash), invalid).await;
		}
		end
	}

	fn report(&self, block: &Block, end: EndProposingReason, took: time::Duration) {
		let count = block.extrinsics().len();
		self.metrics.report(|metrics| {
			metrics.number_of_transactions.set(count as u64);
			metrics.block_constructed.observe(took.as_secs_f64());
			metrics.report_end_proposing_reason(end);
			metrics.create_block_proposal_time.observe(took.as_secs_f64());
		});
		// `scripts/bench.sh` reads this line: keep its words.
		info!(
			"🎁 Prepared block for proposing at {} ({} ms) hash: {:?}; parent_hash: {}; end: {:?}; extrinsics_count: {}",
			block.header().number(),
			took.as_millis(),
			block.header().hash(),
			block.header().parent_hash(),
			end,
			count,
		);
		telemetry!(
			self.telemetry;
			CONSENSUS_INFO;
			"prepared_block_for_proposing";
			"number" => ?block.header().number(),
			"hash" => ?block.header().hash(),
		);
	}
}

/// A block being built: the runtime API instance holding its state, and what it holds so far.
struct Building<'a, Block: BlockT, C: ProvideRuntimeApi<Block> + 'a> {
	api: ApiRef<'a, C::Api>,
	parent_hash: Block::Hash,
	extrinsics: Vec<Block::Extrinsic>,
	/// The block's encoded size so far (header and extrinsics, without the count's prefix).
	size: usize,
	/// Whether batches go to the runtime's `BatchBlockBuilder`.
	batched: bool,
}

impl<'a, Block, C> Building<'a, Block, C>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + 'a,
	C::Api: ApiExt<Block> + BlockBuilderApi<Block> + BatchBlockBuilder<Block>,
{
	/// Applies one extrinsic in its own storage transaction, as the basic block builder does:
	/// kept if applied, rolled back if not.
	fn apply_one(
		&mut self,
		extrinsic: Block::Extrinsic,
	) -> Result<ApplyExtrinsicResult, sp_api::ApiError> {
		let result = self.apply_alone(&extrinsic)?;
		if result.is_ok() {
			self.size += extrinsic.encoded_size();
			self.extrinsics.push(extrinsic);
		}
		Ok(result)
	}

	/// Applies `extrinsic` in a call of its own and a storage transaction that is kept only if
	/// it was applied. The caller keeps the extrinsic.
	fn apply_alone(
		&self,
		extrinsic: &Block::Extrinsic,
	) -> Result<ApplyExtrinsicResult, sp_api::ApiError> {
		let parent_hash = self.parent_hash;
		self.api.execute_in_transaction(|api| {
			match api.apply_extrinsic(parent_hash, extrinsic.clone()) {
				Ok(Ok(applied)) => TransactionOutcome::Commit(Ok(Ok(applied))),
				Ok(Err(invalid)) => TransactionOutcome::Rollback(Ok(Err(invalid))),
				Err(e) => TransactionOutcome::Rollback(Err(e)),
			}
		})
	}

	/// Applies `extrinsics` in one call, or one call each without the batch API. The caller
	/// keeps those applied.
	// The runtime API takes a `&Vec`: what it decodes on the other side.
	#[allow(clippy::ptr_arg)]
	fn apply_batch(&self, extrinsics: &Vec<Block::Extrinsic>) -> Applied {
		if self.batched {
			// A failed call leaves nothing: the runtime API rolls it back.
			return match self.api.apply_extrinsics(self.parent_hash, extrinsics) {
				Ok(results) => Applied::Results(results.into_iter().map(Ok).collect()),
				Err(e) => Applied::Failed(e),
			};
		}
		let mut results = Vec::with_capacity(extrinsics.len());
		for extrinsic in extrinsics {
			let result = self.apply_alone(extrinsic);
			let exhausted = matches!(&result, Ok(Err(e)) if e.exhausted_resources());
			results.push(result);
			if exhausted {
				break;
			}
		}
		Applied::Results(results)
	}
}

#[cfg(test)]
mod tests {
	use super::FinishTime;
	use std::time::Duration;

	#[test]
	fn the_time_kept_to_finish_grows_with_the_block() {
		let finish = FinishTime::new();
		assert_eq!(finish.per_transaction(), FinishTime::INITIAL);
		assert_eq!(finish.reserve(0), Duration::ZERO);
		// A quarter more than the rate, per transaction.
		assert_eq!(finish.reserve(1_000), FinishTime::INITIAL * 1_000 * 5 / 4);
	}

	#[test]
	fn the_rate_moves_halfway_to_each_measured_block() {
		let finish = FinishTime::new();
		// 2,000 transactions finished in 300 ms: 150 µs each.
		finish.record(2_000, Duration::from_millis(300));
		assert_eq!(finish.per_transaction(), Duration::from_micros(125));
		finish.record(2_000, Duration::from_millis(300));
		assert_eq!(finish.per_transaction(), Duration::from_nanos(137_500));
		// Faster blocks bring it down the same way.
		finish.record(1_000, Duration::from_millis(20));
		assert_eq!(finish.per_transaction(), Duration::from_nanos(78_750));
	}

	#[test]
	fn small_blocks_do_not_move_the_rate() {
		let finish = FinishTime::new();
		finish.record(FinishTime::MIN_MEASURED - 1, Duration::from_secs(1));
		assert_eq!(finish.per_transaction(), FinishTime::INITIAL);
	}

	#[test]
	fn the_proposers_of_one_factory_share_the_rate() {
		let finish = FinishTime::new();
		let other = finish.clone();
		other.record(1_000, Duration::from_millis(50));
		assert_eq!(finish.per_transaction(), Duration::from_micros(75));
	}
}
