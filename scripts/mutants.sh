#!/usr/bin/env bash
# Mutation testing of the chain's security boundary with cargo-mutants: each one-line change
# (a mutant) of the code that decides who may send what, the council's city origin and the
# batch application, built and tested; a mutant the tests do not catch is a rule no test
# guards. Not part of CI: each mutant rebuilds its crate, a minute or so for the runtime's.
#
# Usage: ./scripts/mutants.sh [target ...]   (default: every target below)
#   rules         runtime/src/configs/permissions.rs (the rules on calls, the admission),
#                 tested by the runtime's tests
#   permissions   pallets/permissions (the extensions, quotas, suspension)
#   council       pallets/city-council (enact, motions)
#   batches       runtime/src/lib.rs's apply_extrinsics and validate_transactions
#   MUTANTS_OUT   where each target's report goes (default $CARGO_TARGET_DIR/mutants/<target>):
#                 outcomes.json, caught.txt, missed.txt, unviable.txt, timeout.txt
#
# The mutants are tested in the source tree (`--in-place`, restored after each), so that they
# build on the target directory the project's builds share: do not edit the tree meanwhile.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

setup_system
setup_rust
if ! command -v cargo-mutants >/dev/null; then
	log "installing cargo-mutants"
	cargo install --locked cargo-mutants
fi

OUT="${MUTANTS_OUT:-$CARGO_TARGET_DIR/mutants}"
# The runtime's WASM is not what the tests run: they run the native runtime.
export SKIP_WASM_BUILD=1

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(rules permissions council batches)

for target in "${targets[@]}"; do
	case "$target" in
		rules) args=(-p seoul-runtime -f runtime/src/configs/permissions.rs) ;;
		permissions) args=(-p pallet-permissions -f 'pallets/permissions/src/*.rs') ;;
		council) args=(-p pallet-city-council -f pallets/city-council/src/lib.rs) ;;
		batches)
			args=(-p seoul-runtime -f runtime/src/lib.rs --re 'apply_extrinsics|validate_transactions')
			;;
		*) echo "unknown target: $target (rules, permissions, council, batches)" >&2; exit 2 ;;
	esac
	log "mutants of $target"
	mkdir -p "$OUT/$target"
	# cargo-mutants exits non-zero when a mutant is missed: the counts are the result.
	(cd "$ROOT" && cargo mutants --in-place --profile release "${args[@]}" \
		-o "$OUT/$target" --exclude 'pallets/*/src/weights.rs' \
		--exclude 'pallets/*/src/benchmarking.rs' --exclude 'pallets/*/src/mock.rs') || true
	for outcome in caught missed unviable timeout; do
		file="$OUT/$target/mutants.out/$outcome.txt"
		printf '%s %s: %s\n' "$target" "$outcome" "$([ -f "$file" ] && wc -l <"$file" || echo 0)"
	done
done
