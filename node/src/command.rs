//! What `seoul-node` does with its command line.

use sc_cli::{OffchainWorkerEnabled, SubstrateCli};
use sc_service::PartialComponents;
use seoul_runtime::opaque::Block;
use sp_runtime::traits::Block as BlockT;

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Seoul City Chain Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://github.com/seoul-city/seoul-chain/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" => Box::new(chain_spec::local_chain_spec()?),
			path =>
				Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?),
		})
	}

	fn setup_command(cmd: clap::Command) -> clap::Command {
		cmd.name(Self::executable_name())
			.version(format!("{}\n", Self::impl_version()))
			.author(Self::author())
			.about(Self::description())
			.long_about(Self::description())
			.after_help(format!(
				"Chains: `--chain dev` (one validator, sudo, demo organizations), `--chain local` \
				 (four validators) or a chain spec file.\nSupport: {}",
				Self::support_url()
			))
			.propagate_version(true)
			.args_conflicts_with_subcommands(true)
			.subcommand_negates_reqs(true)
			// Node authorization is enforced by the offchain worker, so every node runs it.
			.mut_arg("enabled", |arg| {
				arg.default_value("always").help(
					"When to run offchain workers. seoul-node runs them always: node \
					 authorization (which peers may sync) is enforced by them, on RPC nodes too",
				)
			})
			// libp2p by default, not polkadot-sdk's litep2p: measured on this chain
			// (docs/performance.md, docs/development.md), litep2p closes a whole connection
			// when its transaction gossip clogs, and backs a newly authorized node's sync off
			// for a minute.
			.mut_arg("network_backend", |arg| {
				let help = "Network backend: libp2p (seoul-node's default) or litep2p";
				arg.default_value("libp2p").help(help).long_help(format!(
					"{help}.\n\nseoul-node runs libp2p by default. Under load, litep2p closes \
					 the whole connection to a peer whose transaction gossip falls behind (block \
					 announces and GRANDPA votes go with it), and a newly authorized node may \
					 wait a minute before it syncs. Both enforce node authorization the same \
					 way."
				))
			})
	}
}

/// Parses the command line and runs the sub-command or the node.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		#[allow(deprecated)]
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config, None)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } =
					service::new_partial(&config, None)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } =
					service::new_partial(&config, None)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config, None)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config, None)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(cmd)) => {
			use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};

			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| match cmd {
				// With `--runtime`, the genesis comes from that runtime's preset
				// (`--genesis-builder-preset`): the chain spec the runner loaded by default
				// would otherwise take precedence over it.
				BenchmarkCmd::Pallet(cmd) => {
					let chain_spec = cmd.runtime.is_none().then_some(config.chain_spec);
					cmd.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(chain_spec)
				},
				// A client with `sp_io`'s host functions, without the node's signature cache.
				// With the cache, every repeat after the first would find the block's
				// signatures already checked: the time of a node whose pool saw the
				// transactions, not of one that did not (a syncing node), which the weights
				// must cover.
				BenchmarkCmd::Block(cmd) => {
					let executor = sc_service::new_wasm_executor::<sp_io::SubstrateHostFunctions>(
						&config.executor,
					);
					let (client, _backend, _keystore, _task_manager) =
						sc_service::new_full_parts::<Block, seoul_runtime::apis::RuntimeApi, _>(
							&config,
							None,
							executor,
							Vec::new(),
						)?;
					cmd.run(std::sync::Arc::new(client))
				},
				BenchmarkCmd::Storage(cmd) => {
					let PartialComponents { client, backend, .. } =
						service::new_partial(&config, None)?;
					let db = backend.expose_db();
					let storage = backend.expose_storage();
					let shared_trie_cache = backend.expose_shared_trie_cache();
					cmd.run(config, client, db, storage, shared_trie_cache)
				},
				BenchmarkCmd::Overhead(cmd) =>
					cmd.run_with_default_builder_and_spec::<Block, ()>(Some(config.chain_spec)),
				BenchmarkCmd::Extrinsic(_) => Err("`benchmark extrinsic` is not wired in \
					seoul-node: use `benchmark pallet` for call weights and `benchmark overhead` \
					for block and extrinsic base weights"
					.into()),
				BenchmarkCmd::Machine(cmd) =>
					cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()),
			})
		},
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		None => {
			if !matches!(cli.run.offchain_worker_params.enabled, OffchainWorkerEnabled::Always) {
				return Err("seoul-node runs offchain workers on every node (`--offchain-worker \
				            always`): node authorization is enforced by them"
					.into());
			}
			let runner = cli.create_runner(&cli.run)?;
			let pool = match cli.run.pool_config.pool_type {
				sc_cli::TransactionPoolType::ForkAware => Some(service::pool_options(
					&cli.run.pool_config,
					cli.run.shared_params.is_dev(),
				)),
				sc_cli::TransactionPoolType::SingleState => None,
			};
			runner.run_node_until_exit(|config| async move {
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<Block, <Block as BlockT>::Hash>,
					>(config, pool)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p =>
						service::new_full::<sc_network::Litep2pNetworkBackend>(config, pool)
							.map_err(sc_cli::Error::Service),
				}
			})
		},
	}
}
