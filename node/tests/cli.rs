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
fn help_says_libp2p_is_the_default_network_backend() {
	let help = stdout_of(&["--help"]);
	let entry = help.split("--network-backend").nth(1).expect("--network-backend in --help");
	let entry = entry.split("\n      --").next().unwrap_or_default();
	assert!(entry.contains("[default: libp2p]"), "{entry}");
	assert!(entry.contains("litep2p"), "{entry}");
}

/// The first lines a node logs as it starts, until one contains `until` (or 60 s pass).
fn node_log_until(args: &[&str], until: &str) -> String {
	use std::io::{BufRead, BufReader};
	let mut node = seoul_node()
		.args(args)
		.stdout(std::process::Stdio::null())
		.stderr(std::process::Stdio::piped())
		.spawn()
		.expect("seoul-node starts");
	let stderr = node.stderr.take().expect("stderr is piped");
	let (lines, received) = std::sync::mpsc::channel();
	std::thread::spawn(move || {
		for line in BufReader::new(stderr).lines().map_while(Result::ok) {
			if lines.send(line).is_err() {
				break;
			}
		}
	});
	let mut log = String::new();
	let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
	while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
		let Ok(line) = received.recv_timeout(left) else { break };
		log.push_str(&line);
		log.push('\n');
		if line.contains(until) {
			break;
		}
	}
	node.kill().ok();
	node.wait().ok();
	log
}

#[test]
fn a_node_runs_libp2p_unless_told_otherwise() {
	let node = ["--dev", "--tmp", "--port", "0", "--rpc-port", "0", "--no-prometheus"];
	let log = node_log_until(&node, "network backend");
	assert!(log.contains("Running libp2p network backend"), "{log}");

	let litep2p = [&node[..], &["--network-backend", "litep2p"]].concat();
	let log = node_log_until(&litep2p, "network backend");
	assert!(log.contains("Running litep2p network backend"), "{log}");
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

#[test]
fn the_city_holds_a_council_seat_and_the_local_council_is_the_validators() {
	for chain in ["dev", "local"] {
		let spec = chain_spec(chain);
		let patch = &spec["genesis"]["runtimeGenesis"]["patch"];
		let council = patch["councilMembership"]["members"].as_array().cloned().unwrap_or_default();
		let city = &patch["cityCouncil"]["citySeat"];
		assert!(council.len() >= 3, "{chain}: a council a two-thirds motion can carry: {patch}");
		assert!(council.contains(city), "{chain}: the city's seat {city} is on the council");
		if chain == "local" {
			let mut validators = patch["validatorSet"]["initialValidators"].as_array().cloned();
			let mut members = Some(council.clone());
			validators.as_mut().map(|v| v.sort_by_key(|a| a.to_string()));
			members.as_mut().map(|v| v.sort_by_key(|a| a.to_string()));
			assert_eq!(members, validators, "local: the council is the four validators' accounts");
		}
	}
}

/// The `local` genesis authorizes exactly the nodes whose secret keys `scripts/local-node-keys`
/// lists, as the node derives their peer ids.
#[test]
fn local_well_known_nodes_are_the_keys_of_the_local_network() {
	let keys =
		std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/local-node-keys"))
			.expect("scripts/local-node-keys");
	let dir = std::env::temp_dir().join(format!("seoul-node-keys-{}", std::process::id()));
	std::fs::create_dir_all(&dir).unwrap();
	let mut expected: Vec<String> = keys
		.lines()
		.filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
		.map(|line| {
			let fields: Vec<&str> = line.split_whitespace().collect();
			let file = dir.join(fields[0]);
			std::fs::write(&file, fields[1]).unwrap();
			let peer_id = stdout_of(&["key", "inspect-node-key", "--file", file.to_str().unwrap()]);
			assert_eq!(peer_id.trim(), fields[2], "{}: the peer id noted in the file", fields[0]);
			hex_of(&base58_decode(peer_id.trim()))
		})
		.collect();
	std::fs::remove_dir_all(&dir).ok();

	let spec = chain_spec("local");
	let nodes = spec["genesis"]["runtimeGenesis"]["patch"]["nodeAuthorization"]["nodes"]
		.as_array()
		.cloned()
		.unwrap_or_default();
	let mut authorized: Vec<String> = nodes
		.iter()
		.map(|node| {
			let bytes: Vec<u8> = serde_json::from_value(node[0].clone()).expect("peer id bytes");
			hex_of(&bytes)
		})
		.collect();
	expected.sort();
	authorized.sort();
	assert_eq!(authorized, expected);

	let dev = chain_spec("dev");
	let dev_nodes = &dev["genesis"]["runtimeGenesis"]["patch"]["nodeAuthorization"]["nodes"];
	assert!(dev_nodes.as_array().is_none_or(Vec::is_empty), "the dev node runs alone: {dev_nodes}");
}

fn hex_of(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn base58_decode(text: &str) -> Vec<u8> {
	const ALPHABET: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
	let mut bytes: Vec<u8> = Vec::new();
	for c in text.bytes() {
		let mut carry = ALPHABET.iter().position(|&a| a == c).expect("base58") as u32;
		for byte in bytes.iter_mut().rev() {
			carry += (*byte as u32) * 58;
			*byte = (carry & 0xff) as u8;
			carry >>= 8;
		}
		while carry > 0 {
			bytes.insert(0, (carry & 0xff) as u8);
			carry >>= 8;
		}
	}
	let zeros = text.bytes().take_while(|&c| c == b'1').count();
	[vec![0; zeros], bytes].concat()
}
