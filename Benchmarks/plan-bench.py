#!/usr/bin/env python3
"""kiln plan between two generated projects that differ in a few objects (issue 5's benchmark).

Makes HEAD from BASE deterministically (two clusters lose a rack, one region's peak demand doubles),
then times `kiln plan HEAD --base-dir BASE --format json` RUNS times and prints the median.
Usage: plan-bench.py --kiln PATH --runs N BASE HEAD
"""
import argparse, os, re, shutil, statistics, subprocess, sys, time

parser = argparse.ArgumentParser()
parser.add_argument("--kiln", required=True)
parser.add_argument("--runs", type=int, default=7)
parser.add_argument("base")
parser.add_argument("head")
args = parser.parse_args()

shutil.rmtree(args.head, ignore_errors=True)
shutil.copytree(args.base, args.head)
clusters = sorted(os.listdir(os.path.join(args.head, "clusters")))[:2]
for name in clusters:
    path = os.path.join(args.head, "clusters", name)
    text = open(path).read()
    text = re.sub(r"count: (\d+)", lambda m: f"count: {int(m.group(1)) - 1}", text, count=1)
    open(path, "w").write(text)
region = os.path.join(args.head, "regions", sorted(os.listdir(os.path.join(args.head, "regions")))[0])
text = open(region).read()
text = re.sub(r"peak: (\d+)", lambda m: f"peak: {int(m.group(1)) * 2}", text, count=1)
open(region, "w").write(text)

times = []
for _ in range(args.runs):
    start = time.perf_counter()
    result = subprocess.run([args.kiln, "plan", args.head, "--base-dir", args.base, "--format", "json"],
                            capture_output=True, text=True)
    times.append(time.perf_counter() - start)
    if result.returncode != 0:
        sys.exit(f"kiln plan exited {result.returncode}: {result.stderr[:300]}")
summary = result.stdout.split('"text": ', 1)[1].split("\n", 1)[0]
print(f"kiln plan {args.head} --base-dir {args.base}: median {statistics.median(times):.3f} s "
      f"over {args.runs} runs (min {min(times):.3f}, max {max(times):.3f}); {summary}")
