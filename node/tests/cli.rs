//! The command line as an operator uses it: help, chain specs, refused options.

use std::process::Command;

fn seoul_node() -> Command {
	Command::new(env!("CARGO_BIN_EXE_seoul-node"))
}

fn stdout_of(args: &[&str]) -> String {
	let output = seoul_node().args(args).output().expect("seoul-node runs");
	assert!(
		output.status.success(),
		"seoul-node {args:?} failed: {}",
		String::from_utf8_lossy(&output.stderr)
	);
	String::from_utf8(output.stdout).expect("output is UTF-8")
}

#[test]
fn help_says_offchain_workers_always_run() {
	let help = stdout_of(&["--help"]);
	assert!(help.contains("--offchain-worker"), "{help}");
	assert!(help.contains("[default: always]"), "{help}");
	assert!(help.contains("--chain dev"), "{help}");
}

#[test]
fn offchain_workers_cannot_be_turned_off() {
	let output = seoul_node()
		.args(["--dev", "--tmp", "--offchain-worker", "never"])
		.output()
		.expect("seoul-node runs");
	assert!(!output.status.success());
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(stderr.contains("offchain workers on every node"), "{stderr}");
}

fn chain_spec(chain: &str) -> serde_json::Value {
	serde_json::from_str(&stdout_of(&["export-chain-spec", "--chain", chain]))
		.expect("the chain spec is JSON")
}

#[test]
fn chain_specs_announce_the_s_coin() {
	for (chain, id) in [("dev", "seoul_dev"), ("local", "seoul_local")] {
		let spec = chain_spec(chain);
		assert_eq!(spec["id"], id);
		let properties = &spec["properties"];
		assert_eq!(properties["tokenSymbol"], "SCOIN", "{chain}");
		assert_eq!(properties["tokenDecimals"], 0, "{chain}");
		assert_eq!(properties["ss58Format"], seoul_runtime::SS58_PREFIX, "{chain}");
	}
}

#[test]
fn only_the_dev_chain_has_a_sudo_key() {
	let dev = chain_spec("dev");
	let patch = &dev["genesis"]["runtimeGenesis"]["patch"];
	assert!(patch["sudo"]["key"].is_string(), "{patch}");
	assert_eq!(patch["session"]["keys"].as_array().map(Vec::len), Some(1));

	let local = chain_spec("local");
	let patch = &local["genesis"]["runtimeGenesis"]["patch"];
	assert!(patch["sudo"]["key"].is_null(), "{patch}");
	assert_eq!(patch["session"]["keys"].as_array().map(Vec::len), Some(4));
}

#[test]
fn genesis_validators_are_the_accounts_with_session_keys() {
	for chain in ["dev", "local"] {
		let spec = chain_spec(chain);
		let patch = &spec["genesis"]["runtimeGenesis"]["patch"];
		let validators = patch["validatorSet"]["initialValidators"].as_array().cloned();
		let keyed: Option<Vec<_>> = patch["session"]["keys"]
			.as_array()
			.map(|keys| keys.iter().map(|entry| entry[0].clone()).collect());
		assert!(validators.as_ref().is_some_and(|v| !v.is_empty()), "{chain}: {patch}");
		assert_eq!(validators, keyed, "{chain}: the validator set is the accounts of session.keys");
	}
}
