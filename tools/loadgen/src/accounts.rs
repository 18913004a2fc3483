//! The load's accounts: derived from one root secret URI, so that `populate` (which writes
//! them into a chain spec) and `run` (which signs with them) agree without storing keys.
//!
//! Citizens are `<root>//citizen//<i>`, payers `<root>//payer//<i>` (every junction hard).

use std::str::FromStr;

use subxt::utils::AccountId32;
use subxt_signer::{sr25519::Keypair, DeriveJunction, SecretUri};

/// The two families of load accounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
	/// Registered residents (S-coin payers).
	Citizen,
	/// Members of an organization, a registrar (native balance and KRW transfers, citizen
	/// registrations).
	Payer,
}

impl Family {
	fn junction(self) -> &'static str {
		match self {
			Family::Citizen => "citizen",
			Family::Payer => "payer",
		}
	}
}

/// Derives load accounts from a root secret URI.
pub struct Accounts {
	root: Keypair,
}

impl Accounts {
	pub fn new(root_uri: &str) -> Result<Self, String> {
		let uri = SecretUri::from_str(root_uri).map_err(|e| format!("--seed {root_uri}: {e}"))?;
		let root = Keypair::from_uri(&uri).map_err(|e| format!("--seed {root_uri}: {e:?}"))?;
		Ok(Self { root })
	}

	pub fn keypair(&self, family: Family, index: u32) -> Keypair {
		self.root
			.derive([DeriveJunction::hard(family.junction()), DeriveJunction::hard(index as u64)])
	}

	/// Keypairs `first..first + count` of `family`, derived on every core.
	pub fn keypairs(&self, family: Family, first: u32, count: u32) -> Vec<Keypair> {
		let indices: Vec<u32> = (first..first + count).collect();
		parallel_map(&indices, |i| self.keypair(family, *i))
	}

	/// Account ids `first..first + count` of `family`.
	pub fn account_ids(&self, family: Family, first: u32, count: u32) -> Vec<AccountId32> {
		self.keypairs(family, first, count)
			.into_iter()
			.map(|k| k.public_key().to_account_id())
			.collect()
	}
}

/// Parses a secret URI such as `//Alice` into a keypair.
pub fn keypair(uri: &str) -> Result<Keypair, String> {
	let parsed = SecretUri::from_str(uri).map_err(|e| format!("{uri}: {e}"))?;
	Keypair::from_uri(&parsed).map_err(|e| format!("{uri}: {e:?}"))
}

/// `f` over `items` on every core, in order.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
	let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
	let chunk = items.len().div_ceil(threads).max(1);
	std::thread::scope(|scope| {
		let handles: Vec<_> = items
			.chunks(chunk)
			.map(|part| {
				let f = &f;
				scope.spawn(move || part.iter().map(f).collect::<Vec<R>>())
			})
			.collect();
		handles.into_iter().flat_map(|h| h.join().expect("a worker thread panicked")).collect()
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn derivation_is_stable_and_distinct() {
		let accounts = Accounts::new("//seoul-load").unwrap();
		let a = accounts.account_ids(Family::Citizen, 0, 3);
		let b = accounts.account_ids(Family::Citizen, 1, 2);
		assert_eq!(a[1..], b[..]);
		assert_ne!(a[0], a[1]);
		let payer = accounts.account_ids(Family::Payer, 0, 1);
		assert_ne!(payer[0], a[0]);
	}

	#[test]
	fn parallel_map_keeps_order() {
		let items: Vec<u32> = (0..1001).collect();
		assert_eq!(
			parallel_map(&items, |i| i * 2),
			items.iter().map(|i| i * 2).collect::<Vec<_>>()
		);
	}
}
