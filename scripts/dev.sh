#!/usr/bin/env bash
# Installs what is missing, builds the node and starts a development chain: one validator
# (Alice), sudo, demo organizations and endowed development accounts.
#
# Usage: ./scripts/dev.sh [extra seoul-node arguments]
#   BASE_PATH=<dir>  keep the chain in <dir> (default: a fresh temporary chain each run)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

setup_system
setup_rust
build_node

RPC_PORT="${RPC_PORT:-9944}"
args=(--dev --rpc-port "$RPC_PORT" --rpc-cors all --prometheus-port "${PROMETHEUS_PORT:-9615}")
if [ -n "${BASE_PATH:-}" ]; then
	args+=(--base-path "$BASE_PATH")
else
	args+=(--tmp)
fi

log "starting a development node"
cat >&2 <<MSG
  JSON-RPC:    ws://127.0.0.1:$RPC_PORT  (and http://127.0.0.1:$RPC_PORT)
  polkadot-js: https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A$RPC_PORT#/explorer
  Prometheus:  http://127.0.0.1:${PROMETHEUS_PORT:-9615}/metrics
  Stop with Ctrl-C.
MSG
exec "$NODE_BIN" "${args[@]}" "$@"
