#!/usr/bin/env python3
"""Validates Kiln's machine-readable outputs with tools that are not Kiln:

1. `kiln schema` and `kiln schema --overlay` are valid draft-07 JSON Schemas (the committed
   schema/*.json files are kept current by a test).
2. Every document of every valid project in specs/ (the reference, the calibration set, the examples,
   both sides of every specs/changes case) validates with check-jsonschema: against the overlay schema when its file is
   one of a Project environment's overlays, else against the document schema. Files are parsed as
   YAML 1.2 (ruamel.yaml) and split into one JSON file per document, since check-jsonschema reads one
   document per file.
3. `kiln lint --format sarif` of every specs/invalid case validates against the OASIS SARIF 2.1.0
   schema in ../shared/schemas.

Exits non-zero on the first kind of failure, after printing every failure found.
"""
import fnmatch
import glob
import json
import os
import subprocess
import sys
import tempfile

from jsonschema import Draft7Validator, Draft202012Validator
from ruamel.yaml import YAML

kiln = os.path.abspath(sys.argv[1])
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(root)
failures = []

schemas = {}
for name, arguments in [("document", ["schema"]), ("overlay", ["schema", "--overlay"])]:
    schemas[name] = json.loads(subprocess.run([kiln] + arguments, check=True, capture_output=True, text=True).stdout)
    Draft7Validator.check_schema(schemas[name])
print("kiln schema and kiln schema --overlay: valid against the draft-07 meta-schema")

yaml = YAML(typ="safe")
yaml.version = (1, 2)
work = tempfile.mkdtemp(prefix="kiln-schema-")
for name, schema in schemas.items():
    os.makedirs(os.path.join(work, name))
    with open(os.path.join(work, name + ".schema.json"), "w") as handle:
        json.dump(schema, handle)
# Example projects are the folders under specs/examples that hold a kiln.yaml (specs/examples/fleets/* too).
examples = sorted(os.path.dirname(path) for path in glob.glob("specs/examples/**/kiln.yaml", recursive=True))
projects = ["specs/reference", "specs/calibration"] + examples
projects += sorted(glob.glob("specs/changes/*/base"))
projects += sorted(glob.glob("specs/changes/*/head"))
counts = {"document": 0, "overlay": 0}
for base in projects:
    overlays = []
    with open(os.path.join(base, "kiln.yaml")) as handle:
        for document in YAML(typ="safe").load_all(handle):
            if document and document.get("kind") == "Project":
                for env in (document.get("spec", {}).get("environments") or {}).values():
                    overlays += env.get("overlays", [])
    for directory, dirnames, filenames in os.walk(base):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in sorted(filenames):
            if not name.endswith((".yaml", ".yml")) or name.startswith("."):
                continue
            path = os.path.join(directory, name)
            kind = "overlay" if any(fnmatch.fnmatch(os.path.relpath(path, base), p) for p in overlays) else "document"
            with open(path) as handle:
                for index, document in enumerate(yaml.load_all(handle)):
                    if document is None:
                        continue
                    counts[kind] += 1
                    target = os.path.join(work, kind, path.replace("/", "__") + f"__{index + 1}.json")
                    with open(target, "w") as out:
                        json.dump(document, out)
for kind in schemas:
    files = sorted(glob.glob(os.path.join(work, kind, "*.json")))
    result = subprocess.run(
        ["check-jsonschema", "--schemafile", os.path.join(work, kind + ".schema.json")] + files,
        capture_output=True, text=True)
    if result.returncode != 0:
        failures.append(f"check-jsonschema ({kind} schema):\n{result.stdout}{result.stderr}")
print(f"check-jsonschema: {counts['document']} spec documents and {counts['overlay']} overlay documents validated")

with open(os.path.join(os.path.dirname(root), "shared", "schemas", "sarif-2.1.0.json")) as handle:
    sarif_schema = json.load(handle)
sarif_validator = Draft202012Validator(sarif_schema) if "2020-12" in sarif_schema.get("$schema", "") else None
if sarif_validator is None:
    from jsonschema import validators
    sarif_validator = validators.validator_for(sarif_schema)(sarif_schema)
cases = 0
invalid_root = "specs/invalid"
for case in sorted(os.listdir(invalid_root)) if os.path.isdir(invalid_root) else []:
    path = os.path.join(invalid_root, case)
    if not os.path.isdir(path):
        continue
    result = subprocess.run([kiln, "lint", path, "--format", "sarif"], capture_output=True, text=True)
    if result.returncode not in (0, 1):
        failures.append(f"{path}: kiln exited {result.returncode}: {result.stderr.strip()}")
        continue
    cases += 1
    for error in sarif_validator.iter_errors(json.loads(result.stdout)):
        failures.append(f"{path} SARIF: {error.json_path}: {error.message}")
print(f"SARIF logs validated against sarif-2.1.0.json: {cases}")

# 4. `kiln report --format json` of the reference and example projects validates against the schema
#    documented in docs/report-format.md (between the schema:begin/end markers).
def documented_schema(path):
    """The JSON Schema a doc carries between its schema:begin/end markers, checked against 2020-12."""
    with open(path) as handle:
        text = handle.read()
    block = text.split("<!-- schema:begin -->", 1)[1].split("<!-- schema:end -->", 1)[0]
    schema = json.loads(block.split("```json", 1)[1].split("```", 1)[0])
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_json(label, command, validator):
    """Runs a kiln command that must exit 0 and checks its JSON output; True when it ran."""
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        failures.append(f"{label}: {' '.join(command[1:3])} exited {result.returncode}: {result.stderr.strip()[:300]}")
        return False
    for error in validator.iter_errors(json.loads(result.stdout)):
        failures.append(f"{label}: {error.json_path}: {error.message}")
    return True


report_validator = documented_schema("docs/report-format.md")
reports = 0
for base in ["specs/reference"] + examples:
    reports += validate_json(f"{base} report", [kiln, "report", base, "--format", "json"], report_validator)
print(f"JSON reports validated against docs/report-format.md's schema: {reports}")

# 5. `kiln plan --format json` of every specs/changes case validates against docs/plan-format.md's schema.
plan_validator = documented_schema("docs/plan-format.md")
plans = 0
changes_root = "specs/changes"
for case in sorted(os.listdir(changes_root)) if os.path.isdir(changes_root) else []:
    path = os.path.join(changes_root, case)
    if not os.path.isdir(path):
        continue
    command = [kiln, "plan", os.path.join(path, "head"), "--base-dir", os.path.join(path, "base"), "--format", "json"]
    plans += validate_json(f"{path} plan", command, plan_validator)
if plans == 0:
    failures.append("no specs/changes cases were planned")
print(f"JSON plans validated against docs/plan-format.md's schema: {plans}")

for failure in failures:
    print("FAIL:", failure)
if failures:
    sys.exit(1)
print("all outputs valid")
