#!/usr/bin/env bash
# Checks the Kubernetes manifests in deploy/k8s/ against the API's schemas, offline: the PyPI package
# kubernetes-validate bundles the schemas of every Kubernetes version (no GitHub download, unlike kubeconform's
# default schema location). Installs it once into the git-ignored .tools/ folder (idempotent), then validates in
# strict mode (an unknown field is an error).
#
#   bash deploy/k8s/validate.sh            validates deploy/k8s/*.yaml; exit 1 on any finding
#   bash deploy/k8s/validate.sh --install  installs only, and prints the tool's path
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="1.37.0"
kubernetes_version="${TASKMILL_K8S_VERSION:-1.30.0}"
venv="$root/.tools/k8s-validate/$version"
tool="$venv/bin/kubernetes-validate"

if [[ ! -x "$tool" ]] || ! "$tool" --version 2>/dev/null | grep -q "$version"; then
  command -v python3 >/dev/null || { echo "validate.sh: python3 is needed" >&2; exit 1; }
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "kubernetes-validate==$version" >&2 \
    || { echo "validate.sh: pip could not install kubernetes-validate==$version (is PyPI reachable?)" >&2; exit 1; }
fi
if [[ "${1:-}" == --install ]]; then
  echo "$tool"
  exit 0
fi
"$tool" --strict --quiet --kubernetes-version "$kubernetes_version" "$root"/deploy/k8s/*.yaml
echo "validate.sh: deploy/k8s/*.yaml valid for Kubernetes $kubernetes_version (kubernetes-validate $version, strict)"
