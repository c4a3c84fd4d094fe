#!/usr/bin/env python3
"""Times `kiln lint DATASET` against `libyaml-parse DATASET` (see README.md).

    measure.py --kiln PATH --libyaml PATH [--runs 7] [--out results.md] DATASET...

For each dataset: one check run of `kiln lint` (it must exit 0; its diagnostics are printed if
not, and the dataset is reported as failed), one untimed run of each program under
`/usr/bin/time -f %M` for the peak RSS (it also warms the page cache), then --runs timed runs of
each, interleaved (kiln, libyaml, kiln, libyaml, ...) so that a slow phase of the shared machine
hits both. Wall time is time.perf_counter() around spawn and wait, output discarded. (The RSS is
not taken from the timed runs: a child's ru_maxrss counts the Python process it was forked from
before exec, about 15 MB, which would swamp libyaml-parse's 2 MB.)
Prints a Markdown table and writes it, with the run's context, to --out.
"""

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time


def run(argv):
    """Runs argv with output discarded; returns (exit status, wall seconds, CPU seconds).
    CPU is the child's user + system time: kiln reads files on every core, libyaml-parse on one."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, wall, usage.ru_utime + usage.ru_stime


def peak_rss_kib(argv):
    """Runs argv under `/usr/bin/time -f %M`; returns (exit status, peak RSS in KiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as report:
        status = subprocess.call(["/usr/bin/time", "-f", "%M", "-o", report.name] + argv,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        lines = [line for line in report.read().splitlines() if line.strip()]
    return status, int(lines[-1]) if lines and lines[-1].strip().isdigit() else 0


def dataset_facts(path):
    """Files and bytes of the dataset's *.yaml / *.yml (hidden entries left out, as Kiln does),
    and the GPU count the generator recorded in its marker file."""
    files = size = 0
    for root, dirs, names in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if not name.startswith(".") and name.endswith((".yaml", ".yml")):
                files += 1
                size += os.path.getsize(os.path.join(root, name))
    gpus = None
    marker = os.path.join(path, ".kiln-bench-generated")
    if os.path.exists(marker):
        with open(marker) as handle:
            for line in handle:
                key, _, value = line.strip().partition("=")
                if key == "gpus":
                    gpus = int(value)
    return files, size, gpus


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kiln", required=True)
    parser.add_argument("--libyaml", required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", default=None, help="also write the table to this Markdown file")
    parser.add_argument("datasets", nargs="+")
    args = parser.parse_args()

    rows = []
    failed = False
    for dataset in args.datasets:
        name = os.path.basename(os.path.normpath(dataset))
        files, size, gpus = dataset_facts(dataset)
        print(f"== {name}: {files} files, {size:,} bytes, {gpus:,} GPUs" if gpus else f"== {name}: {files} files, {size:,} bytes",
              flush=True)

        check = subprocess.run([args.kiln, "lint", dataset], capture_output=True, text=True)
        summary = ((check.stdout + check.stderr).strip().splitlines() or [""])[-1]
        if check.returncode != 0:
            failed = True
            print(f"   kiln lint exited {check.returncode}; its diagnostics:", file=sys.stderr)
            sys.stderr.write(check.stdout + check.stderr)
            rows.append((name, files, size, gpus, None))
            continue
        print(f"   kiln lint: {summary}")
        if "0 errors, 0 warnings" not in summary:
            print("   note: kiln lint exited 0 but reported diagnostics:", file=sys.stderr)
            sys.stderr.write(check.stdout + check.stderr)
        status, kiln_rss = peak_rss_kib([args.kiln, "lint", dataset])
        status2, yaml_rss = peak_rss_kib([args.libyaml, dataset])
        if status != 0 or status2 != 0:
            failed = True
            print(f"   the RSS run exited {status} (kiln lint) and {status2} (libyaml-parse)", file=sys.stderr)
            rows.append((name, files, size, gpus, None))
            continue

        report_status, report_rss = peak_rss_kib([args.kiln, "report", dataset, "--format", "json"])
        expand_status, expand_rss = peak_rss_kib([args.kiln, "ir", dataset, "--expand"])
        report_times, expand_times = [], []
        kiln_times, yaml_times, kiln_cpu, yaml_cpu = [], [], [], []
        for i in range(args.runs):
            status, seconds, cpu = run([args.kiln, "lint", dataset])
            if status != 0:
                failed = True
                print(f"   kiln lint exited {status} in run {i + 1}", file=sys.stderr)
            kiln_times.append(seconds)
            kiln_cpu.append(cpu)
            status, seconds, cpu = run([args.libyaml, dataset])
            if status != 0:
                failed = True
                print(f"   libyaml-parse exited {status} in run {i + 1}", file=sys.stderr)
            yaml_times.append(seconds)
            yaml_cpu.append(cpu)
            status, seconds, _ = run([args.kiln, "report", dataset, "--format", "json"])
            if status != 0:
                failed = True
                print(f"   kiln report exited {status} in run {i + 1}", file=sys.stderr)
            report_times.append(seconds)
            status, seconds, _ = run([args.kiln, "ir", dataset, "--expand"])
            if status != 0:
                failed = True
                print(f"   kiln ir --expand exited {status} in run {i + 1}", file=sys.stderr)
            expand_times.append(seconds)
        kiln_median = statistics.median(kiln_times)
        yaml_median = statistics.median(yaml_times)
        kiln_cpu_median = statistics.median(kiln_cpu)
        yaml_cpu_median = statistics.median(yaml_cpu)
        print(f"   kiln lint     {' '.join(f'{t:.3f}' for t in kiln_times)}  median {kiln_median:.3f} s")
        print(f"   libyaml-parse {' '.join(f'{t:.3f}' for t in yaml_times)}  median {yaml_median:.3f} s")
        report_median = statistics.median(report_times)
        expand_median = statistics.median(expand_times)
        print(f"   kiln report   {' '.join(f'{t:.3f}' for t in report_times)}  median {report_median:.3f} s")
        rows.append((name, files, size, gpus,
                     (kiln_median, yaml_median, kiln_rss, yaml_rss, kiln_cpu_median, yaml_cpu_median,
                      report_median, report_rss, expand_median, expand_rss)))

    header = ("| dataset | files | bytes | GPUs | kiln median s | libyaml median s | kiln/libyaml "
              "| kiln CPU s | libyaml CPU s | CPU ratio | kiln peak RSS MB | libyaml peak RSS MB "
              "| kiln report median s | kiln report peak RSS MB | kiln ir --expand median s | expand peak RSS MB |")
    lines = [header, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, files, size, gpus, measured in rows:
        gpu_text = f"{gpus:,}" if gpus else "—"
        if measured is None:
            lines.append(f"| {name} | {files} | {size:,} | {gpu_text} | failed | | | | | | | | | | | |")
            continue
        (kiln_median, yaml_median, kiln_rss, yaml_rss, kiln_cpu_median, yaml_cpu_median, report_median,
         report_rss, expand_median, expand_rss) = measured
        cpu_ratio = f"{kiln_cpu_median / yaml_cpu_median:.2f}×" if yaml_cpu_median > 0 else "—"
        lines.append(
            f"| {name} | {files} | {size:,} | {gpu_text} | {kiln_median:.3f} | {yaml_median:.3f} "
            f"| {kiln_median / yaml_median:.2f}× | {kiln_cpu_median:.3f} | {yaml_cpu_median:.3f} | {cpu_ratio} "
            f"| {kiln_rss / 1024:.1f} | {yaml_rss / 1024:.1f} | {report_median:.3f} | {report_rss / 1024:.1f} "
            f"| {expand_median:.3f} | {expand_rss / 1024:.1f} |")
    table = "\n".join(lines)
    print()
    print(table)

    if args.out:
        kiln_version = subprocess.run([args.kiln, "--version"], capture_output=True, text=True).stdout.strip()
        try:
            commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                    cwd=os.path.dirname(os.path.abspath(__file__))).stdout.strip()
            dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                                   text=True, cwd=os.path.dirname(os.path.abspath(__file__))).stdout.strip()
        except OSError:
            commit, dirty = "", ""
        context = [
            "# Kiln benchmark results",
            "",
            f"Run {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')} on {platform.machine()} "
            f"({os.cpu_count()} cores, {platform.platform()}); kiln `{args.kiln}`"
            + (f" ({kiln_version})" if kiln_version else "")
            + (f", commit {commit}{' with local changes' if dirty else ''}" if commit else "") + ".",
            f"Median wall time and CPU time (user + system) of {args.runs} runs each, interleaved; peak RSS from one more run",
            "each under `/usr/bin/time -f %M`. kiln reads and validates files on every core; libyaml-parse uses one.",
            "Target: kiln lint ≤ 2× libyaml's own parse time. Absolute times on a shared machine are noisy;",
            "compare the ratios. Regenerate with `./run.sh` (see README.md).",
            "",
            table,
            "",
        ]
        with open(args.out, "w") as handle:
            handle.write("\n".join(context))
        print(f"\nwrote {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
