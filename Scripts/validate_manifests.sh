#!/usr/bin/env bash
# Builds the reference and example projects with `kiln build` and checks the manifests with tools that
# are not Kiln: the CRDs' schemas and Kueue's webhook rules (../shared/tools/validate_crs.py, with
# kubernetes-validate for built-in kinds), kustomize, yamllint and Checkov.
set -euo pipefail
kiln=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/.."
shared=../shared
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every project: the reference, and each folder under specs/examples that holds a kiln.yaml.
for project in specs/reference $(find specs/examples -name kiln.yaml -exec dirname {} \; | sort); do
  out="$work/$(basename "$project")"
  "$kiln" build "$project" -o "$out"
  # The project's own target version (kubernetes.version in kiln.yaml), 1.31 when it names none.
  version=$(sed -n 's/^ *version: *"\{0,1\}\([0-9][0-9.]*\)"\{0,1\}.*/\1/p' "$project/kiln.yaml" | head -n 1)
  python3 "$shared/tools/validate_crs.py" --crd "$shared/crds" --k8s-version "${version:-1.31}" --kueue-rules \
    --quiet "$out"
  if ! command -v kubectl >/dev/null 2>&1; then
    echo "validate_manifests.sh: kubectl (with kustomize) is required" >&2
    exit 1
  fi
  kubectl kustomize "$out" >/dev/null
  # One Kubernetes cluster per Kiln cluster: every cluster folder builds on its own too.
  for folder in "$out"/*/; do
    kubectl kustomize "$folder" >/dev/null
  done
  yamllint -c .yamllint-manifests.yaml "$out"
  # Checkov's Kubernetes checks: zero failures; the only skips are annotations naming a spec choice.
  (cd "$work" && checkov -d "$out" --framework kubernetes --skip-download --compact --quiet)
  echo "manifests of $project: valid"
done
