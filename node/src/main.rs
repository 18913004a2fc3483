//! `seoul-node`: the Seoul city chain node.

#![warn(missing_docs)]

mod chain_spec;
mod citizen_card_rpc;
mod cli;
mod command;
mod deposit_token_rpc;
mod proposer;
mod rpc;
mod s_coin_rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
