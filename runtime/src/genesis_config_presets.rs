//! Genesis presets: `development` (one validator, sudo, demo organizations) and
//! `local_testnet` (four validators: the city and three operators, no sudo, their nodes and an
//! RPC node authorized).
//!
//! A production chain spec is built from a preset with `chain-spec-builder`, replacing the
//! well-known development keys with the operators' own.

use crate::{
	configs::{krw_owner, KRW_ASSET_ID},
	AccountId, AssetsConfig, Balance, BalancesConfig, BlockNumber, CitizenCardConfig,
	CityCouncilConfig, CouncilMembershipConfig, NodeAuthorizationConfig, PermissionsConfig,
	RegistryConfig, RuntimeGenesisConfig, SCoinConfig, SessionConfig, SessionKeys, SudoConfig,
	ValidatorSetConfig, DAYS, MINUTES, SCOIN,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use pallet_permissions::{AccountKind, Quota};
use seoul_primitives::{OrganizationKind, Role};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::OpaquePeerId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// S-coin given to each well-known development account, so every service can be tried from
/// polkadot-js.
const DEV_ENDOWMENT: Balance = 1_000_000 * SCOIN;

/// The peer ids of the `local` network's well-known nodes (raw bytes, hex), and who runs them.
/// Their secret node keys are in `scripts/local-node-keys`, for `scripts/local-network.sh` and
/// the network tests; a node CLI test checks that the two agree. Never use them elsewhere.
const LOCAL_NODES: [(&str, &str, Sr25519Keyring); 5] = [
	// 12D3KooWBmAwcd4PJNJvfV89HwE48nwkRmAgo8Vy3uQEyNNHBox2
	(
		"alice",
		"0024080112201ce5f00ef6e89374afb625f1ae4c1546d31234e87e3c3f51a62b91dd6bfa57df",
		Sr25519Keyring::Alice,
	),
	// 12D3KooWQYV9dGMFoRzNStwpXztXaBUjtPqi6aU76ZgUriHhKust
	(
		"bob",
		"002408011220dacde7714d8551f674b8bb4b54239383c76a2b286fa436e93b2b7eb226bf4de7",
		Sr25519Keyring::Bob,
	),
	// 12D3KooWJvyP3VJYymTqG7eH4PM5rN4T2agk5cdNCfNymAqwqcvZ
	(
		"charlie",
		"002408011220876a7b4984f98006dc8d666e28b60de307309835d775e7755cc770328cdacf2e",
		Sr25519Keyring::Charlie,
	),
	// 12D3KooWPHWFrfaJzxPnqnAYAoRUyAHHKqACmEycGTVmeVhQYuZN
	(
		"dave",
		"002408011220c81bc1d7057a1511eb9496f056f6f53cdfe0e14c8bd5ffca47c70a8d76c1326d",
		Sr25519Keyring::Dave,
	),
	// 12D3KooWALezEZgpUsVoAcL1dfidhhTnm95HNQ4BYLH1FE8pexrW: the city's RPC node.
	(
		"rpc",
		"00240801122007c270fc16912a49dff13cfabe401e13ea77394fd688fb8017627d9cc4c2eb4b",
		Sr25519Keyring::Alice,
	),
];

/// Bytes from hex.
fn from_hex(hex: &str) -> Vec<u8> {
	(0..hex.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("the constants are hex; qed"))
		.collect()
}

/// The `local` network's well-known nodes and their owners.
fn local_nodes() -> Vec<(OpaquePeerId, AccountId)> {
	LOCAL_NODES
		.iter()
		.map(|(_, peer, owner)| (OpaquePeerId(from_hex(peer)), owner.to_account_id()))
		.collect()
}

/// The rate limits: citizens 60 transactions a minute, each of at most 4 KiB and 10 ms of
/// weight (a payment is about 150 bytes and 0.3 ms); organizations 6,000 a minute, each of at
/// most 256 KiB and a quarter of the block's weight (a batch of a few thousand registrations).
/// Authorities (the city's and the operators' accounts) have none. The city origin changes
/// them (`Permissions::set_quota`).
fn quotas() -> Vec<(AccountKind, Quota<BlockNumber>)> {
	use frame_support::weights::Weight;
	let max_block = crate::configs::RuntimeBlockWeights::get().max_block;
	vec![
		(
			AccountKind::Citizen,
			Quota {
				transactions: 60,
				window: MINUTES,
				max_length: 4 * 1024,
				max_weight: Weight::from_parts(10_000_000_000, u64::MAX),
			},
		),
		(
			AccountKind::Organization,
			Quota {
				transactions: 6_000,
				window: MINUTES,
				max_length: 256 * 1024,
				max_weight: Weight::from_parts(max_block.ref_time() / 4, u64::MAX),
			},
		),
	]
}

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

/// The parts of a genesis that differ between presets.
struct Genesis {
	validators: Vec<Sr25519Keyring>,
	endowed: Vec<AccountId>,
	organizations: Vec<GenesisOrganization>,
	sudo: Option<AccountId>,
	/// The council; the first member holds the city's seat.
	council: Vec<Sr25519Keyring>,
	nodes: Vec<(OpaquePeerId, AccountId)>,
	citizens: Vec<pallet_citizen_card::GenesisCitizen<crate::Runtime>>,
	facilities: Vec<pallet_citizen_card::GenesisFacility>,
	/// Reward issuers' S-coin budgets.
	budgets: Vec<(seoul_primitives::OrganizationId, Balance)>,
}

/// Mileage expires five years after the month it was received in: monthly periods (30 days), a
/// lifetime of 59 more.
fn expiry_policy() -> pallet_s_coin::ExpiryPolicy<BlockNumber> {
	pallet_s_coin::ExpiryPolicy { period: 30 * DAYS, lifetime: 59 }
}

fn genesis(
	Genesis {
		validators,
		endowed,
		organizations,
		sudo,
		council,
		nodes,
		citizens,
		facilities,
		budgets,
	}: Genesis,
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
		council_membership: CouncilMembershipConfig {
			members: council
				.iter()
				.map(|k| k.to_account_id())
				.collect::<Vec<_>>()
				.try_into()
				.expect("a few members; qed"),
		},
		city_council: CityCouncilConfig { city_seat: council.first().map(|k| k.to_account_id()) },
		node_authorization: NodeAuthorizationConfig { nodes },
		permissions: PermissionsConfig { quotas: quotas() },
		citizen_card: CitizenCardConfig { citizens, facilities },
		s_coin: SCoinConfig { policy: Some(expiry_policy()), budgets },
		assets: AssetsConfig {
			assets: vec![(KRW_ASSET_ID, krw_owner(), true, 1)],
			metadata: vec![(KRW_ASSET_ID, b"KRW deposit token".to_vec(), b"KRW".to_vec(), 0)],
		},
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
			vec![Role::Registrar, Role::FacilityOperator, Role::RewardIssuer, Role::TaxCollector],
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
		(
			b"Seoul Transit Card".to_vec(),
			OrganizationKind::Business,
			vec![Role::TransitOperator, Role::Converter],
			BobStash.to_account_id(),
			vec![],
		),
	]
}

/// District codes (the standard administrative codes of Seoul's districts).
const GANGNAM: u16 = 11680;
const MAPO: u16 = 11440;

/// The development chain's citizens: Dave's stash (Gangnam, adult, registered by the Gangnam-gu
/// Office) and Eve's stash (Mapo, senior, registered by the city). Their resident hashes stand in
/// for a registrar's HMAC of a resident number.
fn demo_citizens() -> Vec<pallet_citizen_card::GenesisCitizen<crate::Runtime>> {
	use seoul_primitives::AgeBand;
	use sp_runtime::traits::{BlakeTwo256, Hash};
	let resident = |name: &[u8]| BlakeTwo256::hash(name);
	vec![
		(
			Sr25519Keyring::DaveStash.to_account_id(),
			resident(b"demo resident: Dave's stash"),
			GANGNAM,
			AgeBand::Adult,
			1,
		),
		(
			Sr25519Keyring::EveStash.to_account_id(),
			resident(b"demo resident: Eve's stash"),
			MAPO,
			AgeBand::Senior,
			0,
		),
	]
}

/// The development chain's facilities: 0, the Gangnam-gu Office's sports centre (Gangnam
/// residents, youth and adults); 1, the city's library (everyone).
fn demo_facilities() -> Vec<pallet_citizen_card::GenesisFacility> {
	use seoul_primitives::AgeBand;
	vec![
		(
			1,
			b"Gangnam-gu Sports Centre".to_vec(),
			vec![GANGNAM],
			vec![AgeBand::Youth, AgeBand::Adult],
		),
		(0, b"Seoul Metropolitan Library".to_vec(), vec![], vec![]),
	]
}

/// The `development` preset: Alice validates alone and holds the sudo key. The council is
/// Alice (the city's seat), Bob and Charlie. No well-known node: the dev node runs alone. Demo
/// organizations, citizens and facilities.
pub fn development_config_genesis() -> Value {
	use Sr25519Keyring::*;
	genesis(Genesis {
		validators: vec![Alice],
		// The demo citizens (Dave's and Eve's stashes) start with no S-coin: they earn it.
		endowed: Sr25519Keyring::well_known()
			.filter(|k| !matches!(k, DaveStash | EveStash))
			.map(|k| k.to_account_id())
			.collect(),
		organizations: demo_organizations(),
		sudo: Some(Alice.to_account_id()),
		council: vec![Alice, Bob, Charlie],
		nodes: vec![],
		citizens: demo_citizens(),
		facilities: demo_facilities(),
		// The city's and Gangnam-gu's reward budgets.
		budgets: vec![(0, 10_000_000 * SCOIN), (1, 1_000_000 * SCOIN)],
	})
}

/// The `local_testnet` preset: Alice (the city), Bob, Charlie and Dave (operators) validate and
/// form the council, Alice holding the city's seat. No sudo key: the chain is governed by the
/// council's motions. The four validators' nodes and the city's RPC node are well-known nodes.
pub fn local_config_genesis() -> Value {
	use Sr25519Keyring::*;
	genesis(Genesis {
		validators: vec![Alice, Bob, Charlie, Dave],
		endowed: Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		organizations: vec![],
		sudo: None,
		council: vec![Alice, Bob, Charlie, Dave],
		nodes: local_nodes(),
		citizens: vec![],
		facilities: vec![],
		budgets: vec![],
	})
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
