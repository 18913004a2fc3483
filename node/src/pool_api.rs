//! The transaction pool's access to the runtime, with the revalidations of a waiting transaction
//! answered from its last runtime result.
//!
//! The fork-aware pool validates a transaction when it is submitted, then again while it waits:
//! when a new view (one per new best block) takes in the transactions that arrived while it was
//! being built, when a view revalidates its ready queue after a block, and when the mempool
//! revalidates after finality. Under load these upkeep validations
//! ([`ValidateTransactionPriority::Maintained`]) are as many as the submissions
//! (docs/performance.md, *Results*), each a runtime call on a fresh WebAssembly instance.
//!
//! A result stays right for a while. What the runtime works out for a payment is its priority,
//! the tag it provides (its sender and nonce), whether it propagates and its longevity, none of
//! which change, or, for longevity, change by one a block; and the tag it requires, which does
//! change: a transaction whose sender has an earlier one waiting requires that one's tag, and
//! once the earlier one is included it requires nothing. That tag follows from the sender's
//! nonce alone (`frame_system::CheckNonce`, which the runtime's `CheckSender` runs), and the
//! node reads the nonce from the state without a runtime call. So an upkeep validation at block
//! `at` is answered from the transaction's last runtime result when:
//! - that result was valid and its tags are exactly the nonce check's: it provides
//!   `(sender, nonce)` and requires nothing or `(sender, nonce - 1)`;
//! - it was given at an ancestor of `at` at most [`MAX_AGE`] blocks back, under the same
//!   runtime code;
//! - at `at` the sender's account exists and its nonce is not past the transaction's (a stale
//!   transaction is left to the runtime, whose answer removes it), and the longevity left is not
//!   zero.
//!
//! The answer requires `(sender, nonce - 1)` when the account's nonce is below the transaction's,
//! as the runtime would. What it does not check again is what the runtime checks besides the
//! nonce: the sender's admission and rate limit, the call's rules, the signature and the era.
//! They are checked when the transaction is applied in a block, which refuses it if they no
//! longer hold, and at most [`MAX_AGE`] blocks after its last runtime result the runtime is
//! asked again. Submissions (`Submitted`) always go to the runtime, and their results are the
//! ones remembered; answers are not.
//!
//! What goes to the runtime goes in batches, many transactions a call (`pool_batch`).
//!
//! Session 17 answered upkeep validations from old results without deriving the required tag
//! again: payments then waited for tags already included and the pool dropped them
//! (docs/performance.md, *Tuning tried*).

use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use codec::{Decode, DecodeAll, Encode};
use sc_client_api::StorageProvider;
use sc_transaction_pool::{ChainApi, FullChainApi, ValidateTransactionPriority};
use schnellru::{ByLength, LruMap};
use seoul_runtime::{opaque::Block, AccountId, BlockNumber, Hash, Nonce, Runtime};
use sp_blockchain::{HeaderBackend, HeaderMetadata, TreeRoute};
use sp_core::storage::{well_known_keys, StorageKey};
use sp_runtime::{
	generic::BlockId,
	traits::Block as BlockT,
	transaction_validity::{
		TransactionLongevity, TransactionPriority, TransactionSource, TransactionValidity,
		ValidTransaction,
	},
};
use substrate_prometheus_endpoint::{register, Counter, PrometheusError, Registry, U64};

use crate::{pool_batch::BatchValidator, service::FullClient};

type Inner = FullChainApi<FullClient, Block>;
type Error = <Inner as ChainApi>::Error;

/// How many blocks after its last runtime result a transaction's upkeep validation is still
/// answered from it.
pub const MAX_AGE: BlockNumber = 8;

/// How many transactions' last results are remembered: more than a backlog of a minute at
/// 2,000 transactions a second. About 200 bytes each.
pub const CAPACITY: u32 = 131_072;

/// How many blocks' runtime code hashes are remembered.
const CODE_HASHES: u32 = 64;

/// A transaction's last runtime result, and where it was given.
#[derive(Clone, Debug, PartialEq)]
struct Validated {
	/// The block the runtime validated at, and its number.
	at: Hash,
	number: BlockNumber,
	/// The runtime code's hash at `at`.
	code: Hash,
	sender: AccountId,
	nonce: Nonce,
	priority: TransactionPriority,
	longevity: TransactionLongevity,
	propagate: bool,
}

/// The tag of the sender's transaction with `nonce` (`frame_system::CheckNonce`'s).
fn nonce_tag(sender: &AccountId, nonce: Nonce) -> Vec<u8> {
	(sender, nonce).encode()
}

impl Validated {
	/// The runtime's `valid` result at `at` (number `number`, code `code`), when its tags are
	/// exactly the nonce check's: it provides `(sender, nonce)` and requires nothing or
	/// `(sender, nonce - 1)`.
	fn from_result(
		at: Hash,
		number: BlockNumber,
		code: Hash,
		valid: &ValidTransaction,
	) -> Option<Self> {
		let [provided] = valid.provides.as_slice() else { return None };
		let (sender, nonce) = <(AccountId, Nonce)>::decode_all(&mut &provided[..]).ok()?;
		match valid.requires.as_slice() {
			[] => {},
			[required] if nonce > 0 && *required == nonce_tag(&sender, nonce - 1) => {},
			_ => return None,
		}
		Some(Self {
			at,
			number,
			code,
			sender,
			nonce,
			priority: valid.priority,
			longevity: valid.longevity,
			propagate: valid.propagate,
		})
	}

	/// The runtime's result `age` blocks later, where the sender's account has `account_nonce`;
	/// `None` when only the runtime can say: the transaction's nonce is used, or its longevity
	/// has run out.
	fn answer(&self, age: BlockNumber, account_nonce: Nonce) -> Option<ValidTransaction> {
		if self.nonce < account_nonce {
			return None;
		}
		let longevity =
			self.longevity.checked_sub(age.into()).filter(|longevity| *longevity > 0)?;
		let requires = if account_nonce < self.nonce {
			vec![nonce_tag(&self.sender, self.nonce - 1)]
		} else {
			Vec::new()
		};
		Some(ValidTransaction {
			priority: self.priority,
			requires,
			provides: vec![nonce_tag(&self.sender, self.nonce)],
			longevity,
			propagate: self.propagate,
		})
	}
}

/// `ancestor` (number `ancestor_number`) is `hash` (number `number`) or one of its ancestors,
/// by the parent links `parent` gives.
fn descends(
	hash: Hash,
	number: BlockNumber,
	ancestor: Hash,
	ancestor_number: BlockNumber,
	parent: impl Fn(Hash) -> Option<Hash>,
) -> bool {
	let mut hash = hash;
	for _ in ancestor_number..number {
		match parent(hash) {
			Some(parent) => hash = parent,
			None => return false,
		}
	}
	number >= ancestor_number && hash == ancestor
}

/// [`FullChainApi`], with upkeep validations answered from a transaction's last runtime result
/// (the module's documentation says when).
pub struct CachedChainApi {
	inner: Inner,
	client: Arc<FullClient>,
	/// The last valid runtime result of each transaction, by its hash.
	validated: Mutex<LruMap<Hash, Validated>>,
	/// The runtime code's hash at recent blocks.
	code_hashes: Mutex<LruMap<Hash, Hash>>,
	answered: Option<Counter<U64>>,
	/// Validations that go to the runtime, in batches.
	batches: BatchValidator,
}

impl CachedChainApi {
	/// The pool's runtime access through `client`; its counter
	/// `seoul_txpool_validations_answered_total` and the batches' counters in `registry`.
	pub fn new(
		client: Arc<FullClient>,
		registry: Option<&Registry>,
		spawner: &impl sp_core::traits::SpawnEssentialNamed,
	) -> Result<Self, PrometheusError> {
		let answered = registry
			.map(|registry| {
				register(
					Counter::new(
						"seoul_txpool_validations_answered_total",
						"the transaction pool's upkeep validations answered from a transaction's \
						 last runtime result, without a runtime call",
					)?,
					registry,
				)
			})
			.transpose()?;
		Ok(Self {
			inner: FullChainApi::new(client.clone(), registry, spawner),
			client: client.clone(),
			validated: Mutex::new(LruMap::new(ByLength::new(CAPACITY))),
			code_hashes: Mutex::new(LruMap::new(ByLength::new(CODE_HASHES))),
			answered,
			batches: BatchValidator::new(client, registry, spawner)?,
		})
	}

	/// The hash of the runtime code at `at`.
	fn code_hash(&self, at: Hash) -> Option<Hash> {
		if let Some(code) = self.code_hashes.lock().expect("not poisoned").get(&at) {
			return Some(*code);
		}
		let code = self
			.client
			.storage_hash(at, &StorageKey(well_known_keys::CODE.to_vec()))
			.ok()
			.flatten()?;
		self.code_hashes.lock().expect("not poisoned").insert(at, code);
		Some(code)
	}

	/// The nonce of `sender`'s account at `at`; `None` when it has none, or no provider (the
	/// runtime refuses its transactions).
	fn account_nonce(&self, at: Hash, sender: &AccountId) -> Option<Nonce> {
		let key = frame_system::Account::<Runtime>::hashed_key_for(sender);
		let data = self.client.storage(at, &StorageKey(key)).ok().flatten()?;
		let account = frame_system::AccountInfo::<
			Nonce,
			<Runtime as frame_system::Config>::AccountData,
		>::decode(&mut &data.0[..])
		.ok()?;
		(account.providers > 0 || account.sufficients > 0).then_some(account.nonce)
	}

	/// The upkeep validation at `at` of the transaction `hash`, from its last runtime result.
	fn answer(&self, hash: &Hash, at: Hash) -> Option<ValidTransaction> {
		let last = self.validated.lock().expect("not poisoned").peek(hash).cloned()?;
		let number = self.client.number(at).ok().flatten()?;
		if number.saturating_sub(last.number) > MAX_AGE
			|| !descends(at, number, last.at, last.number, |hash| {
				self.client.header_metadata(hash).ok().map(|header| header.parent)
			}) || self.code_hash(at)? != last.code
		{
			return None;
		}
		last.answer(number - last.number, self.account_nonce(at, &last.sender)?)
	}

	/// Remembers the runtime's `result` for the transaction `hash` at `at`.
	fn remember(&self, hash: Hash, at: Hash, result: &TransactionValidity) {
		let validated = match result {
			Ok(valid) =>
				self.client.number(at).ok().flatten().and_then(|number| {
					Validated::from_result(at, number, self.code_hash(at)?, valid)
				}),
			Err(_) => None,
		};
		let mut cache = self.validated.lock().expect("not poisoned");
		match validated {
			Some(validated) => {
				// A result at an older block (another fork's view) does not replace a newer one.
				if cache.peek(&hash).is_none_or(|last| last.number <= validated.number) {
					cache.insert(hash, validated);
				}
			},
			None => {
				cache.remove(&hash);
			},
		}
	}
}

#[async_trait]
impl ChainApi for CachedChainApi {
	type Block = Block;
	type Error = Error;

	async fn validate_transaction(
		&self,
		at: Hash,
		source: TransactionSource,
		uxt: Arc<<Block as BlockT>::Extrinsic>,
		validation_priority: ValidateTransactionPriority,
	) -> Result<TransactionValidity, Error> {
		let (hash, _) = self.inner.hash_and_length(&uxt);
		if validation_priority == ValidateTransactionPriority::Maintained {
			if let Some(valid) = self.answer(&hash, at) {
				if let Some(answered) = &self.answered {
					answered.inc();
				}
				return Ok(Ok(valid));
			}
		}
		let result = match self.batches.validate(at, source, uxt.clone()).await {
			Some(result) => result,
			None => self.inner.validate_transaction(at, source, uxt, validation_priority).await?,
		};
		self.remember(hash, at, &result);
		Ok(result)
	}

	fn validate_transaction_blocking(
		&self,
		at: Hash,
		source: TransactionSource,
		uxt: Arc<<Block as BlockT>::Extrinsic>,
	) -> Result<TransactionValidity, Error> {
		self.inner.validate_transaction_blocking(at, source, uxt)
	}

	fn block_id_to_number(&self, at: &BlockId<Block>) -> Result<Option<BlockNumber>, Error> {
		self.inner.block_id_to_number(at)
	}

	fn block_id_to_hash(&self, at: &BlockId<Block>) -> Result<Option<Hash>, Error> {
		self.inner.block_id_to_hash(at)
	}

	fn hash_and_length(&self, uxt: &<Block as BlockT>::Extrinsic) -> (Hash, usize) {
		self.inner.hash_and_length(uxt)
	}

	async fn block_body(
		&self,
		at: Hash,
	) -> Result<Option<Vec<<Block as BlockT>::Extrinsic>>, Error> {
		self.inner.block_body(at).await
	}

	fn block_header(&self, at: Hash) -> Result<Option<<Block as BlockT>::Header>, Error> {
		self.inner.block_header(at)
	}

	fn tree_route(&self, from: Hash, to: Hash) -> Result<TreeRoute<Block>, Error> {
		self.inner.tree_route(from, to)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::H256;

	fn sender() -> AccountId {
		AccountId::new([7; 32])
	}

	fn runtime_result(nonce: Nonce, requires: Vec<Vec<u8>>) -> ValidTransaction {
		ValidTransaction {
			priority: 42,
			requires,
			provides: vec![nonce_tag(&sender(), nonce)],
			longevity: 64,
			propagate: true,
		}
	}

	fn validated(nonce: Nonce, requires: Vec<Vec<u8>>) -> Option<Validated> {
		Validated::from_result(
			H256::repeat_byte(1),
			10,
			H256::repeat_byte(2),
			&runtime_result(nonce, requires),
		)
	}

	#[test]
	fn remembers_only_the_nonce_checks_tags() {
		let ready = validated(5, vec![]).expect("provides the nonce tag, requires nothing");
		assert_eq!(
			(ready.sender.clone(), ready.nonce, ready.priority, ready.longevity),
			(sender(), 5, 42, 64)
		);
		assert!(validated(5, vec![nonce_tag(&sender(), 4)]).is_some());
		// Requires another nonce, another sender's tag, or a second tag: not the nonce check's.
		assert!(validated(5, vec![nonce_tag(&sender(), 3)]).is_none());
		assert!(validated(5, vec![nonce_tag(&AccountId::new([8; 32]), 4)]).is_none());
		assert!(validated(5, vec![nonce_tag(&sender(), 4), b"more".to_vec()]).is_none());
		// Provides a second tag, or a tag that is not (sender, nonce).
		let mut two = runtime_result(5, vec![]);
		two.provides.push(b"more".to_vec());
		assert!(Validated::from_result(H256::zero(), 1, H256::zero(), &two).is_none());
		let mut other = runtime_result(5, vec![]);
		other.provides = vec![b"not a nonce tag".to_vec()];
		assert!(Validated::from_result(H256::zero(), 1, H256::zero(), &other).is_none());
		// Nonce 0 has no previous one to require.
		assert!(validated(0, vec![nonce_tag(&sender(), 0)]).is_none());
		assert!(validated(0, vec![]).is_some());
	}

	#[test]
	fn answers_with_the_tag_the_nonce_requires_now() {
		// Validated while the sender's previous transaction waited.
		let waiting = validated(5, vec![nonce_tag(&sender(), 4)]).unwrap();
		// Still waiting two blocks later: the same result, two blocks less to live.
		let answer = waiting.answer(2, 4).unwrap();
		assert_eq!(answer.requires, vec![nonce_tag(&sender(), 4)]);
		assert_eq!(answer.provides, vec![nonce_tag(&sender(), 5)]);
		assert_eq!((answer.priority, answer.longevity, answer.propagate), (42, 62, true));
		// The previous one included: requires nothing.
		assert!(waiting.answer(1, 5).unwrap().requires.is_empty());
		// This one included too (stale), or its longevity spent: the runtime answers.
		assert_eq!(waiting.answer(1, 6), None);
		assert_eq!(waiting.answer(64, 5), None);
		assert_eq!(waiting.answer(70, 5), None);
		// Ready when validated, and still: requires nothing.
		assert!(validated(5, vec![]).unwrap().answer(3, 5).unwrap().requires.is_empty());
	}

	#[test]
	fn descends_by_parent_links() {
		// A chain 1 <- 2 <- 3 <- 4, hash n at number n.
		let hash = |n: u8| H256::repeat_byte(n);
		let parent = |h: Hash| (h.0[0] > 1).then(|| hash(h.0[0] - 1));
		assert!(descends(hash(4), 4, hash(4), 4, parent));
		assert!(descends(hash(4), 4, hash(1), 1, parent));
		assert!(!descends(hash(4), 4, hash(9), 2, parent));
		// An ancestor cannot be higher than the block.
		assert!(!descends(hash(2), 2, hash(3), 3, parent));
		// A missing header breaks the walk.
		assert!(!descends(hash(4), 4, hash(1), 1, |_| None));
	}
}
