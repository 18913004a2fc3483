//! The node service: Aura authoring, GRANDPA finality, ParityDB, offchain workers on every node.

use std::{sync::Arc, time::Duration};

use futures::FutureExt;
use sc_client_api::{Backend, BlockBackend, UsageProvider};
use sc_consensus_aura::{ImportQueueParams, SlotProportion, StartAuraParams};
use sc_consensus_grandpa::SharedVoterState;
use sc_service::{error::Error as ServiceError, Configuration, TaskManager, WarpSyncConfig};
use sc_telemetry::{Telemetry, TelemetryWorker};
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use seoul_runtime::{apis::RuntimeApi, opaque::Block};
use sp_consensus_aura::sr25519::{AuthorityId as AuraId, AuthorityPair as AuraPair};

/// The full client, running the runtime's WASM with `sp_io`'s host functions, the sr25519
/// signature check cached (`signature_cache`).
pub(crate) type FullClient = sc_service::TFullClient<
	Block,
	RuntimeApi,
	sc_executor::WasmExecutor<crate::signature_cache::HostFunctions>,
>;
type FullBackend = sc_service::TFullBackend<Block>;
type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;

/// Blocks between GRANDPA justifications that every node imports and stores.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

/// The share of the slot a validator spends building its block: the rest is for import and
/// propagation to the other validators.
const BLOCK_PROPOSAL_SLOT_PORTION: f32 = 2.0 / 3.0;

/// The parts of the node the sub-commands need too.
pub type Service = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	sc_transaction_pool::TransactionPoolHandle<Block, FullClient>,
	(
		sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>,
		sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>,
		Option<Telemetry>,
	),
>;

/// The fork-aware pool's options from the command line's, as
/// `TransactionPoolParams::transaction_pool` makes them. sc-transaction-pool 48 keeps the
/// options it makes private (`TransactionPoolOptions`), so the node makes them again to build
/// the pool on its own runtime access (`pool_api`); a test checks that the two agree.
pub fn pool_options(
	params: &sc_cli::TransactionPoolParams,
	is_dev: bool,
) -> sc_transaction_pool::Options {
	let bytes = params.pool_kbytes * 1024;
	let mut options = sc_transaction_pool::Options::default();
	options.ready = sc_transaction_pool::PoolLimit { count: params.pool_limit, total_bytes: bytes };
	// A tenth of the pool for transactions waiting for an earlier one.
	options.future =
		sc_transaction_pool::PoolLimit { count: params.pool_limit / 10, total_bytes: bytes / 10 };
	options.ban_time = match params.tx_ban_seconds {
		Some(seconds) => Duration::from_secs(seconds),
		None if is_dev => Duration::ZERO,
		None => Duration::from_secs(30 * 60),
	};
	options
}

/// Builds the client, database, transaction pool and import queue.
///
/// With `pool`, the transaction pool is the fork-aware pool with these options, its upkeep
/// validations answered from the transactions' last runtime results (`pool_api`): the running
/// node's, unless `--pool-type single-state`. Without, it is the pool the configuration
/// describes, as polkadot-sdk builds it (the sub-commands').
pub fn new_partial(
	config: &Configuration,
	pool: Option<sc_transaction_pool::Options>,
) -> Result<Service, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|x| !x.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor =
		sc_service::new_wasm_executor::<crate::signature_cache::HostFunctions>(&config.executor);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			Vec::new(),
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());

	let transaction_pool = Arc::from(match pool {
		Some(options) => sc_transaction_pool::TransactionPoolWrapper::<Block, FullClient>(
			Box::new(sc_transaction_pool::ForkAwareTxPool::new_with_background_worker(
				options,
				config.role.is_authority().into(),
				Arc::new(crate::pool_api::CachedChainApi::new(
					client.clone(),
					config.prometheus_registry(),
					&task_manager.spawn_essential_handle(),
				)?),
				config.prometheus_registry(),
				task_manager.spawn_essential_handle(),
				client.usage_info().chain.best_hash,
				client.usage_info().chain.finalized_hash,
			)),
		),
		None => sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	});

	let (grandpa_block_import, grandpa_link) = sc_consensus_grandpa::block_import(
		client.clone(),
		GRANDPA_JUSTIFICATION_PERIOD,
		&client,
		select_chain.clone(),
		telemetry.as_ref().map(|x| x.handle()),
	)?;

	let cidp_client = client.clone();
	let import_queue =
		sc_consensus_aura::import_queue::<AuraPair, _, _, _, _, _>(ImportQueueParams {
			block_import: grandpa_block_import.clone(),
			justification_import: Some(Box::new(grandpa_block_import.clone())),
			client: client.clone(),
			create_inherent_data_providers: move |parent_hash, _| {
				let cidp_client = cidp_client.clone();
				async move {
					let slot_duration = sc_consensus_aura::standalone::slot_duration_at(
						&*cidp_client,
						parent_hash,
					)?;
					let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
					let slot =
						sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
							*timestamp,
							slot_duration,
						);
					Ok((slot, timestamp))
				}
			},
			spawner: &task_manager.spawn_essential_handle(),
			registry: config.prometheus_registry(),
			check_for_equivocation: Default::default(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			compatibility_mode: Default::default(),
		})?;

	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (grandpa_block_import, grandpa_link, telemetry),
	})
}

/// Builds and starts a full node: a validator when the keystore holds its session keys and
/// `--validator` is given, an RPC or sync node otherwise.
pub fn new_full<
	N: sc_network::NetworkBackend<Block, <Block as sp_runtime::traits::Block>::Hash>,
>(
	config: Configuration,
	pool: Option<sc_transaction_pool::Options>,
) -> Result<TaskManager, ServiceError> {
	let sc_service::PartialComponents {
		client,
		backend,
		mut task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (block_import, grandpa_link, mut telemetry),
	} = new_partial(&config, pool)?;

	let mut net_config = sc_network::config::FullNetworkConfiguration::<
		Block,
		<Block as sp_runtime::traits::Block>::Hash,
		N,
	>::new(&config.network, config.prometheus_registry().cloned());
	let metrics = N::register_notification_metrics(config.prometheus_registry());

	let peer_store_handle = net_config.peer_store_handle();
	let grandpa_protocol_name = sc_consensus_grandpa::protocol_standard_name(
		&client.block_hash(0).ok().flatten().expect("Genesis block exists; qed"),
		&config.chain_spec,
	);
	let (grandpa_protocol_config, grandpa_notification_service) =
		sc_consensus_grandpa::grandpa_peers_set_config::<_, N>(
			grandpa_protocol_name.clone(),
			metrics.clone(),
			peer_store_handle,
		);
	net_config.add_notification_protocol(grandpa_protocol_config);

	let warp_sync = Arc::new(sc_consensus_grandpa::warp_proof::NetworkProvider::new(
		backend.clone(),
		grandpa_link.shared_authority_set().clone(),
		Vec::default(),
	));

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config: Some(WarpSyncConfig::WithProvider(warp_sync)),
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	// Offchain workers run on every node, validators and RPC nodes alike: node authorization
	// (`pallet-node-authorization`) is enforced by them. The command line makes `always` the
	// default of `--offchain-worker`.
	if config.offchain_worker.enabled {
		let offchain_workers =
			sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
				runtime_api_provider: client.clone(),
				is_validator: config.role.is_authority(),
				keystore: Some(keystore_container.keystore()),
				offchain_db: backend.offchain_storage(),
				transaction_pool: Some(OffchainTransactionPoolFactory::new(
					transaction_pool.clone(),
				)),
				network_provider: Arc::new(network.clone()),
				enable_http_requests: false,
				custom_extensions: |_| vec![],
			})?;
		task_manager.spawn_handle().spawn(
			"offchain-workers-runner",
			"offchain-worker",
			offchain_workers.run(client.clone(), task_manager.spawn_handle()).boxed(),
		);
	}

	let role = config.role;
	let force_authoring = config.force_authoring;
	let backoff_authoring_blocks: Option<()> = None;
	let name = config.network.node_name.clone();
	let enable_grandpa = !config.disable_grandpa;
	let prometheus_registry = config.prometheus_registry().cloned();
	if let Some(registry) = prometheus_registry.as_ref() {
		crate::signature_cache::register_metrics(registry)?;
	}

	let rpc_extensions_builder = {
		let client = client.clone();
		let pool = transaction_pool.clone();

		Box::new(move |_| {
			let deps = crate::rpc::FullDeps { client: client.clone(), pool: pool.clone() };
			crate::rpc::create_full(deps).map_err(Into::into)
		})
	};

	let _rpc_handlers = sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: network.clone(),
		client: client.clone(),
		keystore: keystore_container.keystore(),
		task_manager: &mut task_manager,
		transaction_pool: transaction_pool.clone(),
		rpc_builder: rpc_extensions_builder,
		backend,
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
		config,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	if role.is_authority() {
		let proposer_factory = crate::proposer::ProposerFactory::new(
			task_manager.spawn_handle(),
			client.clone(),
			transaction_pool.clone(),
			sc_proposer_metrics::MetricsLink::new(prometheus_registry.as_ref()),
			telemetry.as_ref().map(|x| x.handle()),
		);

		let slot_duration = sc_consensus_aura::slot_duration::<AuraId, _, _>(&*client)?;

		let aura = sc_consensus_aura::start_aura::<AuraPair, _, _, _, _, _, _, _, _, _, _>(
			StartAuraParams {
				slot_duration,
				client,
				select_chain,
				block_import,
				proposer_factory,
				create_inherent_data_providers: move |_, ()| async move {
					let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
					let slot =
						sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
							*timestamp,
							slot_duration,
						);
					Ok((slot, timestamp))
				},
				force_authoring,
				backoff_authoring_blocks,
				keystore: keystore_container.keystore(),
				sync_oracle: sync_service.clone(),
				justification_sync_link: sync_service.clone(),
				block_proposal_slot_portion: SlotProportion::new(BLOCK_PROPOSAL_SLOT_PORTION),
				max_block_proposal_slot_portion: None,
				telemetry: telemetry.as_ref().map(|x| x.handle()),
				compatibility_mode: Default::default(),
			},
		)?;

		// Authoring is essential: if it fails, the node stops.
		task_manager.spawn_essential_handle().spawn_blocking("aura", Some("block-authoring"), aura);
	}

	if enable_grandpa {
		// A node that does not vote needs no keystore for GRANDPA.
		let keystore = if role.is_authority() { Some(keystore_container.keystore()) } else { None };

		// A GRANDPA round lasts at least four gossip durations: a voter prevotes after two and
		// precommits after four, unless the others' precommits complete the round sooner. The
		// template's 333 ms (for 6-second blocks) made rounds of 1.33 s, two thirds of a slot,
		// and finality p95 6.1 s at 1,000 payments/s; 100 ms makes them 0.4 s, and finality p95
		// 4.8 s (docs/performance.md, *Tuning tried*). Validators on one city's network exchange
		// votes well within that; on slower links a round simply waits for the votes it needs.
		let grandpa_config = sc_consensus_grandpa::Config {
			gossip_duration: Duration::from_millis(100),
			justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
			name: Some(name),
			observer_enabled: false,
			keystore,
			local_role: role,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			protocol_name: grandpa_protocol_name,
		};

		// Every full node runs the voter (it only votes with a key): the observer is less
		// tested and could stall finality if most nodes ran it.
		let grandpa_params = sc_consensus_grandpa::GrandpaParams {
			config: grandpa_config,
			link: grandpa_link,
			network,
			sync: Arc::new(sync_service),
			notification_service: grandpa_notification_service,
			// A validator votes one block behind its best block, or three quarters of the way
			// there from the last finalized block when finality lags. polkadot-sdk's default keeps
			// votes two blocks behind (`BeforeBestBlockBy(2)`), 4 s of finality with 2-second
			// slots. Voting for the best block itself made the fork-aware transaction pool drop
			// accepted transactions: see docs/performance.md, *Tuning tried*.
			voting_rule: sc_consensus_grandpa::VotingRulesBuilder::new()
				.add(sc_consensus_grandpa::BeforeBestBlockBy(1))
				.add(sc_consensus_grandpa::ThreeQuartersOfTheUnfinalizedChain)
				.build(),
			prometheus_registry,
			shared_voter_state: SharedVoterState::empty(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
		};

		task_manager.spawn_essential_handle().spawn_blocking(
			"grandpa-voter",
			None,
			sc_consensus_grandpa::run_grandpa_voter(grandpa_params)?,
		);
	}

	Ok(task_manager)
}

#[cfg(test)]
mod tests {
	use super::*;

	/// The node's fork-aware pool gets the options polkadot-sdk's would, for every flag that
	/// sets them.
	#[test]
	fn pool_options_are_the_command_lines() {
		for (pool_limit, pool_kbytes, tx_ban_seconds, is_dev) in [
			(8192, 20480, None, false),
			(200_000, 1_000_000, None, true),
			(200_001, 7, Some(60), false),
			(9, 10, Some(0), true),
		] {
			let params = sc_cli::TransactionPoolParams {
				pool_limit,
				pool_kbytes,
				tx_ban_seconds,
				pool_type: sc_cli::TransactionPoolType::ForkAware,
				pool_best_blocks_only: false,
			};
			let theirs = format!("{:?}", params.transaction_pool(is_dev));
			let ours = format!("options: {:?}", pool_options(&params, is_dev));
			assert!(theirs.contains(&ours), "{theirs} does not hold {ours}");
		}
	}
}
