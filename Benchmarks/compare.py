#!/usr/bin/env python3
"""Compares two kiln binaries on the generated data (run ./run.sh once to generate data/):

    compare.py BASE_KILN NEW_KILN [RUNS]

For lint and report of data/gpus-100k, build of it to standard output, and lint of data/yaml-50mb:
RUNS timed runs of each binary, interleaved (base, new, base, new, ...) so that a slow phase of the
shared machine hits both, and the medians with their ratio (new / base).
"""
import os
import statistics
import subprocess
import sys
import time

if len(sys.argv) < 3:
    sys.exit(__doc__)
base, new = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 7
data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
cases = [
    ["lint", "gpus-100k"], ["report", "gpus-100k", "--format", "json"], ["build", "gpus-100k", "-o", "-"],
    ["lint", "yaml-50mb"],
]
for case in cases:
    arguments = [case[0], os.path.join(data, case[1])] + case[2:]
    times = {base: [], new: []}
    for _ in range(runs):
        for kiln in (base, new):
            start = time.perf_counter()
            result = subprocess.run([kiln] + arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[kiln].append(time.perf_counter() - start)
            if result.returncode not in (0, 1):
                sys.exit(f"{kiln} {' '.join(arguments)} exited {result.returncode}")
    before, after = statistics.median(times[base]), statistics.median(times[new])
    print(f"{' '.join(case):35s} base {before:.3f} s  new {after:.3f} s  ratio {after / before:.2f}")
