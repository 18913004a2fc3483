//! seoul-loadgen: a load generator for Substrate chains, and the Seoul city chain's
//! throughput benchmark (`scripts/bench.sh`).
//!
//! - `populate`: a chain spec with a populated state (citizens and payers with balances; the
//!   payers' organization is a registrar).
//! - `run`: one scenario; prints its report and appends it as a JSON line.
//! - `table`: the reports of a JSON-lines file as a Markdown table.
//!
//! It reads metadata from the node (subxt, dynamic calls), so `balances-transfer` also runs
//! against any chain with pallet-balances and pallet-utility.

mod accounts;
mod populate;
mod run;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "seoul-loadgen", version, about)]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Adds citizens and payers to a plain chain spec (from `seoul-node build-spec --chain dev`).
	Populate {
		/// The chain spec to start from.
		#[arg(long)]
		spec: PathBuf,
		/// Where to write the populated chain spec.
		#[arg(long)]
		out: PathBuf,
		/// Registered residents, `<seed>//citizen//<i>`.
		#[arg(long, default_value_t = 100_000)]
		citizens: u32,
		/// Members of the organization "Seoul load-test payers", a registrar,
		/// `<seed>//payer//<i>` (≤ 1,000).
		#[arg(long, default_value_t = 1_000)]
		payers: u32,
		/// Every added account's balance, in the chain's smallest unit.
		#[arg(long, default_value_t = 1_000_000)]
		balance: u128,
		/// The organization registered as the citizens' registrar.
		#[arg(long, default_value_t = 0)]
		registrar: u32,
		#[arg(long, default_value = "//seoul-load")]
		seed: String,
	},
	/// Runs one scenario and reports what the chain included, how fast, and how late.
	Run(run::RunOptions),
	/// Prints the reports in a JSON-lines file as a Markdown table.
	Table { file: PathBuf },
}

#[tokio::main]
async fn main() {
	if let Err(e) = dispatch(Cli::parse().command).await {
		eprintln!("error: {e}");
		std::process::exit(1);
	}
}

async fn dispatch(command: Command) -> Result<(), String> {
	match command {
		Command::Populate { spec, out, citizens, payers, balance, registrar, seed } => {
			let text =
				std::fs::read_to_string(&spec).map_err(|e| format!("{}: {e}", spec.display()))?;
			let mut json: serde_json::Value =
				serde_json::from_str(&text).map_err(|e| format!("{}: {e}", spec.display()))?;
			let accounts = accounts::Accounts::new(&seed)?;
			let p = populate::Populate { citizens, payers, balance, registrar };
			populate::populate(&mut json, &accounts, &p)?;
			json["name"] = format!("Seoul load test ({citizens} citizens)").into();
			json["id"] = "seoul_load".into();
			let text = serde_json::to_string(&json).map_err(|e| e.to_string())?;
			std::fs::write(&out, text).map_err(|e| format!("{}: {e}", out.display()))?;
			eprintln!("{}: {citizens} citizens, {payers} payers", out.display());
			Ok(())
		},
		Command::Run(options) => {
			let json = options.json.clone();
			let report = run::run(options).await?;
			print!("{}", report::summary(&report));
			if let Some(path) = json {
				report::append(&path, &report)?;
			}
			Ok(())
		},
		Command::Table { file } => {
			print!("{}", report::table(&report::read(&file)?));
			Ok(())
		},
	}
}

mod report;
