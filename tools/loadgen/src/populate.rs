//! `populate`: a chain spec with a populated state. Takes a plain (not raw) chain spec whose
//! genesis is a patch, as `seoul-node build-spec --chain dev` prints it, and adds:
//! - `citizens` registered residents (`<seed>//citizen//<i>`), each with an active card and
//!   `balance` S-coin;
//! - `payers` accounts (`<seed>//payer//<i>`), each with `balance` S-coin, all in one
//!   organization, "Seoul load-test payers" (payer 0 its admin, the others members), so that
//!   they are admitted, with an organization member's quota, and may move native balances and
//!   the KRW deposit token. The organization has the `Registrar` role, so that its members may
//!   register citizens (`run --scenario citizen-registration`).

use serde_json::{json, Value};

use crate::accounts::{Accounts, Family};

/// The standard administrative codes of Seoul's 25 districts.
pub const DISTRICTS: [u16; 25] = [
	11110, 11140, 11170, 11200, 11215, 11230, 11260, 11290, 11305, 11320, 11350, 11380, 11410,
	11440, 11470, 11500, 11530, 11545, 11560, 11590, 11620, 11650, 11680, 11710, 11740,
];
/// The age bands given to residents in turn (`AgeBand` variants).
pub const AGE_BANDS: [&str; 4] = ["Adult", "Senior", "Youth", "Adult"];
/// What the registry allows: 1,000 members, its admin counted.
pub const MAX_PAYERS: u32 = 1_000;
const PAYERS_ORGANIZATION: &str = "Seoul load-test payers";
/// The payers' organization's roles: registering citizens.
const PAYERS_ROLES: [&str; 1] = ["Registrar"];

pub struct Populate {
	pub citizens: u32,
	pub payers: u32,
	pub balance: u128,
	/// The organization that registers the citizens.
	pub registrar: u32,
}

/// Adds the load's accounts to `spec`'s genesis patch.
pub fn populate(spec: &mut Value, accounts: &Accounts, p: &Populate) -> Result<(), String> {
	if p.payers > MAX_PAYERS {
		return Err(format!(
			"--payers: at most {MAX_PAYERS} (an organization's members, its admin counted)"
		));
	}
	let patch = spec
		.pointer_mut("/genesis/runtimeGenesis/patch")
		.ok_or("the chain spec has no genesis patch: export it with `build-spec --chain <preset>`, not raw")?;
	let citizens = accounts.account_ids(Family::Citizen, 0, p.citizens);
	let payers = accounts.account_ids(Family::Payer, 0, p.payers);

	let balances = list(patch, &["balances", "balances"])?;
	for who in citizens.iter().chain(payers.iter()) {
		balances.push(json!([who.to_string(), p.balance]));
	}

	let cards = list(patch, &["citizenCard", "citizens"])?;
	for (i, who) in citizens.iter().enumerate() {
		let resident = sp_crypto_hashing::blake2_256(
			&[b"load-test resident ".as_slice(), &(i as u64).to_le_bytes()].concat(),
		);
		cards.push(json!([
			who.to_string(),
			format!("0x{}", hex(&resident)),
			DISTRICTS[i % DISTRICTS.len()],
			AGE_BANDS[i % AGE_BANDS.len()],
			p.registrar,
		]));
	}

	if let Some((admin, members)) = payers.split_first() {
		let organizations = list(patch, &["registry", "organizations"])?;
		organizations.push(json!([
			PAYERS_ORGANIZATION.as_bytes(),
			"Business",
			PAYERS_ROLES,
			admin.to_string(),
			members.iter().map(|m| m.to_string()).collect::<Vec<_>>(),
		]));
	}
	Ok(())
}

/// The array at `path` in `patch`, created empty where missing.
fn list<'a>(patch: &'a mut Value, path: &[&str]) -> Result<&'a mut Vec<Value>, String> {
	let mut node = patch;
	for key in path {
		node = node
			.as_object_mut()
			.ok_or_else(|| format!("genesis patch: `{}` is not an object", path.join(".")))?
			.entry(key.to_string())
			.or_insert_with(|| json!({}));
	}
	if node.as_object().is_some_and(|o| o.is_empty()) {
		*node = json!([]);
	}
	node.as_array_mut().ok_or_else(|| format!("genesis patch: `{}` is not a list", path.join(".")))
}

pub fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	fn spec() -> Value {
		json!({ "genesis": { "runtimeGenesis": { "patch": {
			"balances": { "balances": [["5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", 1]] },
			"citizenCard": { "citizens": [], "facilities": [] },
			"registry": { "organizations": [] }
		}}}})
	}

	#[test]
	fn adds_citizens_payers_and_their_organization() {
		let mut spec = spec();
		let accounts = Accounts::new("//seoul-load").unwrap();
		let p = Populate { citizens: 3, payers: 2, balance: 7, registrar: 0 };
		populate(&mut spec, &accounts, &p).unwrap();
		let patch = spec.pointer("/genesis/runtimeGenesis/patch").unwrap();
		assert_eq!(patch["balances"]["balances"].as_array().unwrap().len(), 1 + 3 + 2);
		let cards = patch["citizenCard"]["citizens"].as_array().unwrap();
		assert_eq!(cards.len(), 3);
		let citizen0 = accounts.account_ids(Family::Citizen, 0, 1)[0].to_string();
		assert_eq!(cards[0][0], json!(citizen0));
		assert_ne!(cards[0][1], cards[1][1], "resident hashes differ");
		let orgs = patch["registry"]["organizations"].as_array().unwrap();
		assert_eq!(orgs.len(), 1);
		assert_eq!(orgs[0][2], json!(["Registrar"]), "the payers register citizens");
		assert_eq!(
			orgs[0][4].as_array().unwrap().len(),
			1,
			"payer 0 is the admin, payer 1 a member"
		);
	}

	#[test]
	fn refuses_more_payers_than_an_organization_holds() {
		let accounts = Accounts::new("//seoul-load").unwrap();
		let p = Populate { citizens: 0, payers: MAX_PAYERS + 1, balance: 1, registrar: 0 };
		assert!(populate(&mut spec(), &accounts, &p).is_err());
	}

	#[test]
	fn refuses_a_raw_spec() {
		let accounts = Accounts::new("//seoul-load").unwrap();
		let p = Populate { citizens: 1, payers: 0, balance: 1, registrar: 0 };
		let mut raw = json!({ "genesis": { "raw": { "top": {} } } });
		assert!(populate(&mut raw, &accounts, &p).is_err());
	}
}
