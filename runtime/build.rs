#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	// The metadata hash lets offline signers verify what they sign (`CheckMetadataHash`).
	// Symbol and decimals must match the chain properties of the node's chain specs.
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("SCOIN", 0)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The wasm builder is deactivated when compiling this crate for wasm itself.
#[cfg(not(feature = "std"))]
fn main() {}
