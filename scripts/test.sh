#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the workspace's Rust tests and the
# end-to-end suite against a real node. This is what CI runs (.ci/run).
#
# Everything is built in the release profile, once: `cargo test --release` reuses the
# dependencies `cargo build --release` compiled.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

setup_system
setup_rust
setup_e2e
build_node

log "Rust tests (cargo test --release --workspace)"
(cd "$ROOT" && cargo test --release --locked --workspace)

# Each pallet's benchmarks, run once as tests (`impl_benchmark_test_suite!`), so that a
# benchmark that no longer runs fails here rather than at the next weight generation.
for dir in "$ROOT"/pallets/*/; do
	[ -f "$dir/src/benchmarking.rs" ] || continue
	pallet="pallet-$(basename "$dir")"
	log "benchmarks of $pallet as tests"
	(cd "$ROOT" && SKIP_WASM_BUILD=1 cargo test --release --locked -p "$pallet" \
		--features runtime-benchmarks -- benchmarks)
done

log "end-to-end suite (tests/e2e, against $NODE_BIN)"
(cd "$ROOT/tests/e2e" && SEOUL_NODE="$NODE_BIN" npm test)

log "all tests passed"
