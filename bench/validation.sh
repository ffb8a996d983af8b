#!/usr/bin/env bash
# Times phases 4 and 5 (environment + validation) of real samples at the default settings, against the floor:
# the same image build from the base image plus the three stages run once each with the docker CLI and no
# coverage (the sample's own ./run.sh with TASKMILL_COVERAGE=0). Prints figures; not a test.
#
#   bench/validation.sh REPO PR [REPO PR ...]     e.g. bench/validation.sh /tmp/real/click 3764 /tmp/real/commons-cli 439
#
# REPO is a local clone or a URL taskmill can read. For each pair: one warm-up run fills the dependency cache
# (downloads are not what this measures), then the sample's images are removed and the measured run builds them
# again from the base image, then they are removed again and the floor builds and runs the same. Extra taskmill
# options (for example --reruns 0) go in TASKMILL_BENCH_ARGS. Needs a Docker engine and the offline images
# (.ci/setup-docker.sh). Removes only the images it makes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if (($# == 0 || $# % 2)); then
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TASKMILL_IMAGES_CONFIG="${TASKMILL_IMAGES_CONFIG:-$root/deploy/offline-images/stacks.properties}"
read -r -a extra <<<"${TASKMILL_BENCH_ARGS:-}"

# Reads one value out of metadata.json; the path and the key travel as arguments, never as code.
meta() {
  python3 - "$1" "$2" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
for key in sys.argv[2].split("."):
    doc = doc[key]
print(doc)
PY
}
stage_times() {
  python3 - "$1" <<'PY'
import json, sys
for run in json.load(open(sys.argv[1]))["testExecution"]["runs"]:
    print(f"    {run['stage']:<28} {run['testsRun']:>6} tests {run['durationMillis'] / 1000:>8.1f} s")
PY
}
now() { date +%s%N; }
drop_images() { docker rmi -f "$@" >/dev/null 2>&1 || true; }

(cd "$root" && ./taskmill --version >/dev/null)   # builds the CLI first, outside the timings
n=0
summary=()
while (($#)); do
  repo="$1" pr="$2"
  shift 2
  n=$((n + 1))
  echo "== $repo #$pr"
  warm="$work/warm-$n"
  if ! (cd "$root" && ./taskmill run "$repo" --pr "$pr" --samples-dir "$warm" ${extra[@]+"${extra[@]}"}) \
      >"$work/warm-$n.log" 2>&1; then
    tail -n 3 "$work/warm-$n.log"
    summary+=("$repo #$pr: no sample (see above)")
    continue
  fi
  m="$warm/task-1/metadata.json"
  env_image="$(meta "$m" environment.environmentImage)"
  sample_image="$(meta "$m" environment.sampleImage)"
  drop_images "$env_image" "$sample_image" "$sample_image-local"

  measured="$work/measured-$n"
  (cd "$root" && ./taskmill run "$repo" --pr "$pr" --samples-dir "$measured" ${extra[@]+"${extra[@]}"}) \
    >"$work/measured-$n.log" 2>&1 || { tail -n 3 "$work/measured-$n.log"; exit 1; }
  m="$measured/task-1/metadata.json"
  env_ms="$(meta "$m" timings.phaseMillis.ENVIRONMENT)"
  val_ms="$(meta "$m" timings.phaseMillis.VALIDATION)"
  echo "  taskmill (default settings${extra[*]:+, ${extra[*]}}), images built from the base image:"
  echo "    phase 4 environment          $(awk "BEGIN{printf \"%.1f\", $env_ms/1000}") s"
  echo "    phase 5 validation           $(awk "BEGIN{printf \"%.1f\", $val_ms/1000}") s"
  stage_times "$m"
  drop_images "$env_image" "$sample_image" "$sample_image-local"

  # The floor: the sample's own recipe, by hand: docker build, then three docker runs without coverage.
  t0=$(now)
  rc=0
  (cd "$measured/task-1" && TASKMILL_COVERAGE=0 ./run.sh) >"$work/floor-$n.log" 2>&1 || rc=$?
  t1=$(now)
  floor_ms=$(((t1 - t0) / 1000000))
  echo "  floor (docker build + 3 docker runs, no coverage): $(awk "BEGIN{printf \"%.1f\", $floor_ms/1000}") s (run.sh exit $rc)"
  ratio="$(awk "BEGIN{printf \"%.2f\", ($env_ms + $val_ms) / $floor_ms}")"
  echo "  ratio phases 4+5 / floor:     $ratio"
  summary+=("$repo #$pr: phases 4+5 $(awk "BEGIN{printf \"%.1f\", ($env_ms+$val_ms)/1000}") s, floor $(awk "BEGIN{printf \"%.1f\", $floor_ms/1000}") s, ratio $ratio")
  drop_images "$sample_image-local"
done
echo "== summary"
printf '  %s\n' "${summary[@]}"
