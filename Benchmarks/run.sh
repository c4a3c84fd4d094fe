#!/usr/bin/env bash
# Kiln's parse benchmark: kiln lint against libyaml's bare event parser on three generated projects.
# See README.md. Usage: cd Benchmarks && ./run.sh
#
# Environment:
#   RUNS=7            timed runs per program and dataset
#   KILN=path         the kiln binary to measure [../.build/release/kiln, built if missing]
#   SKIP_GENERATE=1   reuse data/ from an earlier run
set -euo pipefail
cd "$(dirname "$0")"

RUNS=${RUNS:-7}
KILN=${KILN:-../.build/release/kiln}

echo "== building kiln-bench-generate (release)"
swift build -c release -j 1 --product kiln-bench-generate
GENERATE=.build/release/kiln-bench-generate

echo "== compiling libyaml-parse"
mkdir -p .build
gcc -O2 -o .build/libyaml-parse libyaml-parse.c $(pkg-config --cflags --libs yaml-0.1)

if [[ -z "${SKIP_GENERATE:-}" || ! -d data/gpus-10k || ! -d data/gpus-100k || ! -d data/yaml-50mb ]]; then
  echo "== generating data/ (deterministic)"
  "$GENERATE" data/gpus-10k --gpus 10000
  "$GENERATE" data/gpus-100k --gpus 100000
  "$GENERATE" data/yaml-50mb --bytes 50000000
fi

if [[ ! -x "$KILN" ]]; then
  if [[ "$KILN" == "../.build/release/kiln" ]]; then
    echo "== no release kiln at ../.build/release/kiln: building it (swift build -c release --product kiln in ..)"
    (cd .. && swift build -c release --product kiln)
  else
    echo "run.sh: KILN=$KILN is not an executable" >&2
    exit 2
  fi
fi

echo "== measuring ($RUNS runs each, interleaved)"
python3 measure.py --kiln "$KILN" --libyaml .build/libyaml-parse --runs "$RUNS" --out results.md \
  data/gpus-10k data/gpus-100k data/yaml-50mb

echo "== kiln plan between two 100k-GPU projects that differ in a few objects"
python3 plan-bench.py --kiln "$KILN" --runs "$RUNS" data/gpus-100k data/gpus-100k-head
