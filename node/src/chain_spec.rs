//! The chain specs built into the node: `dev` and `local`.

use sc_service::{ChainType, Properties};
use seoul_runtime::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};

/// The chain spec of this node's runtime.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The properties wallets read (`system_properties`): the S-coin's symbol and decimals, and
/// the address format.
pub fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| "The runtime's WASM binary is not available".to_string())
}

/// `dev`: one validator (Alice), sudo, demo organizations and endowed development accounts.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Seoul City Chain Development")
		.with_id("seoul_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `local`: four validators on one machine (Alice for the city; Bob, Charlie and Dave for the
/// operators), no sudo.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Seoul City Chain Local Testnet")
		.with_id("seoul_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}
