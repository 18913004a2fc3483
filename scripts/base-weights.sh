#!/usr/bin/env bash
# Measures the runtime's base weights on this machine and writes them to runtime/src/weights/:
#   - block_weights.rs      `benchmark overhead`: executing an empty block
#   - extrinsic_weights.rs  `benchmark overhead`: executing a NO-OP extrinsic
#   - paritydb_weights.rs   `benchmark storage`: reading and writing one storage item of a
#                           populated state (BASE_WEIGHTS_CITIZENS registered citizens)
# and prints `benchmark machine` (the hardware against Substrate's reference machine) and the
# cost of one sr25519 signature check (`SIGNATURE_CHECK` in runtime/src/weights/mod.rs, the
# extrinsic base weight's floor: a constant, to update by hand from the printed slope).
#
# Usage: ./scripts/base-weights.sh
#   BASE_WEIGHTS_CITIZENS  citizens in the populated state (default 100000, as scripts/bench.sh)
#   BASE_WEIGHTS_OUT       where the spec, the database and the logs go
#                          (default target/base-weights-<time>)
#   BASE_WEIGHTS_DATABASE  paritydb (default: everything above) or rocksdb: only the storage
#                          weights, in RocksDB, written to rocksdb_weights.rs for comparison (the
#                          runtime uses paritydb_weights.rs). The node is then built with its
#                          opt-in `rocksdb` feature, which compiles RocksDB's C++: about 22
#                          minutes more the first time.
#
# Builds seoul-loadgen, the default seoul-node (its runtime goes into the populated spec) and
# seoul-node with the `runtime-benchmarks` feature (as scripts/weights.sh): switching features
# rebuilds the node, about 6 minutes each way. Build the default node again afterwards
# (./scripts/dev.sh or ./scripts/test.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CITIZENS="${BASE_WEIGHTS_CITIZENS:-100000}"
DATABASE="${BASE_WEIGHTS_DATABASE:-paritydb}"
case "$DATABASE" in
paritydb) features=() ;;
rocksdb) features=(--features rocksdb) ;;
*) echo "BASE_WEIGHTS_DATABASE: paritydb or rocksdb" >&2; exit 1 ;;
esac
OUT="${BASE_WEIGHTS_OUT:-$CARGO_TARGET_DIR/base-weights-$(date +%Y%m%d-%H%M%S)}"
WEIGHTS=runtime/src/weights
HEADER=scripts/base-weights-header.txt

setup_system
setup_rust
mkdir -p "$OUT"
build_loadgen
# The populated state holds the production runtime: the benchmarking one needs host functions
# that only the benchmark commands provide.
build_node
cp "$NODE_BIN" "$OUT/seoul-node"
populated_spec "$CITIZENS" "$OUT/spec.json" "$OUT/seoul-node"
build_bench_node "${features[@]}"
cd "$ROOT"

storage_weights() {
	log "benchmark storage: every key of the populated state in $DATABASE, read then written ($WEIGHTS)"
	# The database is created with the populated genesis state, and benchmarked at block 0.
	"$BENCH_BIN" benchmark storage --chain "$OUT/spec.json" --base-path "$OUT/db" \
		--database "$DATABASE" --state-version 1 --header "$HEADER" --weight-path "$WEIGHTS" 2>&1 \
		| tee "$OUT/storage.txt"
}

if [ "$DATABASE" = rocksdb ]; then
	storage_weights
	log "RocksDB's storage weights written to $WEIGHTS/rocksdb_weights.rs; logs in $OUT"
	exit 0
fi

log "benchmark machine ($OUT/machine.txt)"
# Below the reference hardware is not an error here: the numbers are what matter.
"$BENCH_BIN" benchmark machine --chain dev --base-path "$OUT/machine-db" --allow-fail 2>&1 \
	| tee "$OUT/machine.txt"

log "benchmark overhead: empty block and NO-OP extrinsic ($WEIGHTS)"
# The development preset: its accounts sign the NO-OP extrinsics.
"$BENCH_BIN" benchmark overhead --runtime "$RUNTIME_WASM" --genesis-builder-preset development \
	--wasm-execution compiled --header "$HEADER" --weight-path "$WEIGHTS" 2>&1 \
	| tee "$OUT/overhead.txt"

storage_weights

log "sr25519 signature check (SIGNATURE_CHECK in runtime/src/weights/mod.rs: update it by hand)"
"$BENCH_BIN" benchmark pallet --runtime "$RUNTIME_WASM" --genesis-builder-preset development \
	--pallet frame_benchmarking --extrinsic sr25519_verification --steps 20 --repeat 10 2>&1 \
	| tee "$OUT/sr25519.txt" | sed -n '/^Model:/,/µs/p'

log "base weights written to runtime/src/weights/; logs in $OUT"
