#!/usr/bin/env bash
# Kiln's fuzz target (README.md): builds Fuzz/ with libFuzzer, seeds a corpus from specs/, fuzzes.
#   ./run.sh                 fuzz for FUZZ_SECONDS (default 1800) on one core
#   ./run.sh crash-<hash>    replay one input
# Environment: FUZZ_SECONDS, FUZZ_JOBS (parallel fuzzing processes, default 1).
set -euo pipefail
cd "$(dirname "$0")"

# SwiftPM links executables with its own entry point and gold fails on libFuzzer's objects (an internal
# error in its DWARF reader), so link with the toolchain's lld, named in a toolset of this machine.
lld="$(dirname "$(command -v swiftc)")/ld.lld"
mkdir -p .build
printf '{"schemaVersion": "1.0", "linker": {"path": "%s"}}\n' "$lld" > .build/toolset.json
swift build -c release -Xswiftc -sanitize=fuzzer --toolset .build/toolset.json
fuzz=.build/release/kiln-fuzz

if [ $# -gt 0 ]; then
  exec "$fuzz" "$@"
fi

# Seeds: every project of specs/ as one input, its spec files (kiln.yaml aside) joined by '#%FILE' lines.
seeds=.build/seeds
rm -rf "$seeds"
mkdir -p "$seeds" corpus crashes
n=0
while IFS= read -r project; do
  n=$((n + 1))
  first=1
  while IFS= read -r file; do
    [ $first -eq 1 ] || printf '\n#%%FILE\n'
    cat "$file"
    first=0
  done < <(find "$project" -type f -name '*.yaml' ! -name kiln.yaml | sort) > "$seeds/$n.yaml"
done < <(find ../specs -name kiln.yaml -exec dirname {} \; | sort)
echo "seeds: $n projects from specs/"

jobs=()
[ "${FUZZ_JOBS:-1}" -gt 1 ] && jobs=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS")
"$fuzz" -max_total_time="${FUZZ_SECONDS:-1800}" -timeout=30 -rss_limit_mb=4096 -max_len=262144 \
  -artifact_prefix=crashes/ -print_final_stats=1 "${jobs[@]}" corpus "$seeds"
