//! The command line.

/// Sub-commands of `seoul-node`; without one, it runs a node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management tools: generate keys, inspect them, derive peer ids from node keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (deprecated: use `export-chain-spec`).
	#[deprecated(note = "build-spec is deprecated: use export-chain-spec")]
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification of `--chain` (`dev`, `local` or a file) as JSON.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Benchmarks: pallet weights, storage, block execution and machine (built with the
	/// `runtime-benchmarks` feature only).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),
}

/// The command line of `seoul-node`.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// A sub-command; none runs a node.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Running a node.
	#[clap(flatten)]
	pub run: sc_cli::RunCmd,
}
