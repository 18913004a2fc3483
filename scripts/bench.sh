#!/usr/bin/env bash
# Throughput benchmark: one dev validator on a populated state, driven by seoul-loadgen on the
# same machine. Prints the table of docs/performance.md.
#
# Usage: ./scripts/bench.sh [scenario ...]   (default: every scenario below)
#   BENCH_CITIZENS   registered citizens in the populated genesis (default 100000)
#   BENCH_DURATION   seconds of load per rated scenario (default 60)
#   BENCH_RATE       offered payments per second (default 1000)
#   BENCH_OUT        where the reports and the node's log go (default target/bench-<time>)
#   BENCH_SPEC       a populated spec to reuse (e.g. an earlier run's spec.json) instead of
#                    building one (BENCH_CITIZENS is then ignored). A spec carries its runtime:
#                    after a runtime change, build a new one
#   BENCH_NODE_ARGS  more flags for the node, for tuning (e.g. "--pool-type single-state")
#   BENCH_PROFILE    1: record the node with `perf` during each run (perf-<scenario>.data,
#                    WASM functions named through wasmtime's perf map)
#   BENCH_PERF_ARGS  perf record's options (default "-F 499 -g"; "-F 99 --call-graph dwarf"
#                    for whole call stacks through the node's code, which has no frame pointers)
#
# Scenarios: scoin-payment (S-coin merchant payments at BENCH_RATE), balances-transfer (the
# same node's transfer_keep_alive at BENCH_RATE).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CITIZENS="${BENCH_CITIZENS:-100000}"
DURATION="${BENCH_DURATION:-60}"
RATE="${BENCH_RATE:-1000}"
OUT="${BENCH_OUT:-$CARGO_TARGET_DIR/bench-$(date +%Y%m%d-%H%M%S)}"
NODE_ARGS="${BENCH_NODE_ARGS:-}"
PROFILE="${BENCH_PROFILE:-0}"
PERF_ARGS="${BENCH_PERF_ARGS:--F 499 -g}"
RPC_PORT="${RPC_PORT:-9944}"
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(scoin-payment balances-transfer)

setup_system
setup_rust
build_node
build_loadgen

mkdir -p "$OUT"
if [ -n "${BENCH_SPEC:-}" ]; then
	cp "$BENCH_SPEC" "$OUT/spec.json"
	CITIZENS="$(python3 -c '
import json, sys
print(len(json.load(open(sys.argv[1]))["genesis"]["runtimeGenesis"]["patch"]["citizenCard"]["citizens"]))' "$OUT/spec.json")"
	log "reusing $BENCH_SPEC ($CITIZENS citizens)"
else
	populated_spec "$CITIZENS" "$OUT/spec.json"
fi

node_pid=""
stop_node() { [ -z "$node_pid" ] || kill "$node_pid" 2>/dev/null || true; }
trap stop_node EXIT

# Each scenario on a fresh chain: a run does not inherit the previous one's pool or state.
start_node() {
	rm -rf "$OUT/db"
	local profiling=()
	[ "$PROFILE" != 1 ] || profiling=(WASMTIME_PROFILING_STRATEGY=perfmap)
	# shellcheck disable=SC2086 # BENCH_NODE_ARGS is a list of flags
	env "${profiling[@]}" "$NODE_BIN" --chain "$OUT/spec.json" --alice --validator --force-authoring \
		--base-path "$OUT/db" --node-key 0000000000000000000000000000000000000000000000000000000000000001 \
		--rpc-port "$RPC_PORT" --rpc-max-connections 1000 \
		--pool-limit 200000 --pool-kbytes 1000000 $NODE_ARGS \
		>"$OUT/node-$1.log" 2>&1 &
	node_pid=$!
	for _ in $(seq 1 120); do
		curl -sf -H 'Content-Type: application/json' \
			-d '{"id":1,"jsonrpc":"2.0","method":"chain_getHeader","params":[]}' \
			"http://127.0.0.1:$RPC_PORT" | grep -q '"number":"0x[1-9a-f]' && return
		sleep 1
	done
	echo "the node did not start: see $OUT/node-$1.log" >&2
	exit 1
}

# Citizens may send 60 transactions a minute: enough senders that each sends at most 30.
senders=$(( RATE * DURATION / 30 ))
[ "$senders" -le "$CITIZENS" ] || senders="$CITIZENS"

for scenario in "${scenarios[@]}"; do
	case "$scenario" in
	scoin-payment) n="$senders" ;;
	balances-transfer) n=1000 ;;
	*) echo "unknown scenario: $scenario" >&2; exit 1 ;;
	esac
	log "$scenario: $RATE/s for $DURATION s from $n senders"
	start_node "$scenario"
	perf_pid=""
	if [ "$PROFILE" = 1 ]; then
		# shellcheck disable=SC2086 # a list of options
		perf record -e cpu-clock $PERF_ARGS -p "$node_pid" -o "$OUT/perf-$scenario.data" \
			>"$OUT/perf-$scenario.log" 2>&1 &
		perf_pid=$!
	fi
	"$LOADGEN" run --url "ws://127.0.0.1:$RPC_PORT" --scenario "$scenario" --senders "$n" \
		--rate "$RATE" --duration "$DURATION" --node-pid "$node_pid" \
		--label "$scenario $RATE/s" --json "$OUT/reports.jsonl"
	# Block production: how long authoring took, and how full the blocks were.
	grep -o 'Prepared block for proposing at [0-9]* ([0-9]* ms).*extrinsics_count: [0-9]*' \
		"$OUT/node-$scenario.log" | awk '$NF > 1 { ms = substr($7, 2) + 0; n++; sum += ms; if (ms > max) max = ms }
		END { if (n) printf "authoring of %d loaded blocks: mean %.0f ms, max %d ms\n", n, sum / n, max }'
	if [ -n "$perf_pid" ]; then
		kill -INT "$perf_pid"
		wait "$perf_pid" || true
		log "profile: perf report -i $OUT/perf-$scenario.data --no-children"
	fi
	stop_node
	wait "$node_pid" 2>/dev/null || true
	node_pid=""
done

log "results ($OUT/reports.jsonl)"
"$LOADGEN" table "$OUT/reports.jsonl"
