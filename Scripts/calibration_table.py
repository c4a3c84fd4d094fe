#!/usr/bin/env python3
"""Compare Kiln's serving predictions with the published figures of specs/calibration.

    python3 Scripts/calibration_table.py KILN [--project specs/calibration] [--summary-only]

Runs `KILN report --format json` on the calibration project, joins its serving entries with the
project's rows.json by entry name, and prints one Markdown table per regime: row, model, GPU,
parallelism, ISL/OSL, the report field compared, the published value (converted to what Kiln reports
for one replica), Kiln's value and the ratio Kiln / published. After each table, and together at the
end, a summary per regime: the row count, the median ratio (above 1: Kiln predicts more), the median
|ln(ratio)| and the share of rows within 0.67-1.5x, overall and per compared field. Rows marked † carry caveats (rows.json `caveats`).

Standard library only. Exits 1 if kiln fails or an entry of rows.json is missing from the report.
"""

import argparse
import json
import math
import os
import subprocess
import sys
from collections import OrderedDict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FIELD_SHORT = {"tokensPerSecondPerReplica": "tok/s", "tpot_s": "TPOT s", "ttftEstimate_s": "TTFT s",
               "servedTokensPerSecondPerReplica": "served tok/s", "tpotAtPeak_s": "TPOT at load s",
               "ttftAtPeak_s": "TTFT at load s", "burstTokensPerSecondPerReplica": "burst tok/s",
               "burstTPOT_s": "burst TPOT s", "burstTTFT_s": "burst TTFT s"}


def fmt(x, unit):
    if x is None:
        return "n/a"
    if unit == "s":
        return "%.4g" % x
    return "{:,.0f}".format(x) if abs(x) >= 100 else "%.3g" % x


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    if n == 0:
        return None
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2.0


def summary(rows):
    ratios = [r["ratio"] for r in rows if r["ratio"]]
    logs = [abs(math.log(x)) for x in ratios]
    within = sum(1 for x in ratios if 0.67 <= x <= 1.5)
    missing = len(rows) - len(ratios)
    m = median(logs)
    mr = median(ratios)
    text = "%d rows, median ratio %s, median |ln(ratio)| %s, within 0.67-1.5x %s" % (
        len(rows), "n/a" if mr is None else "%.3g" % mr, "n/a" if m is None else "%.3f (x%.2f)" % (m, math.exp(m)),
        "n/a" if not ratios else "%d/%d = %.0f %%" % (within, len(ratios), 100.0 * within / len(ratios)))
    if missing:
        text += ", %d without a Kiln value" % missing
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kiln", help="the kiln binary, e.g. .build/debug/kiln")
    parser.add_argument("--project", default=os.path.join(ROOT, "specs", "calibration"))
    parser.add_argument("--summary-only", action="store_true", help="print only the per-regime summaries")
    args = parser.parse_args()

    with open(os.path.join(args.project, "rows.json"), encoding="utf-8") as f:
        rows = json.load(f)["expressed"]
    proc = subprocess.run([args.kiln, "report", "--format", "json", args.project],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        sys.exit("kiln report failed with exit code %d" % proc.returncode)
    report = json.loads(proc.stdout)
    serving = {s["name"]: s for s in report.get("serving", [])}

    missing = [r["serving"] for r in rows if r["serving"] not in serving]
    if missing:
        sys.exit("not in kiln's report: " + ", ".join(missing))

    regimes = OrderedDict()
    for r in rows:
        s = serving[r["serving"]]
        kiln = s.get(r["field"])
        published = r["value"]
        ratio = kiln / published if kiln and published else None
        regimes.setdefault(r["regime"], []).append(dict(r, kiln=kiln, ratio=ratio))

    summaries = []
    for regime, items in regimes.items():
        if not args.summary_only:
            print("## %s\n" % regime)
            print("| row | model | GPU | parallelism | ISL/OSL | field | published | Kiln | ratio |")
            print("|---|---|---|---|---|---|---|---|---|")
            for r in items:
                mark = " †" if r["caveats"] else ""
                print("| %d%s | %s | %s | %s | %s/%s | %s | %s | %s | %s |" % (
                    r["index"], mark, r["kilnModel"], r["gpu"], r["parallelism"],
                    r["isl"] if r["isl"] else "?", r["osl"] if r["osl"] else "?",
                    FIELD_SHORT.get(r["field"], r["field"]), fmt(r["value"], r["unit"]), fmt(r["kiln"], r["unit"]),
                    "%.2f" % r["ratio"] if r["ratio"] else "n/a"))
            print()
        lines = ["%s: %s" % (regime, summary(items))]
        fields = OrderedDict()
        for r in items:
            fields.setdefault(r["field"], []).append(r)
        if len(fields) > 1:
            for field, sub in fields.items():
                lines.append("  %s: %s" % (field, summary(sub)))
        if not args.summary_only:
            print("\n".join(lines) + "\n")
        summaries.extend(lines)

    print("## Summary per regime\n")
    print("```")
    print("\n".join(summaries))
    print("all: %s" % summary([r for items in regimes.values() for r in items]))
    print("```")


if __name__ == "__main__":
    main()
