#!/usr/bin/env bash
# Measures the runtime's base weights on this machine and writes them to runtime/src/weights/:
#   - block_weights.rs      `benchmark overhead`: executing an empty block
#   - extrinsic_weights.rs  `benchmark overhead`: executing a NO-OP extrinsic
#   - paritydb_weights.rs   `benchmark storage`: reading and writing one storage item of a
#                           populated state (BASE_WEIGHTS_CITIZENS registered citizens)
# and prints `benchmark machine` (the hardware against Substrate's reference machine).
#
# Usage: ./scripts/base-weights.sh
#   BASE_WEIGHTS_CITIZENS  citizens in the populated state (default 100000, as scripts/bench.sh)
#   BASE_WEIGHTS_OUT       where the spec, the database and the logs go
#                          (default target/base-weights-<time>)
#
# Builds seoul-node with the `runtime-benchmarks` feature (as scripts/weights.sh) and
# seoul-loadgen. Build the default node again afterwards (./scripts/dev.sh or ./scripts/test.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CITIZENS="${BASE_WEIGHTS_CITIZENS:-100000}"
OUT="${BASE_WEIGHTS_OUT:-$CARGO_TARGET_DIR/base-weights-$(date +%Y%m%d-%H%M%S)}"
WEIGHTS="$ROOT/runtime/src/weights"
HEADER="$ROOT/scripts/base-weights-header.txt"

setup_system
setup_rust
build_bench_node
build_loadgen
mkdir -p "$OUT"

log "benchmark machine ($OUT/machine.txt)"
# Below the reference hardware is not an error here: the numbers are what matter.
"$BENCH_BIN" benchmark machine --chain dev --base-path "$OUT/machine-db" --allow-fail 2>&1 \
	| tee "$OUT/machine.txt"

log "benchmark overhead: empty block and NO-OP extrinsic ($WEIGHTS)"
# The development preset: its accounts sign the NO-OP extrinsics.
"$BENCH_BIN" benchmark overhead --runtime "$RUNTIME_WASM" --genesis-builder-preset development \
	--wasm-execution compiled --header "$HEADER" --weight-path "$WEIGHTS" 2>&1 \
	| tee "$OUT/overhead.txt"

populated_spec "$CITIZENS" "$OUT/spec.json" "$BENCH_BIN"
log "importing the populated genesis into a ParityDB database ($OUT/db)"
# `--tmp`-like run: the node writes the genesis state and is stopped after its first block.
"$BENCH_BIN" --chain "$OUT/spec.json" --alice --validator --force-authoring \
	--base-path "$OUT/db" --rpc-port 9955 --port 30555 \
	--node-key 0000000000000000000000000000000000000000000000000000000000000001 \
	>"$OUT/node.log" 2>&1 &
node_pid=$!
trap 'kill "$node_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
	grep -q 'Imported #1' "$OUT/node.log" && break
	sleep 1
done
kill "$node_pid"
wait "$node_pid" 2>/dev/null || true
grep -q 'Imported #1' "$OUT/node.log" || { echo "the node did not build a block: see $OUT/node.log" >&2; exit 1; }

log "benchmark storage: every key of the populated state, read then written ($WEIGHTS)"
"$BENCH_BIN" benchmark storage --chain "$OUT/spec.json" --base-path "$OUT/db" \
	--database paritydb --state-version 1 --header "$HEADER" --weight-path "$WEIGHTS" 2>&1 \
	| tee "$OUT/storage.txt"

log "base weights written to runtime/src/weights/; logs in $OUT"
