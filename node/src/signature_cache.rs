//! The runtime's sr25519 signature check, with a cache of the signatures found valid.
//!
//! A transaction's signature is checked by the runtime each time the transaction pool validates
//! it (at submission, then again when it revalidates waiting transactions and when a new view of
//! the pool takes them in) and once more when the transaction is applied in a block. Under load
//! that is three checks or more per payment, each about 40 µs of CPU (docs/performance.md,
//! *Profile*). Whether a signature is valid depends only on the public key, the message and the
//! signature, so the node remembers the triples it found valid and answers them again without
//! the curve arithmetic. The answer is the same with or without the cache: a block imports and
//! executes exactly as on any other node.
//!
//! The cache replaces the host functions `ext_crypto_sr25519_verify_version_1` and `_2` of
//! `sp_io` (through [`sp_wasm_interface::ExtendedHostFunctions`]). Version 1 is `sp_io`'s own
//! (it accepts the signatures of the deprecated schnorrkel format), uncached; version 2, which
//! runtimes call, is cached. A triple is remembered under the BLAKE2-256 hash of the public key,
//! the signature and the message; only valid signatures are remembered. Two generations of at
//! most [`GENERATION`] hashes each bound the memory (17 MiB at most): when the current one is full
//! it becomes the previous one, and the previous one is dropped.

use std::{
	collections::HashSet,
	sync::{LazyLock, Mutex, OnceLock},
};

use sp_core::{crypto::Pair as _, sr25519};
use sp_io::hashing::blake2_256;
use substrate_prometheus_endpoint::{register, Counter, PrometheusError, Registry, U64};

/// The host functions the node's executor runs the runtime with.
pub type HostFunctions = sp_wasm_interface::ExtendedHostFunctions<
	sp_io::SubstrateHostFunctions,
	host::crypto::HostFunctions,
>;

/// How many valid signatures a generation holds: more than a backlog of a minute at
/// 2,000 transactions a second, so that a waiting transaction's signature is still known when
/// it is revalidated or included.
pub const GENERATION: usize = 131_072;

/// The hashes of the (public key, signature, message) triples found valid.
#[derive(Default)]
struct Verified {
	current: HashSet<[u8; 32]>,
	previous: HashSet<[u8; 32]>,
}

impl Verified {
	fn contains(&self, key: &[u8; 32]) -> bool {
		self.current.contains(key) || self.previous.contains(key)
	}

	fn insert(&mut self, key: [u8; 32]) {
		if self.current.len() >= GENERATION {
			self.previous = std::mem::take(&mut self.current);
		}
		self.current.insert(key);
	}
}

static VERIFIED: LazyLock<Mutex<Verified>> = LazyLock::new(Default::default);

/// The cache's counters, once [`register_metrics`] has registered them.
struct Metrics {
	hits: Counter<U64>,
	checks: Counter<U64>,
}

static METRICS: OnceLock<Metrics> = OnceLock::new();

/// Registers the cache's counters with the node's Prometheus registry:
/// `seoul_sr25519_cache_hits_total`, the checks answered from the cache, and
/// `seoul_sr25519_cache_checks_total`, the checks made by the curve arithmetic (the first of
/// each valid signature, and every invalid one).
pub fn register_metrics(registry: &Registry) -> Result<(), PrometheusError> {
	let metrics = Metrics {
		hits: register(
			Counter::new(
				"seoul_sr25519_cache_hits_total",
				"sr25519 signature checks answered from the node's cache of valid signatures",
			)?,
			registry,
		)?,
		checks: register(
			Counter::new(
				"seoul_sr25519_cache_checks_total",
				"sr25519 signature checks not in the node's cache, made by the curve arithmetic",
			)?,
			registry,
		)?,
	};
	// A second registry (a second service in one process) keeps counting in the first.
	let _ = METRICS.set(metrics);
	Ok(())
}

/// The key a triple is remembered under: the public key and the signature have fixed lengths,
/// so their concatenation with the message is unambiguous.
fn key(sig: &sr25519::Signature, msg: &[u8], public: &sr25519::Public) -> [u8; 32] {
	let mut data = Vec::with_capacity(32 + 64 + msg.len());
	data.extend_from_slice(public.as_ref());
	data.extend_from_slice(sig.as_ref());
	data.extend_from_slice(msg);
	blake2_256(&data)
}

/// `sr25519::Pair::verify`, answered from the cache for a triple already found valid.
pub fn verify(sig: &sr25519::Signature, msg: &[u8], public: &sr25519::Public) -> bool {
	let key = key(sig, msg, public);
	if VERIFIED.lock().expect("not poisoned: no panic while held").contains(&key) {
		METRICS.get().inspect(|metrics| metrics.hits.inc());
		return true;
	}
	METRICS.get().inspect(|metrics| metrics.checks.inc());
	let valid = sr25519::Pair::verify(sig, msg, public);
	if valid {
		VERIFIED.lock().expect("not poisoned: no panic while held").insert(key);
	}
	valid
}

/// The overriding host functions. The trait's name and its functions' names and versions make
/// the host functions' names (`ext_crypto_sr25519_verify_version_N`), so they must stay as
/// `sp_io::crypto` has them.
// The macro also generates the runtime side's call, `crypto::sr25519_verify`, which the node
// never makes.
#[allow(dead_code)]
mod host {
	use super::{sr25519, verify};

	#[sp_runtime_interface::runtime_interface]
	pub trait Crypto {
		/// Version 1, as `sp_io` has it: accepts the deprecated signature format too. Registered
		/// only, for runtimes built before version 2.
		#[version(1, register_only)]
		fn sr25519_verify(
			sig: sp_runtime_interface::pass_by::PassPointerAndRead<&sr25519::Signature, 64>,
			msg: sp_runtime_interface::pass_by::PassFatPointerAndRead<&[u8]>,
			pubkey: sp_runtime_interface::pass_by::PassPointerAndRead<&sr25519::Public, 32>,
		) -> bool {
			sr25519::Pair::verify_deprecated(sig, msg, pubkey)
		}

		/// Version 2, cached ([`verify`]).
		#[version(2)]
		fn sr25519_verify(
			sig: sp_runtime_interface::pass_by::PassPointerAndRead<&sr25519::Signature, 64>,
			msg: sp_runtime_interface::pass_by::PassFatPointerAndRead<&[u8]>,
			pub_key: sp_runtime_interface::pass_by::PassPointerAndRead<&sr25519::Public, 32>,
		) -> bool {
			verify(sig, msg, pub_key)
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_wasm_interface::HostFunctions as _;

	fn signed(seed: u8, msg: &[u8]) -> (sr25519::Signature, sr25519::Public) {
		let pair = sr25519::Pair::from_seed(&[seed; 32]);
		(pair.sign(msg), pair.public())
	}

	#[test]
	fn answers_as_the_uncached_check() {
		let (sig, public) = signed(1, b"pay 10 S-coin");
		let (other_sig, other_public) = signed(2, b"pay 10 S-coin");
		// Twice each: the second answer of a valid triple comes from the cache.
		for _ in 0..2 {
			assert!(verify(&sig, b"pay 10 S-coin", &public));
			assert!(!verify(&sig, b"pay 99 S-coin", &public), "another message");
			assert!(!verify(&sig, b"pay 10 S-coin", &other_public), "another key");
			assert!(!verify(&other_sig, b"pay 10 S-coin", &public), "another signature");
		}
		assert!(VERIFIED.lock().unwrap().contains(&key(&sig, b"pay 10 S-coin", &public)));
		assert!(!VERIFIED.lock().unwrap().contains(&key(&sig, b"pay 99 S-coin", &public)));
	}

	#[test]
	fn keeps_two_generations() {
		let mut verified = Verified::default();
		let first = [1; 32];
		verified.insert(first);
		for i in 0..GENERATION as u32 - 1 {
			verified.insert(blake2_256(&i.to_le_bytes()));
		}
		assert_eq!(verified.current.len(), GENERATION);
		// The next one starts a generation: the first is still known, in the previous one.
		verified.insert([2; 32]);
		assert_eq!(verified.current.len(), 1);
		assert!(verified.contains(&first) && verified.contains(&[2; 32]));
		// A generation later, it is forgotten.
		for i in 0..GENERATION as u32 {
			verified.insert(blake2_256(&(i + GENERATION as u32).to_le_bytes()));
		}
		assert!(!verified.contains(&first));
	}

	#[test]
	fn overrides_sp_io_versions_only() {
		let names = |functions: Vec<&'static dyn sp_wasm_interface::Function>| {
			let mut names: Vec<String> = functions.iter().map(|f| f.name().to_string()).collect();
			names.sort();
			names
		};
		let ours = names(host::crypto::HostFunctions::host_functions());
		assert_eq!(
			ours,
			["ext_crypto_sr25519_verify_version_1", "ext_crypto_sr25519_verify_version_2"]
		);
		// Same functions as `sp_io`'s, under the same names: the runtime's imports resolve the
		// same way, two of them to the cached versions.
		assert_eq!(
			names(HostFunctions::host_functions()),
			names(sp_io::SubstrateHostFunctions::host_functions())
		);
	}
}
