#!/usr/bin/env bash
# Starts the `local` network on this machine: four validators on loopback, Alice (the city) and
# Bob, Charlie and Dave (operators), each with its own base path, node key (the well-known node
# keys of scripts/local-node-keys, authorized in the `local` genesis), session keys (the
# well-known development keys) and ports. Stops them all cleanly on Ctrl-C or SIGTERM.
#
# Usage: ./scripts/local-network.sh [extra seoul-node arguments for every node]
#   NETWORK_DIR=<dir>  keep the four nodes' data in <dir> (default: a fresh temporary directory,
#                      removed on exit)
#   SKIP_BUILD=1       use the node already built, without running cargo
#   NETWORK_CHAIN=<spec>  another chain spec than `local` with the same validators and node
#                      keys (scripts/bench.sh passes a populated copy of `local`)
#
# Node i (0 = Alice ... 3 = Dave) listens on p2p 30333+i, JSON-RPC 9944+i, Prometheus 9615+i.
# Logs: <dir>/<name>/node.log.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ -z "${SKIP_BUILD:-}" ]; then
	setup_system
	setup_rust
	build_node
fi
[ -x "$NODE_BIN" ] || { echo "no node at $NODE_BIN: build it first" >&2; exit 1; }

NAMES=(alice bob charlie dave)
if [ -n "${NETWORK_DIR:-}" ]; then
	mkdir -p "$NETWORK_DIR"
	keep_dir=1
else
	NETWORK_DIR="$(mktemp -d -t seoul-local-XXXXXX)"
	keep_dir=""
fi

pids=()
stop_all() {
	trap - INT TERM EXIT
	log "stopping the four nodes"
	for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
	# A node flushes its database on SIGINT; give each ten seconds, then kill it.
	for _ in $(seq 1 20); do
		local alive=0
		for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
		[ "$alive" = 0 ] && break
		sleep 0.5
	done
	for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	[ -n "$keep_dir" ] || rm -rf "$NETWORK_DIR"
}
trap stop_all INT TERM EXIT

# Node keys first: the well-known ones of the `local` genesis (scripts/local-node-keys), which
# node authorization lets in; the others need Alice's peer id to find the network.
KEYS_FILE="$(dirname "${BASH_SOURCE[0]}")/local-node-keys"
peer_ids=()
for i in "${!NAMES[@]}"; do
	dir="$NETWORK_DIR/${NAMES[$i]}"
	mkdir -p "$dir"
	awk -v name="${NAMES[$i]}" '$1 == name { printf "%s", $2 }' "$KEYS_FILE" >"$dir/node-key"
	peer_ids+=("$("$NODE_BIN" key inspect-node-key --file "$dir/node-key")")
done
bootnode="/ip4/127.0.0.1/tcp/30333/p2p/${peer_ids[0]}"

for i in "${!NAMES[@]}"; do
	name="${NAMES[$i]}"
	dir="$NETWORK_DIR/$name"
	args=(
		--chain "${NETWORK_CHAIN:-local}"
		"--$name"
		--validator
		--base-path "$dir"
		--node-key-file "$dir/node-key"
		--name "$name"
		--port $((30333 + i))
		--rpc-port $((9944 + i))
		--prometheus-port $((9615 + i))
		--no-mdns
		--no-telemetry
		--rpc-cors all
	)
	[ "$i" = 0 ] || args+=(--bootnodes "$bootnode")
	"$NODE_BIN" "${args[@]}" "$@" >"$dir/node.log" 2>&1 &
	pids+=($!)
done

log "the local network runs: four validators on loopback (data in $NETWORK_DIR)"
for i in "${!NAMES[@]}"; do
	printf '  %-8s ws://127.0.0.1:%d  peer id %s  log %s\n' "${NAMES[$i]}" $((9944 + i)) \
		"${peer_ids[$i]}" "$NETWORK_DIR/${NAMES[$i]}/node.log" >&2
done
echo "  polkadot-js: https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A9944#/explorer" >&2
echo "  Stop with Ctrl-C." >&2

# Runs until a node exits or the script is stopped.
wait -n "${pids[@]}"
log "a node exited; see its log"
exit 1
