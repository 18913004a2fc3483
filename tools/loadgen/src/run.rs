//! `run`: one load scenario against a node.
//!
//! 1. Setup, not timed: the senders get what the scenario spends (native balance from a funder,
//!    S-coin rewards from an issuer, or KRW deposit tokens minted by a bank's member), in
//!    batches, waited for until finalized. Registering citizens spends nothing.
//! 2. Every transaction is signed before the clock starts: sender `k % senders` signs its
//!    `k / senders`-th transaction, with explicit nonces read from the chain.
//! 3. Transactions are submitted with `author_submitExtrinsic` (no watch) over several
//!    connections, at a target rate or as fast as the node answers.
//! 4. Two followers read the chain itself: every new best block and every finalized block is
//!    fetched, its extrinsics hashed and matched against the submitted ones. Inclusion latency
//!    is submission to the first best block holding the transaction, finality latency
//!    submission to its finalized block; throughput is counted over the loaded blocks' own
//!    timestamps (`Timestamp::Now`).
//! 5. Afterwards, each loaded block's events say which transactions failed in dispatch.

use std::{
	collections::{BTreeMap, HashMap},
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

use futures::{stream, StreamExt};
use serde::Serialize;
use subxt::{
	config::{substrate::SpecVersionForRange, DefaultExtrinsicParamsBuilder, RpcConfigFor},
	dynamic::{self, Value},
	events::Phase,
	ext::codec::Encode,
	rpcs::{LegacyRpcMethods, RpcClient},
	utils::{AccountId32, H256},
	OfflineClient, OfflineClientAtBlock, OnlineClient, SubstrateConfig,
};
use subxt_signer::sr25519::Keypair;

use crate::{
	accounts::{self, parallel_map, Accounts, Family},
	populate::{AGE_BANDS, DISTRICTS},
};

type C = SubstrateConfig;
type Rpc = LegacyRpcMethods<RpcConfigFor<C>>;

/// What the load is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scenario {
	/// `SCoin.pay(payee, ZeroPay, amount, reference)` from citizens: a merchant payment.
	ScoinPayment,
	/// `Balances.transfer_keep_alive(dest, amount)`: works on any chain with pallet-balances.
	BalancesTransfer,
	/// `DepositToken.transfer(dest, amount)` from payers (organization members): the KRW
	/// deposit token, minted to them during setup by a bank's member (`--minter`).
	KrwTransfer,
	/// `CitizenCard.register_citizen(who, resident, district, age_band)` from payers (their
	/// organization is a registrar in the populated genesis): a new resident on a new account
	/// per transaction.
	CitizenRegistration,
}

impl Scenario {
	fn family(self) -> Family {
		match self {
			Scenario::ScoinPayment => Family::Citizen,
			Scenario::BalancesTransfer | Scenario::KrwTransfer | Scenario::CitizenRegistration =>
				Family::Payer,
		}
	}
}

#[derive(Clone, Debug, clap::Args)]
pub struct RunOptions {
	/// The node's WebSocket JSON-RPC endpoint.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	pub url: String,
	#[arg(long, value_enum)]
	pub scenario: Scenario,
	/// Root secret URI of the load's accounts (as given to `populate`).
	#[arg(long, default_value = "//seoul-load")]
	pub seed: String,
	/// How many accounts send (citizens for scoin-payment, payers for the others).
	#[arg(long, default_value_t = 1000)]
	pub senders: u32,
	/// Index of the first sender.
	#[arg(long, default_value_t = 0)]
	pub first_sender: u32,
	/// Transactions per second to offer; 0: as fast as the node takes them.
	#[arg(long, default_value_t = 0)]
	pub rate: u32,
	/// How many transactions; with --rate, --duration sets it instead.
	#[arg(long, default_value_t = 10_000)]
	pub count: u32,
	/// Seconds of load at --rate (count = rate × duration).
	#[arg(long)]
	pub duration: Option<u32>,
	/// WebSocket connections used to submit.
	#[arg(long, default_value_t = 8)]
	pub connections: usize,
	/// Submissions awaiting an answer, per connection.
	#[arg(long, default_value_t = 64)]
	pub inflight: usize,
	/// Amount of each payment or transfer, in the chain's smallest unit (KRW: won).
	#[arg(long, default_value_t = 1)]
	pub amount: u128,
	/// scoin-payment: the organization paid (a merchant).
	#[arg(long, default_value_t = 3)]
	pub payee_org: u32,
	/// scoin-payment: a member of a reward issuer, who rewards the senders during setup.
	#[arg(long, default_value = "//Alice")]
	pub issuer: String,
	/// balances-transfer: who funds senders short of balance during setup.
	#[arg(long, default_value = "//Alice")]
	pub funder: String,
	/// krw-transfer: a member of a bank, who mints the senders' KRW during setup (on the dev
	/// chain, Charlie, admin of Seoul Citizens Bank).
	#[arg(long, default_value = "//Charlie")]
	pub minter: String,
	/// balances-transfer and krw-transfer: the recipient (an admitted account for krw-transfer).
	#[arg(long, default_value = "//Bob")]
	pub dest: String,
	/// Blocks each transaction stays valid for (mortality), counted from signing.
	#[arg(long, default_value_t = 512)]
	pub mortality: u64,
	/// The node's process id, to sample its memory (VmRSS) during the run.
	#[arg(long)]
	pub node_pid: Option<u32>,
	/// Seconds to wait, after the last submission, for no more progress before stopping.
	#[arg(long, default_value_t = 20)]
	pub settle: u64,
	/// A name for this run in reports.
	#[arg(long, default_value = "")]
	pub label: String,
	/// Appends the report, as one JSON line, to this file.
	#[arg(long)]
	pub json: Option<std::path::PathBuf>,
}

/// What a run measured. Times in seconds.
#[derive(Debug, Default, Serialize, serde::Deserialize)]
pub struct Report {
	pub label: String,
	pub scenario: String,
	pub chain: String,
	pub senders: u32,
	/// The rate offered (0: as fast as possible).
	pub rate: u32,
	pub submitted: u64,
	/// Answered with a transaction hash by the pool.
	pub accepted: u64,
	pub rejected: u64,
	pub rejected_by_reason: BTreeMap<String, u64>,
	/// In a finalized block.
	pub included: u64,
	/// Included, but dispatch failed (`System.ExtrinsicFailed`).
	pub failed: u64,
	/// Accepted but never included.
	pub dropped: u64,
	/// How long submitting took, and the rate achieved.
	pub submit_secs: f64,
	pub submit_rate: f64,
	pub first_block: u64,
	pub last_block: u64,
	/// Finalized blocks from the first to the last holding a load transaction.
	pub blocks: u64,
	/// By block timestamps: from the parent of the first loaded block to the last.
	pub window_secs: f64,
	/// Included transactions per second over that window.
	pub tps: f64,
	pub per_block_max: u64,
	pub per_block_median: u64,
	pub inclusion_p50: f64,
	pub inclusion_p95: f64,
	pub inclusion_p99: f64,
	pub finality_p50: f64,
	pub finality_p95: f64,
	pub finality_p99: f64,
	/// The node's peak resident memory during the run, and its high-water mark since it started.
	pub rss_peak_mib: Option<f64>,
	pub rss_hwm_mib: Option<f64>,
}

/// The chain as the run sees it: RPC, metadata, an offline signer.
struct Chain {
	rpc: Rpc,
	api: OnlineClient<C>,
	offline: OfflineClientAtBlock<C>,
	name: String,
}

impl Chain {
	async fn connect(url: &str) -> Result<Self, String> {
		let client = connect(url).await?;
		let rpc = Rpc::new(client.clone());
		let api =
			OnlineClient::<C>::from_rpc_client(client).await.map_err(|e| format!("{url}: {e}"))?;
		let at = api.at_current_block().await.map_err(|e| format!("{url}: {e}"))?;
		let config = SubstrateConfig::builder()
			.set_genesis_hash(api.genesis_hash())
			.set_metadata_for_spec_versions([(at.spec_version(), at.metadata())])
			.set_spec_version_for_block_ranges([SpecVersionForRange {
				block_range: 0..u64::MAX,
				spec_version: at.spec_version(),
				transaction_version: at.transaction_version(),
			}])
			.build();
		let offline = OfflineClient::<C>::new_with_config(config)
			.at_block(0u64)
			.map_err(|e| format!("offline client: {e}"))?;
		let name = rpc.system_chain().await.map_err(|e| format!("system_chain: {e}"))?;
		Ok(Self { rpc, api, offline, name })
	}

	async fn best(&self) -> Result<(u64, H256), String> {
		let header = self
			.rpc
			.chain_get_header(None)
			.await
			.map_err(|e| format!("chain_getHeader: {e}"))?
			.ok_or("no best block")?;
		Ok((header.number, header_hash(&header)))
	}

	/// `System.Account` of each of `who` at the best block: (nonce, free balance).
	async fn accounts(&self, who: &[AccountId32]) -> Result<Vec<(u32, u128)>, String> {
		let keys: Vec<Vec<u8>> = who.iter().map(system_account_key).collect();
		let mut found: HashMap<Vec<u8>, Vec<u8>> = HashMap::new();
		for chunk in keys.chunks(2_000) {
			let sets = self
				.rpc
				.state_query_storage_at(chunk.iter().map(|k| k.as_slice()), None)
				.await
				.map_err(|e| format!("state_queryStorageAt: {e}"))?;
			for set in sets {
				for (key, value) in set.changes {
					if let Some(value) = value {
						found.insert(key.0, value.0);
					}
				}
			}
		}
		// AccountInfo { nonce: u32, consumers, providers, sufficients: u32, data: { free: u128, .. } }
		Ok(keys
			.iter()
			.map(|k| match found.get(k) {
				Some(v) if v.len() >= 32 => (
					u32::from_le_bytes(v[0..4].try_into().expect("4 bytes")),
					u128::from_le_bytes(v[16..32].try_into().expect("16 bytes")),
				),
				_ => (0, 0),
			})
			.collect())
	}

	/// Signs `calls` with `signer` (consecutive nonces from its next one), submits them and waits
	/// until every one is finalized and succeeded.
	async fn submit_all(
		&self,
		signer: &Keypair,
		calls: Vec<subxt::tx::DynamicPayload<Vec<Value>>>,
		what: &str,
	) -> Result<(), String> {
		let account = signer.public_key().to_account_id();
		let first = self
			.rpc
			.system_account_next_index(&account)
			.await
			.map_err(|e| format!("system_accountNextIndex: {e}"))?;
		let at = self.api.at_current_block().await.map_err(|e| e.to_string())?;
		let mut watches = Vec::new();
		for (i, call) in calls.iter().enumerate() {
			let params = DefaultExtrinsicParamsBuilder::<C>::new().nonce(first + i as u64).build();
			let signed = at
				.tx()
				.create_signable_offline(call, params)
				.and_then(|mut s| s.sign(signer))
				.map_err(|e| format!("{what}: signing: {e}"))?;
			watches.push(async move {
				signed
					.submit_and_watch()
					.await
					.map_err(|e| e.to_string())?
					.wait_for_finalized_success()
					.await
					.map(|_| ())
					.map_err(|e| e.to_string())
			});
		}
		let results = futures::future::join_all(watches).await;
		for result in results {
			result.map_err(|e| format!("{what}: {e}"))?;
		}
		Ok(())
	}
}

async fn connect(url: &str) -> Result<RpcClient, String> {
	RpcClient::from_insecure_url(url).await.map_err(|e| format!("{url}: {e}"))
}

fn header_hash(header: &<C as subxt::Config>::Header) -> H256 {
	H256(sp_crypto_hashing::blake2_256(&header.encode()))
}

fn storage_prefix(pallet: &str, item: &str) -> Vec<u8> {
	[sp_crypto_hashing::twox_128(pallet.as_bytes()), sp_crypto_hashing::twox_128(item.as_bytes())]
		.concat()
}

fn system_account_key(who: &AccountId32) -> Vec<u8> {
	let mut key = storage_prefix("System", "Account");
	key.extend(sp_crypto_hashing::blake2_128(&who.0));
	key.extend(who.0);
	key
}

/// How many calls one setup batch holds.
const BATCH: usize = 250;

fn batch_all(calls: Vec<Value>) -> subxt::tx::DynamicPayload<Vec<Value>> {
	dynamic::tx("Utility", "batch_all", vec![Value::unnamed_composite(calls)])
}

/// Gives each sender what `per_sender` transactions of the scenario spend.
async fn setup(
	chain: &Chain,
	o: &RunOptions,
	senders: &[AccountId32],
	per_sender: u128,
) -> Result<(), String> {
	let need = per_sender * o.amount;
	let n = senders.len();
	match o.scenario {
		Scenario::BalancesTransfer => {
			let ed: u128 = chain
				.offline
				.constants()
				.entry(dynamic::constant::<u128>("Balances", "ExistentialDeposit"))
				.map_err(|e| format!("Balances.ExistentialDeposit: {e}"))?;
			let balances = chain.accounts(senders).await?;
			let short: Vec<Value> = senders
				.iter()
				.zip(balances)
				.filter(|(_, (_, free))| *free < need + ed)
				.map(|(who, (_, free))| {
					call(
						"Balances",
						"transfer_keep_alive",
						[
							("dest", Value::unnamed_variant("Id", [Value::from_bytes(who.0)])),
							("value", Value::u128(need + ed - free)),
						],
					)
				})
				.collect();
			let what = format!("funds {} senders", short.len());
			send_batched(chain, &o.funder, &what, short).await
		},
		Scenario::ScoinPayment => {
			let what = format!("rewards {need} S-coin to each of {n} citizens");
			let reward = |who: &AccountId32| {
				call(
					"SCoin",
					"reward",
					[
						("citizen", Value::from_bytes(who.0)),
						("amount", Value::u128(need)),
						("reason", Value::u128(0)),
						("reference", Value::from_bytes([0u8; 32])),
					],
				)
			};
			send_batched(chain, &o.issuer, &what, senders.iter().map(reward).collect()).await
		},
		Scenario::KrwTransfer => {
			let what = format!("mints {need} KRW to each of {n} payers");
			let mint = |who: &AccountId32| {
				call(
					"DepositToken",
					"mint",
					[
						("to", Value::from_bytes(who.0)),
						("amount", Value::u128(need)),
						("deposit", Value::from_bytes(derived(b"load-test deposit ", who, 0))),
					],
				)
			};
			send_batched(chain, &o.minter, &what, senders.iter().map(mint).collect()).await
		},
		// A registration spends nothing (fees are zero).
		Scenario::CitizenRegistration => Ok(()),
	}
}

/// `signer` (a secret URI) sends `calls` in `utility.batchAll` batches of [`BATCH`], and waits
/// until every batch is finalized and succeeded. `what` says what it does, for the log and the
/// errors.
async fn send_batched(
	chain: &Chain,
	signer: &str,
	what: &str,
	calls: Vec<Value>,
) -> Result<(), String> {
	if calls.is_empty() {
		return Ok(());
	}
	eprintln!("setup: {signer} {what}");
	let keypair = accounts::keypair(signer)?;
	let batches = calls.chunks(BATCH).map(|c| batch_all(c.to_vec())).collect();
	chain.submit_all(&keypair, batches, what).await
}

/// 32 bytes standing for the `n`-th thing called `tag` of `who`: BLAKE2-256 of the three.
fn derived(tag: &[u8], who: &AccountId32, n: u32) -> [u8; 32] {
	sp_crypto_hashing::blake2_256(&[tag, who.0.as_slice(), n.to_le_bytes().as_slice()].concat())
}

/// A runtime call as a value: `RuntimeCall::<pallet>(<pallet>::Call::<name> { fields })`.
fn call<const N: usize>(pallet: &str, name: &str, fields: [(&str, Value); N]) -> Value {
	Value::unnamed_variant(pallet, [Value::named_variant(name, fields)])
}

/// One submission's outcome: when it was sent (seconds from the start) and the pool's answer.
struct Sent {
	at: f64,
	result: Result<(), String>,
}

/// What the followers learnt of the chain.
struct Tracker {
	start: Instant,
	/// Blocks at or below this number predate the load.
	base: u64,
	index: HashMap<H256, u32>,
	best_at: Vec<Option<f64>>,
	final_at: Vec<Option<f64>>,
	blocks: HashMap<H256, BlockRecord>,
}

struct BlockRecord {
	number: u64,
	parent: H256,
	timestamp: Option<u64>,
	/// (extrinsic index, load transaction).
	ours: Vec<(u32, u32)>,
	finalized: bool,
}

impl Tracker {
	fn now(&self) -> f64 {
		self.start.elapsed().as_secs_f64()
	}
}

/// Fetches a block, unless known: its load transactions and timestamp.
async fn learn(
	rpc: &Rpc,
	tracker: &Mutex<Tracker>,
	hash: H256,
	ts_key: &[u8],
) -> Result<Option<(u64, H256)>, String> {
	if let Some(b) = tracker.lock().expect("tracker").blocks.get(&hash) {
		return Ok(Some((b.number, b.parent)));
	}
	let Some(details) =
		rpc.chain_get_block(Some(hash)).await.map_err(|e| format!("chain_getBlock: {e}"))?
	else {
		return Ok(None);
	};
	let timestamp = rpc
		.state_get_storage(ts_key, Some(hash))
		.await
		.map_err(|e| format!("state_getStorage: {e}"))?
		.and_then(|v| v.get(..8).map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes"))));
	let header = details.block.header;
	let hashes: Vec<H256> = details
		.block
		.extrinsics
		.iter()
		.map(|x| H256(sp_crypto_hashing::blake2_256(&x.0)))
		.collect();
	let mut t = tracker.lock().expect("tracker");
	let now = t.now();
	let ours: Vec<(u32, u32)> = hashes
		.iter()
		.enumerate()
		.filter_map(|(i, h)| t.index.get(h).map(|tx| (i as u32, *tx)))
		.collect();
	for (_, tx) in &ours {
		t.best_at[*tx as usize].get_or_insert(now);
	}
	t.blocks.insert(
		hash,
		BlockRecord {
			number: header.number,
			parent: header.parent_hash,
			timestamp,
			ours,
			finalized: false,
		},
	);
	Ok(Some((header.number, header.parent_hash)))
}

/// Learns `hash` and its ancestors down to the load's base block, oldest first; returns them.
async fn learn_chain(
	rpc: &Rpc,
	tracker: &Mutex<Tracker>,
	hash: H256,
	ts_key: &[u8],
) -> Result<Vec<H256>, String> {
	let base = tracker.lock().expect("tracker").base;
	let mut chain = Vec::new();
	let mut cur = hash;
	loop {
		let known = tracker
			.lock()
			.expect("tracker")
			.blocks
			.get(&cur)
			.map(|b| (b.number, b.parent, b.finalized));
		let (number, parent) = match known {
			Some((_, _, true)) => break,
			Some((n, p, false)) => (n, p),
			None => match learn(rpc, tracker, cur, ts_key).await? {
				Some(np) => np,
				None => break,
			},
		};
		if number <= base {
			break;
		}
		chain.push(cur);
		cur = parent;
	}
	chain.reverse();
	Ok(chain)
}

async fn follow_best(
	rpc: Rpc,
	tracker: Arc<Mutex<Tracker>>,
	ts_key: Vec<u8>,
) -> Result<(), String> {
	let mut heads = rpc
		.chain_subscribe_new_heads()
		.await
		.map_err(|e| format!("chain_subscribeNewHeads: {e}"))?;
	while let Some(header) = heads.next().await {
		let header = header.map_err(|e| format!("new heads: {e}"))?;
		learn_chain(&rpc, &tracker, header_hash(&header), &ts_key).await?;
	}
	Ok(())
}

async fn follow_finalized(
	rpc: Rpc,
	tracker: Arc<Mutex<Tracker>>,
	ts_key: Vec<u8>,
) -> Result<(), String> {
	let mut heads = rpc
		.chain_subscribe_finalized_heads()
		.await
		.map_err(|e| format!("chain_subscribeFinalizedHeads: {e}"))?;
	while let Some(header) = heads.next().await {
		let header = header.map_err(|e| format!("finalized heads: {e}"))?;
		let chain = learn_chain(&rpc, &tracker, header_hash(&header), &ts_key).await?;
		let mut t = tracker.lock().expect("tracker");
		let now = t.now();
		for hash in chain {
			let ours = {
				let block = t.blocks.get_mut(&hash).expect("learnt above");
				block.finalized = true;
				block.ours.clone()
			};
			for (_, tx) in ours {
				t.final_at[tx as usize].get_or_insert(now);
				t.best_at[tx as usize].get_or_insert(now);
			}
		}
	}
	Ok(())
}

/// Samples the node's VmRSS until dropped; the peak in KiB.
fn sample_rss(pid: u32) -> (Arc<Mutex<u64>>, tokio::task::JoinHandle<()>) {
	let peak = Arc::new(Mutex::new(0u64));
	let p = peak.clone();
	let task = tokio::spawn(async move {
		loop {
			if let Some(kib) = proc_status_kib(pid, "VmRSS:") {
				let mut peak = p.lock().expect("peak");
				*peak = (*peak).max(kib);
			}
			tokio::time::sleep(Duration::from_millis(200)).await;
		}
	});
	(peak, task)
}

fn proc_status_kib(pid: u32, field: &str) -> Option<u64> {
	let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
	let line = status.lines().find(|l| l.starts_with(field))?;
	line.split_whitespace().nth(1)?.parse().ok()
}

pub async fn run(o: RunOptions) -> Result<Report, String> {
	if o.senders == 0 || o.connections == 0 || o.inflight == 0 {
		return Err("--senders, --connections and --inflight must be at least 1".into());
	}
	let count = match (o.duration, o.rate) {
		(Some(d), r) if r > 0 => r.saturating_mul(d),
		(Some(_), _) => return Err("--duration needs a --rate".into()),
		(None, _) => o.count,
	};
	let chain = Chain::connect(&o.url).await?;
	let accounts = Accounts::new(&o.seed)?;
	let family = o.scenario.family();
	eprintln!("{}: deriving {} senders", chain.name, o.senders);
	let keys = accounts.keypairs(family, o.first_sender, o.senders);
	let ids: Vec<AccountId32> = keys.iter().map(|k| k.public_key().to_account_id()).collect();
	let per_sender = count.div_ceil(o.senders) as u128;
	setup(&chain, &o, &ids, per_sender).await?;

	// Sign everything.
	let nonces: Vec<u32> = chain.accounts(&ids).await?.into_iter().map(|(n, _)| n).collect();
	let (best_number, best_hash) = chain.best().await?;
	let dest = accounts::keypair(&o.dest)?.public_key().to_account_id();
	eprintln!("signing {count} transactions ({per_sender} per sender at most)");
	let signing = Instant::now();
	let txc = chain.offline.tx();
	let indices: Vec<u32> = (0..count).collect();
	let signed: Vec<Result<(H256, Vec<u8>), String>> = parallel_map(&indices, |k| {
		let sender = (*k % o.senders) as usize;
		let seq = *k / o.senders;
		let nonce = nonces[sender] + seq;
		let payload = match o.scenario {
			Scenario::ScoinPayment => {
				let reference = sp_crypto_hashing::blake2_256(&(ids[sender].0, seq).encode());
				dynamic::tx(
					"SCoin",
					"pay",
					vec![
						Value::u128(o.payee_org as u128),
						Value::unnamed_variant("ZeroPay", []),
						Value::u128(o.amount),
						Value::from_bytes(reference),
					],
				)
			},
			Scenario::BalancesTransfer => dynamic::tx(
				"Balances",
				"transfer_keep_alive",
				vec![
					Value::unnamed_variant("Id", [Value::from_bytes(dest.0)]),
					Value::u128(o.amount),
				],
			),
			Scenario::KrwTransfer => dynamic::tx(
				"DepositToken",
				"transfer",
				vec![Value::from_bytes(dest.0), Value::u128(o.amount)],
			),
			// A new account and resident per transaction, named by the registrar and its nonce,
			// so that a second run on the same chain registers others.
			Scenario::CitizenRegistration => {
				let i = *k as usize;
				dynamic::tx(
					"CitizenCard",
					"register_citizen",
					vec![
						Value::from_bytes(derived(b"load-test new citizen ", &ids[sender], nonce)),
						Value::from_bytes(derived(b"load-test new resident ", &ids[sender], nonce)),
						Value::u128(DISTRICTS[i % DISTRICTS.len()] as u128),
						Value::unnamed_variant(AGE_BANDS[i % AGE_BANDS.len()], []),
					],
				)
			},
		};
		let params = DefaultExtrinsicParamsBuilder::<C>::new()
			.nonce(nonce as u64)
			.mortal_from_unchecked(o.mortality, best_number, best_hash)
			.build();
		let tx = txc
			.create_signable_offline(&payload, params)
			.and_then(|mut s| s.sign(&keys[sender]))
			.map_err(|e| e.to_string())?;
		Ok((tx.hash(), tx.into_encoded()))
	});
	let signed: Vec<(H256, Vec<u8>)> = signed.into_iter().collect::<Result<_, _>>()?;
	eprintln!("signed in {:.1} s", signing.elapsed().as_secs_f64());

	// Follow the chain.
	let ts_key = storage_prefix("Timestamp", "Now");
	let tracker = Arc::new(Mutex::new(Tracker {
		start: Instant::now(),
		base: best_number,
		index: signed.iter().enumerate().map(|(i, (h, _))| (*h, i as u32)).collect(),
		best_at: vec![None; count as usize],
		final_at: vec![None; count as usize],
		blocks: HashMap::new(),
	}));
	let follower_rpc = Rpc::new(connect(&o.url).await?);
	let best = tokio::spawn(follow_best(follower_rpc.clone(), tracker.clone(), ts_key.clone()));
	let finalized =
		tokio::spawn(follow_finalized(follower_rpc.clone(), tracker.clone(), ts_key.clone()));
	let rss = o.node_pid.map(sample_rss);

	// Submit.
	let mut connections = Vec::new();
	for _ in 0..o.connections {
		connections.push(Rpc::new(connect(&o.url).await?));
	}
	let start = Instant::now();
	tracker.lock().expect("tracker").start = start;
	let signed = Arc::new(signed);
	eprintln!(
		"submitting {count} transactions {}",
		if o.rate > 0 {
			format!("at {} per second", o.rate)
		} else {
			"as fast as the node takes them".into()
		}
	);
	let workers = connections.into_iter().enumerate().map(|(w, rpc)| {
		let signed = signed.clone();
		let (rate, step, inflight) = (o.rate, o.connections, o.inflight);
		tokio::spawn(async move {
			stream::iter((w..signed.len()).step_by(step))
				.map(|k| {
					let (rpc, signed) = (rpc.clone(), signed.clone());
					async move {
						if rate > 0 {
							let due = start + Duration::from_secs_f64(k as f64 / rate as f64);
							tokio::time::sleep_until(due.into()).await;
						}
						let at = start.elapsed().as_secs_f64();
						let result = rpc
							.author_submit_extrinsic(&signed[k].1)
							.await
							.map(|_| ())
							.map_err(reason);
						(k, Sent { at, result })
					}
				})
				.buffer_unordered(inflight)
				.collect::<Vec<_>>()
				.await
		})
	});
	let mut sent: Vec<Option<Sent>> = (0..count).map(|_| None).collect();
	for worker in futures::future::join_all(workers).await {
		for (k, s) in worker.map_err(|e| format!("a submitter failed: {e}"))? {
			sent[k] = Some(s);
		}
	}
	let submit_secs = start.elapsed().as_secs_f64();
	let accepted = sent.iter().flatten().filter(|s| s.result.is_ok()).count() as u64;
	eprintln!(
		"submitted in {submit_secs:.1} s; {accepted} accepted; waiting for them to be finalized"
	);

	// Settle: until every accepted transaction is finalized, or nothing moves for `settle` s.
	let mut last = (0usize, Instant::now());
	loop {
		let done = tracker.lock().expect("tracker").final_at.iter().flatten().count();
		if done as u64 >= accepted {
			break;
		}
		if done != last.0 {
			last = (done, Instant::now());
		} else if last.1.elapsed() > Duration::from_secs(o.settle) {
			eprintln!("no progress for {} s: {} of {accepted} finalized", o.settle, done);
			break;
		}
		if best.is_finished() || finalized.is_finished() {
			break;
		}
		tokio::time::sleep(Duration::from_millis(250)).await;
	}
	let rss_peak_mib = rss.map(|(peak, task)| {
		task.abort();
		*peak.lock().expect("peak") as f64 / 1024.0
	});
	best.abort();
	finalized.abort();
	for (name, task) in [("best", best), ("finalized", finalized)] {
		if let Ok(Err(e)) = task.await {
			return Err(format!("following {name} blocks: {e}"));
		}
	}

	let tracker =
		Arc::try_unwrap(tracker).ok().expect("followers stopped").into_inner().expect("tracker");
	let mut report = Report {
		label: o.label.clone(),
		scenario: serde_json::to_value(o.scenario)
			.ok()
			.and_then(|v| v.as_str().map(String::from))
			.unwrap_or_default(),
		chain: chain.name.clone(),
		senders: o.senders,
		rate: o.rate,
		submitted: count as u64,
		accepted,
		submit_secs,
		submit_rate: count as f64 / submit_secs,
		rss_peak_mib,
		rss_hwm_mib: o
			.node_pid
			.and_then(|pid| proc_status_kib(pid, "VmHWM:"))
			.map(|k| k as f64 / 1024.0),
		..Default::default()
	};
	for s in sent.iter().flatten() {
		if let Err(why) = &s.result {
			report.rejected += 1;
			*report.rejected_by_reason.entry(why.clone()).or_default() += 1;
		}
	}
	measure(&chain, &tracker, &sent, &mut report).await?;
	Ok(report)
}

/// The pool's refusal, as `code message: data`.
fn reason(e: subxt::rpcs::Error) -> String {
	match e {
		subxt::rpcs::Error::User(u) => match u.data {
			Some(data) => format!("{} {}: {}", u.code, u.message, data.get().trim_matches('"')),
			None => format!("{} {}", u.code, u.message),
		},
		other => other.to_string(),
	}
}

/// Throughput and latencies from the finalized loaded blocks; dispatch failures from their events.
async fn measure(
	chain: &Chain,
	t: &Tracker,
	sent: &[Option<Sent>],
	r: &mut Report,
) -> Result<(), String> {
	let mut loaded: Vec<(&H256, &BlockRecord)> =
		t.blocks.iter().filter(|(_, b)| b.finalized && !b.ours.is_empty()).collect();
	loaded.sort_by_key(|(_, b)| b.number);
	let mut inclusion = Vec::new();
	let mut finality = Vec::new();
	for (k, s) in sent.iter().enumerate() {
		let (Some(s), Some(fin)) = (s, t.final_at[k]) else { continue };
		r.included += 1;
		finality.push((fin - s.at).max(0.0));
		inclusion.push((t.best_at[k].unwrap_or(fin) - s.at).max(0.0));
	}
	r.dropped = r.accepted.saturating_sub(r.included);
	r.inclusion_p50 = percentile(&mut inclusion, 50.0);
	r.inclusion_p95 = percentile(&mut inclusion, 95.0);
	r.inclusion_p99 = percentile(&mut inclusion, 99.0);
	r.finality_p50 = percentile(&mut finality, 50.0);
	r.finality_p95 = percentile(&mut finality, 95.0);
	r.finality_p99 = percentile(&mut finality, 99.0);
	let (Some((_, first)), Some((_, last))) = (loaded.first(), loaded.last()) else {
		return Ok(());
	};
	r.first_block = first.number;
	r.last_block = last.number;
	r.blocks = last.number - first.number + 1;
	let mut per_block: Vec<u64> = loaded.iter().map(|(_, b)| b.ours.len() as u64).collect();
	per_block.sort_unstable();
	r.per_block_max = *per_block.last().unwrap_or(&0);
	r.per_block_median = per_block[per_block.len() / 2];
	let ts_key = storage_prefix("Timestamp", "Now");
	let before = chain
		.rpc
		.state_get_storage(&ts_key, Some(first.parent))
		.await
		.map_err(|e| format!("state_getStorage: {e}"))?
		.and_then(|v| v.get(..8).map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes"))));
	if let (Some(before), Some(end)) = (before, last.timestamp) {
		r.window_secs = end.saturating_sub(before) as f64 / 1000.0;
		if r.window_secs > 0.0 {
			r.tps = r.included as f64 / r.window_secs;
		}
	}
	// Dispatch failures.
	let events_key = storage_prefix("System", "Events");
	for (hash, block) in &loaded {
		let Some(raw) = chain.rpc.state_get_storage(&events_key, Some(**hash)).await.ok().flatten()
		else {
			eprintln!("block {}: events no longer available (pruned?)", block.number);
			continue;
		};
		let ours: HashMap<u32, u32> = block.ours.iter().copied().collect();
		for event in chain.offline.events().from_bytes(raw).iter() {
			let event =
				event.map_err(|e| format!("decoding events of block {}: {e}", block.number))?;
			if event.pallet_name() == "System" && event.event_name() == "ExtrinsicFailed" {
				if let Phase::ApplyExtrinsic(i) = event.phase() {
					if ours.contains_key(&i) {
						r.failed += 1;
					}
				}
			}
		}
	}
	Ok(())
}

/// Nearest-rank percentile; 0 when empty.
fn percentile(values: &mut [f64], p: f64) -> f64 {
	if values.is_empty() {
		return 0.0;
	}
	values.sort_by(|a, b| a.total_cmp(b));
	let rank = ((p / 100.0) * values.len() as f64).ceil() as usize;
	values[rank.clamp(1, values.len()) - 1]
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn percentiles_are_nearest_rank() {
		let mut v: Vec<f64> = (1..=100).map(|i| i as f64).collect();
		assert_eq!(percentile(&mut v, 50.0), 50.0);
		assert_eq!(percentile(&mut v, 95.0), 95.0);
		assert_eq!(percentile(&mut v, 99.0), 99.0);
		assert_eq!(percentile(&mut [], 50.0), 0.0);
		assert_eq!(percentile(&mut [3.0], 99.0), 3.0);
	}

	#[test]
	fn system_account_key_is_the_storage_map_key() {
		// twox128("System") ++ twox128("Account"): the well-known prefix.
		let key = system_account_key(&AccountId32([1; 32]));
		assert_eq!(
			crate::populate::hex(&key[..32]),
			"26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9"
		);
		assert_eq!(key.len(), 32 + 16 + 32);
	}
}
