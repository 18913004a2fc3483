//! Builds the runtime's WASM (`substrate-wasm-builder`), included by `src/lib.rs`.

/// Points the WASM build at this workspace. It looks for the workspace's `Cargo.lock` upwards
/// from the target directory, and ours is outside the workspace
/// (`$HOME/.cache/seoul-chain/target`): without the hint it would resolve the runtime's
/// dependencies afresh, unlocked. Set here, in this build script's own process, and not in
/// `.cargo/config.toml`: there it would also reach the WASM builds of dependencies (the
/// benchmarking CLI's test runtime), which must not look in this workspace.
#[cfg(feature = "std")]
fn hint_workspace() {
	if std::env::var_os("WASM_BUILD_WORKSPACE_HINT").is_none() {
		let manifest_dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
		let workspace = manifest_dir.parent().expect("the runtime is a workspace member; qed");
		std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
	}
}

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	hint_workspace();
	// The metadata hash lets offline signers verify what they sign (`CheckMetadataHash`).
	// Symbol and decimals must match the chain properties of the node's chain specs.
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("SCOIN", 0)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	hint_workspace();
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The wasm builder is deactivated when compiling this crate for wasm itself.
#[cfg(not(feature = "std"))]
fn main() {}
