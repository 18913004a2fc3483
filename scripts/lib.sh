# Shared by the scripts: paths, and installing what the build and the tests need.
# Source it; do not run it.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# One target directory for every build, test and CI run on this machine: a warm rebuild
# after a pallet change takes minutes (2.5 measured), a cold one about 24 minutes.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/seoul-chain/target}"
NODE_BIN="$CARGO_TARGET_DIR/release/seoul-node"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Debian packages the build asks for: protoc (libp2p's protobufs), a C/C++ compiler and
# libclang (binaryen for the runtime's WASM, other -sys crates).
setup_system() {
	local missing=()
	command -v protoc >/dev/null || missing+=(protobuf-compiler)
	command -v clang >/dev/null || missing+=(clang)
	command -v g++ >/dev/null || missing+=(g++)
	[ -e /usr/lib/llvm-14/lib/libclang.so ] || ls /usr/lib/llvm-*/lib/libclang.so >/dev/null 2>&1 \
		|| missing+=(libclang-dev)
	command -v make >/dev/null || missing+=(make)
	command -v curl >/dev/null || missing+=(curl)
	if [ ${#missing[@]} -gt 0 ]; then
		log "installing Debian packages: ${missing[*]}"
		local sudo=""
		[ "$(id -u)" = 0 ] || sudo="sudo"
		$sudo apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
	fi
}

# The Rust pieces the runtime's WASM build needs.
setup_rust() {
	command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup" >&2; exit 1; }
	if ! rustup target list --installed | grep -qx wasm32v1-none; then
		log "adding the wasm32v1-none target"
		rustup target add wasm32v1-none
	fi
	if ! rustup component list --installed | grep -q '^rust-src'; then
		log "adding rust-src"
		rustup component add rust-src
	fi
}

# npm packages of the end-to-end suite (versions pinned in tests/e2e/package-lock.json).
setup_e2e() {
	command -v node >/dev/null || { echo "node not found: install Node.js 20+" >&2; exit 1; }
	if [ ! -d "$ROOT/tests/e2e/node_modules/@polkadot/api" ]; then
		log "installing the end-to-end suite's npm packages"
		(cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
	fi
}

# Builds the node (and the runtime's WASM inside it) in release mode; more cargo arguments, e.g.
# `--features rocksdb`, are passed on (the binary is then that build until the next one).
build_node() {
	log "building seoul-node (release; a cold build takes about 24 minutes on 2 cores) $*"
	(cd "$ROOT" && cargo build --release --locked -p seoul-node "$@")
}

# Builds seoul-node with the `runtime-benchmarks` feature and keeps it as seoul-node-benchmarks
# (the default build writes the same path). Its runtime, built with the same feature, is left
# in RUNTIME_WASM until the next default build. Other features than the default build, so
# most of the tree is compiled a second time: about 18 minutes the first time. More cargo
# arguments, e.g. `--features rocksdb`, are passed on.
BENCH_BIN="$CARGO_TARGET_DIR/release/seoul-node-benchmarks"
RUNTIME_WASM="$CARGO_TARGET_DIR/release/wbuild/seoul-runtime/seoul_runtime.compact.compressed.wasm"
build_bench_node() {
	log "building seoul-node with the runtime-benchmarks feature $*"
	(cd "$ROOT" && cargo build --release --locked -p seoul-node --features runtime-benchmarks "$@")
	cp "$NODE_BIN" "$BENCH_BIN"
}

# Builds seoul-loadgen, the load generator (tools/loadgen).
LOADGEN="$CARGO_TARGET_DIR/release/seoul-loadgen"
build_loadgen() {
	log "building seoul-loadgen (release)"
	(cd "$ROOT" && cargo build --release --locked -p seoul-loadgen)
}

# Writes a chain spec populated with $1 registered citizens and 1,000 payers to $2
# (seoul-loadgen populate): `$NODE_BIN` or any seoul-node binary as $3 builds the spec of
# chain $4 (default dev; local for the four-validator network).
populated_spec() {
	local citizens="$1" out="$2" node="${3:-$NODE_BIN}" chain="${4:-dev}"
	log "populated $chain chain spec: $citizens citizens, 1000 payers ($out)"
	"$node" build-spec --chain "$chain" --disable-default-bootnode 2>/dev/null >"$out.plain.json"
	"$LOADGEN" populate --spec "$out.plain.json" --out "$out" --citizens "$citizens" --payers 1000
	rm -f "$out.plain.json"
}
