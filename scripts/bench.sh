#!/usr/bin/env bash
# Throughput benchmark: one dev validator (or the four validators of the local network) on a
# populated state, driven by seoul-loadgen on the same machine. Prints the table of
# docs/performance.md.
#
# Usage: ./scripts/bench.sh [scenario ...]   (default: every scenario below)
#   BENCH_CITIZENS   registered citizens in the populated genesis (default 100000)
#   BENCH_DURATION   seconds of load per rated scenario (default 60)
#   BENCH_RATE       offered transactions per second (default 1000)
#   BENCH_OUT        where the reports and the node's log go (default target/bench-<time>)
#   BENCH_SPEC       a populated spec to reuse (e.g. an earlier run's spec.json) instead of
#                    building one (BENCH_CITIZENS is then ignored). A spec carries its runtime:
#                    after a runtime change, build a new one. citizen-registration needs a spec
#                    whose payers' organization is a registrar (populate gives it the role since
#                    the scenario exists)
#   BENCH_NODE_ARGS  more flags for the node, for tuning (e.g. "--pool-type single-state")
#   BENCH_POOL_LIMIT the pool's --pool-limit (default 200000; --pool-kbytes is 5 KiB per
#                    transaction). The pool keeps a tenth of it for future transactions, those
#                    whose sender has an earlier nonce still missing
#   BENCH_DATABASE   paritydb (default) or rocksdb: the node built with its opt-in `rocksdb`
#                    feature (RocksDB's C++ compiles the first time) and run with
#                    `--database rocksdb`
#   BENCH_VALIDATORS 1 (default): one dev validator, Alice. 4: the local network of
#                    scripts/local-network.sh (Alice, Bob, Charlie, Dave on loopback) on a
#                    populated copy of the `local` spec; the load goes to Alice's node, whose
#                    memory is sampled, and its data stays in $BENCH_OUT/network
#   BENCH_PROFILE    1: record the node (with four validators, all four) with `perf` during
#                    each run (perf-<scenario>.data, WASM functions named through wasmtime's
#                    perf map)
#   BENCH_PERF_ARGS  perf record's options (default "-F 499 -g"; "-F 99 --call-graph dwarf"
#                    for whole call stacks through the node's code, which has no frame pointers)
#
# Each scenario also prints the mean and maximum authoring time of its loaded blocks, the CPU
# time the load generator and the node (and, with four validators, all four) used during the
# run, how busy the machine's cores were (sampled every second, in $BENCH_OUT/cpu-<scenario>.txt),
# how many times the node's pool validated transactions and in how many runtime calls, and how
# many sr25519 checks its cache of valid signatures answered (its Prometheus counters, kept in
# $BENCH_OUT/metrics-<scenario>.txt).
#
# Scenarios, each at BENCH_RATE:
#   scoin-payment         S-coin merchant payments, from citizens
#   balances-transfer     the same node's native transfer_keep_alive, from the 1,000 payers
#   krw-transfer          KRW deposit token transfers (depositToken.transfer), from the 1,000
#                         payers, to whom the bank's member (Charlie) mints the KRW first
#   citizen-registration  new residents registered (citizenCard.registerCitizen) by the 1,000
#                         payers, members of a registrar organization
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CITIZENS="${BENCH_CITIZENS:-100000}"
DURATION="${BENCH_DURATION:-60}"
RATE="${BENCH_RATE:-1000}"
OUT="${BENCH_OUT:-$CARGO_TARGET_DIR/bench-$(date +%Y%m%d-%H%M%S)}"
NODE_ARGS="${BENCH_NODE_ARGS:-}"
PROFILE="${BENCH_PROFILE:-0}"
PERF_ARGS="${BENCH_PERF_ARGS:--F 499 -g}"
RPC_PORT="${RPC_PORT:-9944}"
PROMETHEUS_PORT=9615 # the dev node's default, and Alice's in local-network.sh
VALIDATORS="${BENCH_VALIDATORS:-1}"
DATABASE="${BENCH_DATABASE:-paritydb}"
POOL_LIMIT="${BENCH_POOL_LIMIT:-200000}"
case "$DATABASE" in
paritydb) node_features=() ;;
rocksdb) node_features=(--features rocksdb) ;;
*) echo "BENCH_DATABASE: paritydb or rocksdb" >&2; exit 1 ;;
esac
case "$VALIDATORS" in
1) chain=dev ;;
4) chain=local; RPC_PORT=9944 ;; # Alice's port in local-network.sh
*) echo "BENCH_VALIDATORS: 1 or 4" >&2; exit 1 ;;
esac
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(scoin-payment balances-transfer krw-transfer citizen-registration)

setup_system
setup_rust
build_node "${node_features[@]}"
build_loadgen

mkdir -p "$OUT"
if [ -n "${BENCH_SPEC:-}" ]; then
	cp "$BENCH_SPEC" "$OUT/spec.json"
	CITIZENS="$(python3 -c '
import json, sys
print(len(json.load(open(sys.argv[1]))["genesis"]["runtimeGenesis"]["patch"]["citizenCard"]["citizens"]))' "$OUT/spec.json")"
	log "reusing $BENCH_SPEC ($CITIZENS citizens)"
else
	if [ "$chain" = local ]; then
		# The local network's genesis (validators, node keys, council, no sudo), with the dev
		# chain's organizations, reward budgets, citizens and facilities: the scenarios' merchant,
		# reward issuer, bank and registrar.
		"$NODE_BIN" build-spec --chain local --disable-default-bootnode 2>/dev/null >"$OUT/local.json"
		"$NODE_BIN" build-spec --chain dev --disable-default-bootnode 2>/dev/null >"$OUT/dev.json"
		python3 - "$OUT/local.json" "$OUT/dev.json" <<-'PY'
			import json, sys
			local, dev = (json.load(open(path)) for path in sys.argv[1:3])
			patch = local["genesis"]["runtimeGenesis"]["patch"]
			for key in ("registry", "sCoin", "citizenCard"):
			    patch[key] = dev["genesis"]["runtimeGenesis"]["patch"][key]
			json.dump(local, open(sys.argv[1], "w"))
		PY
		rm -f "$OUT/dev.json"
		chain="$OUT/local.json"
	fi
	populated_spec "$CITIZENS" "$OUT/spec.json" "$NODE_BIN" "$chain"
fi

node_pid=""
sampler_pid=""
stop_node() {
	[ -z "$sampler_pid" ] || kill "$sampler_pid" 2>/dev/null || true
	[ -z "$node_pid" ] || kill "$node_pid" 2>/dev/null || true
}
trap stop_node EXIT

# Each scenario on a fresh chain: a run does not inherit the previous one's pool or state.
# node_pid: the process to stop (the node, or local-network.sh, which stops its four nodes);
# load_pid: the node the load goes to, whose memory is sampled; node_logs: the nodes' logs.
start_node() {
	local profiling=()
	[ "$PROFILE" != 1 ] || profiling=(WASMTIME_PROFILING_STRATEGY=perfmap)
	local pool=(--rpc-max-connections 1000 --pool-limit "$POOL_LIMIT"
		--pool-kbytes "$((POOL_LIMIT * 5))" --database "$DATABASE")
	if [ "$VALIDATORS" = 4 ]; then
		rm -rf "$OUT/network"
		# shellcheck disable=SC2086 # BENCH_NODE_ARGS is a list of flags
		env "${profiling[@]}" NETWORK_CHAIN="$OUT/spec.json" NETWORK_DIR="$OUT/network" SKIP_BUILD=1 \
			"$ROOT/scripts/local-network.sh" "${pool[@]}" $NODE_ARGS >"$OUT/network-$1.log" 2>&1 &
		node_pid=$!
		node_logs=("$OUT"/network/{alice,bob,charlie,dave}/node.log)
	else
		rm -rf "$OUT/db"
		# shellcheck disable=SC2086 # BENCH_NODE_ARGS is a list of flags
		env "${profiling[@]}" "$NODE_BIN" --chain "$OUT/spec.json" --alice --validator \
			--force-authoring --base-path "$OUT/db" --prometheus-port "$PROMETHEUS_PORT" \
			--node-key 0000000000000000000000000000000000000000000000000000000000000001 \
			--rpc-port "$RPC_PORT" "${pool[@]}" $NODE_ARGS >"$OUT/node-$1.log" 2>&1 &
		node_pid=$!
		node_logs=("$OUT/node-$1.log")
	fi
	for _ in $(seq 1 120); do
		if curl -sf -H 'Content-Type: application/json' \
			-d '{"id":1,"jsonrpc":"2.0","method":"chain_getHeader","params":[]}' \
			"http://127.0.0.1:$RPC_PORT" | grep -q '"number":"0x[1-9a-f]'; then
			load_pid="$node_pid"
			[ "$VALIDATORS" = 1 ] || load_pid="$(pgrep -f -- "--base-path $OUT/network/alice" | head -1)"
			return
		fi
		sleep 1
	done
	echo "the chain did not start: see ${node_logs[*]}" >&2
	exit 1
}

# CPU seconds (user and system) process $1 has used so far.
cpu_seconds() {
	awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"
}

# CPU seconds the four validators of the local network have used so far (0 with one).
validators_cpu() {
	local pid total=0
	[ "$VALIDATORS" = 1 ] && { echo 0; return; }
	for pid in $(pgrep -f -- "--base-path $OUT/network/"); do
		total=$(awk -v t="$total" -v s="$(cpu_seconds "$pid")" 'BEGIN { printf "%.2f", t + s }')
	done
	echo "$total"
}

# The whole machine's CPU (all cores, every process), sampled every second into $1: the busy
# share of each second, in per cent (steal time counts as busy: the cores were not ours).
# machine_cpu_ticks prints the busy and the total clock ticks since boot.
machine_cpu_ticks() { awk '/^cpu / { b = $2 + $3 + $4 + $7 + $8 + $9; print b, b + $5 + $6 }' /proc/stat; }
sample_machine_cpu() {
	local busy total prev_busy prev_total
	read -r prev_busy prev_total < <(machine_cpu_ticks)
	while sleep 1; do
		read -r busy total < <(machine_cpu_ticks)
		[ "$total" -gt "$prev_total" ] && echo $(( 100 * (busy - prev_busy) / (total - prev_total) )) >>"$1"
		prev_busy=$busy prev_total=$total
	done
}

# Citizens may send 60 transactions a minute: enough senders that each sends at most 30.
# Organization members (the payers) may send 6,000: 1,000 of them are enough.
senders=$(( RATE * DURATION / 30 ))
[ "$senders" -le "$CITIZENS" ] || senders="$CITIZENS"

for scenario in "${scenarios[@]}"; do
	case "$scenario" in
	scoin-payment) n="$senders" ;;
	balances-transfer | krw-transfer | citizen-registration) n=1000 ;;
	*) echo "unknown scenario: $scenario" >&2; exit 1 ;;
	esac
	log "$scenario: $RATE/s for $DURATION s from $n senders"
	start_node "$scenario"
	perf_pid=""
	if [ "$PROFILE" = 1 ]; then
		recorded="$load_pid"
		[ "$VALIDATORS" = 1 ] || recorded="$(pgrep -f -- "--base-path $OUT/network/" | paste -sd,)"
		# shellcheck disable=SC2086 # a list of options
		perf record -e cpu-clock $PERF_ARGS -p "$recorded" -o "$OUT/perf-$scenario.data" \
			>"$OUT/perf-$scenario.log" 2>&1 &
		perf_pid=$!
	fi
	node_cpu=$(cpu_seconds "$load_pid")
	all_cpu=$(validators_cpu)
	rm -f "$OUT/cpu-$scenario.txt"
	sample_machine_cpu "$OUT/cpu-$scenario.txt" &
	sampler_pid=$!
	TIMEFORMAT="load generator CPU: %U s user, %S s system, over %R s (setup, load and wait)"
	time "$LOADGEN" run --url "ws://127.0.0.1:$RPC_PORT" --scenario "$scenario" --senders "$n" \
		--rate "$RATE" --duration "$DURATION" --node-pid "$load_pid" \
		--label "$scenario $RATE/s, $VALIDATORS validator(s), $DATABASE" --json "$OUT/reports.jsonl"
	awk -v before="$node_cpu" -v after="$(cpu_seconds "$load_pid")" \
		'BEGIN { printf "node CPU over the same time: %.1f s\n", after - before }'
	[ "$VALIDATORS" = 1 ] || awk -v before="$all_cpu" -v after="$(validators_cpu)" \
		'BEGIN { printf "the four validators'"'"' CPU over the same time: %.1f s\n", after - before }'
	kill "$sampler_pid" 2>/dev/null || true
	wait "$sampler_pid" 2>/dev/null || true
	sampler_pid=""
	awk '{ n++; sum += $1; if ($1 >= 95) full++ }
		END { if (n) printf "the machine'"'"'s cores over the same time: %.0f %% busy on average, %d of %d s at 95 %% or more (each second in cpu-'"$scenario"'.txt)\n", sum / n, full, n }' \
		"$OUT/cpu-$scenario.txt" 2>/dev/null || true
	# Block production: how long authoring took, and how full the blocks were.
	cat "${node_logs[@]}" | grep -o 'Prepared block for proposing at [0-9]* ([0-9]* ms).*extrinsics_count: [0-9]*' |
		awk '$NF > 1 { ms = substr($7, 2) + 0; n++; sum += ms; if (ms > max) max = ms }
		END { if (n) printf "authoring of %d loaded blocks: mean %.0f ms, max %d ms\n", n, sum / n, max }'
	# From the node's Prometheus counters:
	# - the pool's runtime validations (a signature check each): one when a transaction is
	#   submitted, and again while it waits (the view's revalidation after each block, the
	#   mempool's after finality); and the runtime calls they took, most in batches
	#   (node/src/pool_batch.rs);
	# - the upkeep validations the node answered from a transaction's last runtime result,
	#   without a runtime call (node/src/pool_api.rs);
	# - the node's cache of valid sr25519 signatures: the runtime's checks it answered, and
	#   those it made (docs/performance.md, *Signature checks, once per transaction*).
	curl -sf "http://127.0.0.1:$PROMETHEUS_PORT/metrics" >"$OUT/metrics-$scenario.txt" &&
	awk '/^(substrate_sub_txpool_|seoul_txpool_|seoul_sr25519_cache_)/ { split($1, name, "{"); sum[name[1]] += $NF }
		END {
			one = sum["substrate_sub_txpool_validations_finished"]
			b = sum["seoul_txpool_validation_batches_total"]; bt = sum["seoul_txpool_validations_batched_total"]
			v = one + bt
			f = sum["substrate_sub_txpool_finalized_txs_total"]
			if (f) printf "pool validations: %d by the runtime for %d finalized transactions (%.2f each): %d at submission, %d by view revalidation, %d from the mempool into new views\n", v, f, v / f, sum["substrate_sub_txpool_submitted_txs_total"], sum["substrate_sub_txpool_view_revalidation_resubmitted_txs_total"] + sum["substrate_sub_txpool_view_revalidation_invalid_txs_total"], sum["substrate_sub_txpool_submitted_from_mempool_txs_total"]
			if (f) printf "pool runtime calls: %d, %d of them batches of %.1f transactions on average, %d one transaction each\n", b + one, b, b ? bt / b : 0, one
			a = sum["seoul_txpool_validations_answered_total"]
			if (f) printf "pool upkeep validations answered from the last runtime result: %d (%.2f a transaction)\n", a, a / f
			h = sum["seoul_sr25519_cache_hits_total"]; c = sum["seoul_sr25519_cache_checks_total"]
			if (h + c) printf "signature checks: %d answered from the cache, %d made (%.0f %% answered)\n", h, c, 100 * h / (h + c)
		}' "$OUT/metrics-$scenario.txt" ||
		echo "pool validations: the node's Prometheus endpoint did not answer"
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
