#!/usr/bin/env bash
# What phases 3 (trajectories) and 6 (enrichment) add to a sample's wall time. For each REPO PR pair it runs
# `taskmill run REPO --pr PR` into a fresh samples folder and prints every phase's time from metadata.json
# (timings.phaseMillis) and the ratio (phase 3 + phase 6) / (phases 1, 2, 4 and 5). Prints figures; not a test.
#
#   bench/trajectories.sh REPO PR [REPO PR ...]        e.g. bench/trajectories.sh /tmp/click 3764 /tmp/commons-cli 439
#
# Needs a Docker engine and the offline images (.ci/setup-docker.sh). Local clones work; no network to GitHub.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(($# >= 2 && $# % 2 == 0)) || { sed -n '2,7p' "$0" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
printf '%-28s %6s %8s %8s %8s %8s %8s %8s %7s\n' repo pr analyse patches env validate traj enrich ratio
while (($#)); do
  repo="$1" pr="$2"
  shift 2
  samples="$out/$(basename "$repo")-$pr"
  if ! "$root/taskmill" run "$repo" --pr "$pr" --samples-dir "$samples" >"$samples.log" 2>&1; then
    echo "$repo #$pr: taskmill run failed (exit $?); last lines:" >&2
    tail -5 "$samples.log" >&2
    continue
  fi
  python3 - "$samples/task-1/metadata.json" "$repo" "$pr" <<'PY'
import json, os, sys
meta = json.load(open(sys.argv[1]))
ms = meta["timings"]["phaseMillis"]
s = lambda k: ms.get(k, 0) / 1000
base = s("ANALYSIS") + s("PATCHES") + s("ENVIRONMENT") + s("VALIDATION")
added = s("TRAJECTORIES") + s("ENRICHMENT")
print(f"{os.path.basename(sys.argv[2]):<28} {sys.argv[3]:>6} {s('ANALYSIS'):8.1f} {s('PATCHES'):8.1f} "
      f"{s('ENVIRONMENT'):8.1f} {s('VALIDATION'):8.1f} {s('TRAJECTORIES'):8.1f} {s('ENRICHMENT'):8.1f} "
      f"{added / base:7.2f}")
PY
done
echo "(seconds; ratio = (trajectories + enrichment) / (analyse + patches + env + validate); target <= 0.50)"
