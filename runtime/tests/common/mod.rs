//! What the runtime's integration tests share: the development chain's genesis in storage.

use frame_support::traits::BuildGenesisConfig;
use seoul_runtime::{genesis_config_presets::development_config_genesis, RuntimeGenesisConfig};

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
