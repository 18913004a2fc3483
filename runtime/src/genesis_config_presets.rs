//! Genesis presets: `development` (one validator, sudo, demo organizations) and
//! `local_testnet` (four validators: the city and three operators, no sudo).
//!
//! A production chain spec is built from a preset with `chain-spec-builder`, replacing the
//! well-known development keys with the operators' own.

use crate::{
	AccountId, Balance, BalancesConfig, RegistryConfig, RuntimeGenesisConfig, SessionConfig,
	SessionKeys, SudoConfig, ValidatorSetConfig, SCOIN,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use seoul_primitives::{OrganizationKind, Role};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// S-coin given to each well-known development account, so every service can be tried from
/// polkadot-js.
const DEV_ENDOWMENT: Balance = 1_000_000 * SCOIN;

/// An organization at genesis: name, kind, roles, admin, other members.
type GenesisOrganization = (Vec<u8>, OrganizationKind, Vec<Role>, AccountId, Vec<AccountId>);

/// A validator at genesis: its account and its session keys, from the well-known
/// development seed (`//Alice`, ...) for both the sr25519 Aura key and the ed25519 GRANDPA key.
fn validator(keyring: Sr25519Keyring) -> (AccountId, AccountId, SessionKeys) {
	let name: &'static str = keyring.into();
	let grandpa = Ed25519Keyring::iter()
		.find(|k| <&'static str>::from(*k) == name)
		.expect("every sr25519 well-known account has an ed25519 twin; qed");
	let account = keyring.to_account_id();
	let keys = SessionKeys {
		aura: AuraId::from(keyring.public()),
		grandpa: GrandpaId::from(grandpa.public()),
	};
	(account.clone(), account, keys)
}

fn genesis(
	validators: Vec<Sr25519Keyring>,
	endowed: Vec<AccountId>,
	organizations: Vec<GenesisOrganization>,
	sudo: Option<AccountId>,
) -> Value {
	let keys: Vec<_> = validators.into_iter().map(validator).collect();
	// The same accounts: the validator set lists them, `session.keys` gives their keys (the only
	// genesis authorities: Aura and GRANDPA refuse a second initialization).
	let initial_validators: Vec<AccountId> =
		keys.iter().map(|(account, _, _)| account.clone()).collect();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|a| (a, DEV_ENDOWMENT)).collect::<Vec<_>>(),
		},
		validator_set: ValidatorSetConfig { initial_validators },
		session: SessionConfig { keys },
		sudo: SudoConfig { key: sudo },
		registry: RegistryConfig { organizations },
	})
}

/// The organizations of the development chain: one of each kind a demo needs.
fn demo_organizations() -> Vec<GenesisOrganization> {
	use Sr25519Keyring::*;
	vec![
		(
			b"Seoul Metropolitan Government".to_vec(),
			OrganizationKind::CityBureau,
			vec![
				Role::Registrar,
				Role::FacilityOperator,
				Role::RewardIssuer,
				Role::PollOrganizer,
				Role::SubsidyAgency,
				Role::VehicleRegistry,
				Role::LaborAgency,
			],
			Alice.to_account_id(),
			vec![AliceStash.to_account_id()],
		),
		(
			b"Gangnam-gu Office".to_vec(),
			OrganizationKind::District,
			vec![Role::Registrar, Role::FacilityOperator, Role::RewardIssuer],
			Bob.to_account_id(),
			vec![],
		),
		(
			b"Seoul Citizens Bank".to_vec(),
			OrganizationKind::Bank,
			vec![Role::Bank],
			Charlie.to_account_id(),
			vec![],
		),
		(
			b"Mangwon Market Grocery".to_vec(),
			OrganizationKind::Business,
			vec![Role::Merchant, Role::Employer],
			Dave.to_account_id(),
			vec![],
		),
	]
}

/// The `development` preset: Alice validates alone and holds the sudo key.
pub fn development_config_genesis() -> Value {
	genesis(
		vec![Sr25519Keyring::Alice],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		demo_organizations(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

/// The `local_testnet` preset: Alice (the city), Bob, Charlie and Dave (operators) validate.
/// No sudo key: the chain is governed by the city origin.
pub fn local_config_genesis() -> Value {
	use Sr25519Keyring::*;
	genesis(
		vec![Alice, Bob, Charlie, Dave],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		vec![],
		None,
	)
}

/// The JSON patch of a named preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
