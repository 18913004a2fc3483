//! What the runtime's integration tests share: the development chain's genesis in storage, and
//! transactions signed as a wallet signs them.

// Each test file uses its own part of this module.
#![allow(dead_code)]

pub mod shapes;

use codec::Encode;
use frame_support::traits::BuildGenesisConfig;
use seoul_runtime::{
	genesis_config_presets::development_config_genesis, RuntimeCall, RuntimeGenesisConfig,
	SignedPayload, TxExtension, UncheckedExtrinsic,
};
use sp_runtime::{generic::Era, MultiAddress, MultiSignature};

/// The development genesis (the preset's patch over the default config), built into storage.
pub fn dev_chain() -> sp_io::TestExternalities {
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, development_config_genesis());
	let config: RuntimeGenesisConfig = serde_json::from_value(config).unwrap();
	let mut ext = sp_io::TestExternalities::new_empty();
	ext.execute_with(|| config.build());
	ext
}

fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) =>
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			},
		(base, patch) => *base = patch,
	}
}

/// The runtime's transaction extensions as a wallet fills them: immortal, untipped.
pub fn extensions(nonce: u32) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		pallet_permissions::CheckSender::from(nonce),
		pallet_permissions::CheckPermission::new(),
		frame_system::CheckWeight::new(),
		pallet_permissions::FreeUnlessTipped::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	)
}

/// `call` signed by `signer` with `nonce`, against the genesis hash in storage.
pub fn signed_with_nonce(
	signer: &sp_core::sr25519::Pair,
	call: RuntimeCall,
	nonce: u32,
) -> UncheckedExtrinsic {
	use sp_core::Pair;
	let ext = extensions(nonce);
	let payload = SignedPayload::new(call.clone(), ext.clone()).unwrap();
	let signature = MultiSignature::Sr25519(payload.using_encoded(|bytes| signer.sign(bytes)));
	let who: seoul_runtime::AccountId = signer.public().into();
	UncheckedExtrinsic::new_signed(call, MultiAddress::Id(who), signature, ext)
}

/// `call` signed by `signer` with nonce 0.
pub fn signed(signer: &sp_core::sr25519::Pair, call: RuntimeCall) -> UncheckedExtrinsic {
	signed_with_nonce(signer, call, 0)
}
