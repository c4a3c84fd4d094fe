#!/usr/bin/env python3
"""Checks every PromQL expression Kiln writes with Prometheus' own parser, `promtool check rules`.

    python3 Scripts/check_promql.py KILN

Builds specs/reference and every specs/examples/* project with `KILN build` (like validate_manifests.sh),
then, in every *.yaml file written:

1. each PrometheusRule (monitoring.coreos.com/v1): its spec.groups become one standalone rules file
   ({"groups": [...]}, as the Prometheus Operator hands them to Prometheus), checked by promtool;
2. each ConfigMap labelled grafana_dashboard: "1" (a Grafana dashboard for the sidecar): every
   targets[].expr of every panel (rows' panels included) of every data value that is JSON becomes a
   recording rule kiln:dashboard_query_<n>, one group per data key, one file per ConfigMap, checked by
   promtool after Grafana's variables are replaced (see substitute). Zero dashboards is fine.

Prints one line per project with the counts; exits 1, after printing promtool's errors, on any failure.
"""

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

kiln = os.path.abspath(sys.argv[1])
os.chdir(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if shutil.which("promtool") is None:
    sys.exit("check_promql.py: promtool is required (Debian: apt-get install prometheus)")

# Grafana variable syntaxes: ${name}, ${name:format} or ${name.field}, [[name]] or [[name:format]], $name.
# A name must start with a letter or '_', so label_replace's "$1" stays as it is.
VARIABLE = re.compile(r"\$\{(\w+)(?:[.:][^}]*)?\}|\[\[(\w+)(?::[^\]]*)?\]\]|\$([A-Za-z_]\w*)")


def substitute(expr):
    """Grafana fills variables in before Prometheus sees the query, so promtool gets concrete values:
    $__rate_interval, $__interval and $__range (range selectors, offsets) -> 5m; their _s / _ms
    forms (numbers in arithmetic) -> 300 / 300000; every other variable, a dashboard's label-value
    variable like namespace="$namespace" or =~"${service:regex}", -> .* (valid in a quoted matcher)."""
    def value(match):
        name = next(group for group in match.groups() if group)
        if name in ("__rate_interval", "__interval", "__range"):
            return "5m"
        if name.startswith("__") and name.endswith("_ms"):
            return "300000"
        if name.startswith("__") and name.endswith("_s"):
            return "300"
        return ".*"
    return VARIABLE.sub(value, expr)


def panels(items):
    """Every panel, including those nested in a row's panels."""
    for panel in items or []:
        yield panel
        yield from panels(panel.get("panels"))


def promtool(path, where, legend=None):
    """Runs promtool check rules; on failure, records its output and what the failing rules came from."""
    result = subprocess.run(["promtool", "check", "rules", path], capture_output=True, text=True)
    if result.returncode == 0:
        return True
    message = (result.stdout + result.stderr).strip()
    for record, source in (legend or {}).items():
        if f'"{record}"' in message:
            message += f"\n  {record} = {source}"
    failures.append(f"{where}:\n{message}")
    return False


def write_rules(path, groups):
    with open(path, "w") as handle:
        yaml.safe_dump({"groups": groups}, handle, sort_keys=False, width=1 << 16)


def dashboard_groups(configmap):
    """One group of recording rules per dashboard (data key), and where each rule's query came from."""
    groups, legend = [], {}
    for key, text in sorted((configmap.get("data") or {}).items()):
        try:
            dashboard = json.loads(text)
        except ValueError:
            continue  # not a dashboard (a README, a provisioning file)
        rules = []
        for panel in panels(dashboard.get("panels") if isinstance(dashboard, dict) else None):
            for query in panel.get("targets") or []:
                # A target of another data source (Loki's expr is LogQL) is not PromQL.
                source = query.get("datasource") or panel.get("datasource")
                if isinstance(source, dict) and source.get("type") not in (None, "prometheus"):
                    continue
                if isinstance(query.get("expr"), str):
                    record = f"kiln:dashboard_query_{len(legend) + 1}"
                    legend[record] = f"{key} panel {panel.get('title')!r}: {query['expr']}"
                    rules.append({"record": record, "expr": substitute(query["expr"])})
        if rules:
            groups.append({"name": f"{configmap['metadata'].get('name')}/{key}", "rules": rules})
    return groups, legend


failures = []
with tempfile.TemporaryDirectory(prefix="kiln-promql-") as work:
    examples = sorted(os.path.dirname(p) for p in glob.glob("specs/examples/**/kiln.yaml", recursive=True))
    for project in ["specs/reference"] + examples:
        out = os.path.join(work, "out", os.path.basename(project))
        rules_dir = os.path.join(work, "rules", os.path.basename(project))
        os.makedirs(rules_dir)
        built = subprocess.run([kiln, "build", project, "-o", out], capture_output=True, text=True)
        if built.returncode != 0:
            failures.append(f"{project}: kiln build exited {built.returncode}: {built.stderr.strip()}")
            continue
        counts = dict.fromkeys(["resources", "groups", "rules", "dashboards", "queries"], 0)
        bad = len(failures)
        for path in sorted(glob.glob(os.path.join(out, "**", "*.yaml"), recursive=True)):
            with open(path) as handle:
                documents = [doc for doc in yaml.safe_load_all(handle) if isinstance(doc, dict)]
            for index, document in enumerate(documents):
                kind, metadata = document.get("kind"), document.get("metadata") or {}
                labels = metadata.get("labels") or {}
                where = f"{project}: {os.path.relpath(path, out)}#{index + 1} {kind} {metadata.get('name')}"
                target = os.path.join(rules_dir, f"{len(os.listdir(rules_dir)) + 1}.yaml")
                if kind == "PrometheusRule":
                    groups = (document.get("spec") or {}).get("groups") or []
                    write_rules(target, groups)
                    if promtool(target, where):
                        counts["resources"] += 1
                        counts["groups"] += len(groups)
                        counts["rules"] += sum(len(group.get("rules") or []) for group in groups)
                elif kind == "ConfigMap" and str(labels.get("grafana_dashboard")) == "1":
                    groups, legend = dashboard_groups(document)
                    write_rules(target, groups)
                    if promtool(target, where, legend):
                        counts["dashboards"] += 1
                        counts["queries"] += len(legend)
        status = "valid" if len(failures) == bad else f"{len(failures) - bad} FAILED"
        print(f"PromQL of {project}: {counts['rules']} rules in {counts['groups']} groups of "
              f"{counts['resources']} PrometheusRules, {counts['queries']} queries of {counts['dashboards']} "
              f"dashboards: {status}")

for failure in failures:
    print("FAIL:", failure)
if failures:
    sys.exit(f"check_promql.py: {len(failures)} rules file(s) rejected by promtool")
