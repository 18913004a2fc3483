//! `seoul-node`: the Seoul city chain node.

#![warn(missing_docs)]

mod chain_spec;
mod citizen_card_rpc;
mod cli;
mod command;
mod deposit_token_rpc;
mod pool_api;
mod pool_batch;
mod proposer;
mod rpc;
mod s_coin_rpc;
mod service;
mod signature_cache;

/// jemalloc instead of glibc's allocator: less time in `malloc` and `free` under load and a
/// smaller resident set (docs/performance.md, *Tuning tried*).
#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOC: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> sc_cli::Result<()> {
	command::run()
}
