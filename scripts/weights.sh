#!/usr/bin/env bash
# Generates the weights of the project's pallets on this machine: builds seoul-node with the
# `runtime-benchmarks` feature, runs `benchmark pallet` for each pallet and writes its
# `pallets/<name>/src/weights.rs` from scripts/weight-template.hbs.
#
# Usage: ./scripts/weights.sh [pallet ...]     e.g. ./scripts/weights.sh registry
#   no argument: every pallet under pallets/ that has a benchmarking.rs
#   STEPS=50 REPEAT=20 (defaults): the benchmark's steps over each component and repeats
#
# The benchmarking build has other features than the default one (see build_bench_node in
# lib.sh): about 18 minutes the first time.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"

setup_system
setup_rust

build_bench_node

pallets=("$@")
if [ ${#pallets[@]} -eq 0 ]; then
	for dir in "$ROOT"/pallets/*/; do
		[ -f "$dir/src/benchmarking.rs" ] && pallets+=("$(basename "$dir")")
	done
fi

for name in "${pallets[@]}"; do
	dir="$ROOT/pallets/$name"
	[ -f "$dir/src/benchmarking.rs" ] || { echo "pallets/$name has no benchmarking.rs" >&2; exit 1; }
	pallet="pallet_${name//-/_}"
	log "benchmarking $pallet (steps $STEPS, repeat $REPEAT)"
	# Run from the repository root: the output and template paths are relative to it.
	(cd "$ROOT" && "$BENCH_BIN" benchmark pallet \
		--runtime "$RUNTIME_WASM" \
		--genesis-builder-preset development \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "$STEPS" \
		--repeat "$REPEAT" \
		--heap-pages 4096 \
		--template scripts/weight-template.hbs \
		--json-file "$CARGO_TARGET_DIR/weights-$pallet.json" \
		--output "pallets/$name/src/weights.rs")
done

log "weights written; build the default node again with ./scripts/dev.sh or ./scripts/test.sh"
