#!/usr/bin/env bash
# Generates the weights of the runtime's pallets on this machine: builds seoul-node with the
# `runtime-benchmarks` feature, runs `benchmark pallet` for each pallet and writes its
# `pallets/<name>/src/weights.rs` from scripts/weight-template.hbs (the project's pallets) or
# `runtime/src/weights/<name>.rs` (polkadot-sdk's).
#
# Usage: ./scripts/weights.sh [pallet ...]     e.g. ./scripts/weights.sh registry
#   no argument: every pallet under pallets/ that has a benchmarking.rs
#   a polkadot-sdk pallet of the runtime by its crate name (pallet_balances,
#   frame_system_extensions, ...): writes runtime/src/weights/<name>.rs
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
	if [[ "$name" == pallet_* || "$name" == frame_* ]]; then
		# A polkadot-sdk pallet of the runtime: FRAME's own template, a `WeightInfo<T>`
		# the runtime's configuration names.
		pallet="$name"
		template=()
		output="runtime/src/weights/$pallet.rs"
	else
		dir="$ROOT/pallets/$name"
		[ -f "$dir/src/benchmarking.rs" ] || { echo "pallets/$name has no benchmarking.rs" >&2; exit 1; }
		pallet="pallet_${name//-/_}"
		template=(--template scripts/weight-template.hbs)
		output="pallets/$name/src/weights.rs"
	fi
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
		"${template[@]}" \
		--json-file "$CARGO_TARGET_DIR/weights-$pallet.json" \
		--output "$output")
done

log "weights written; build the default node again with ./scripts/dev.sh or ./scripts/test.sh"
