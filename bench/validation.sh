#!/usr/bin/env bash
# Times phases 4-5 (environment + validation) of one sample against the floor: the same image build plus the
# three test runs done directly with the docker CLI (the sample's own run.sh does exactly that). Then times a
# second sample of the same repository, which must reuse the environment image. Prints figures; not a test.
#
#   bench/validation.sh [TESTS]      TESTS: how many tests the generated Python project has (default 300)
#
# Needs a Docker engine and the offline images (.ci/setup-docker.sh). Removes only the images it makes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tests="${1:-300}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TASKMILL_IMAGES_CONFIG="${TASKMILL_IMAGES_CONFIG:-$root/deploy/offline-images/stacks.properties}"
export TASKMILL_CACHE_DIR="$work/cache"

repo="$work/benchcalc"
mkdir -p "$repo/tests" && cd "$repo"
git init -q -b main
printf '[project]\nname = "benchcalc"\nversion = "0.1.0"\nrequires-python = ">=3.8"\n' > pyproject.toml
printf 'def clamp(x, lo, hi):\n    return max(lo, x)\n\n\ndef scale(x, k):\n    return x * k + 1\n' > benchcalc.py
python3 - "$tests" <<'PY'
import sys
n = int(sys.argv[1])
with open("tests/test_many.py", "w") as f:
    f.write("from benchcalc import clamp\n\n")
    for i in range(n):
        f.write(f"def test_lower_{i}():\n    assert clamp({-i - 1}, 0, {i + 10}) == 0\n\n")
PY
git add -A && git commit -qm "benchcalc"
pr() {  # pr N BRANCH FILE CONTENT TESTFILE TESTCONTENT
  git checkout -qb "$2" main
  printf '%b' "$4" > "$3"
  printf '%b' "$6" > "$5"
  git add -A && git commit -qm "Fix $2"
  git checkout -q main && git merge -q --no-ff "$2" -m "Merge pull request #$1 from bench/$2"
}
pr 1 clamp-upper benchcalc.py 'def clamp(x, lo, hi):\n    return min(hi, max(lo, x))\n\n\ndef scale(x, k):\n    return x * k + 1\n' \
  tests/test_upper.py 'from benchcalc import clamp\n\n\ndef test_upper():\n    assert clamp(15, 0, 10) == 10\n'
pr 2 scale-offset benchcalc.py 'def clamp(x, lo, hi):\n    return min(hi, max(lo, x))\n\n\ndef scale(x, k):\n    return x * k\n' \
  tests/test_scale.py 'from benchcalc import scale\n\n\ndef test_scale():\n    assert scale(2, 3) == 6\n'
cd "$root"

millis() { python3 -c "import json,sys; m=json.load(open(sys.argv[1]))['timings']['phaseMillis']; print(m['ENVIRONMENT'] + m['VALIDATION'])" "$1"; }
env_image() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['environment']['environmentImage'])" "$1"; }
now() { date +%s%N; }
drop_images() {  # the images this sample uses, so that the next build starts from the base image
  docker rmi -f "$@" >/dev/null 2>&1 || true
  docker image prune -f >/dev/null 2>&1 || true
}

./taskmill --version >/dev/null   # builds the CLI first, outside the timings
samples="$work/samples"

echo "sample 1 (cold: no environment image, no dependency cache), $tests tests, --reruns 0"
t0=$(now); ./taskmill run "$repo" --pr 1 --reruns 0 --samples-dir "$samples" >"$work/run1.log" 2>&1 \
  || { tail -5 "$work/run1.log"; exit 1; }; t1=$(now)
m1=$(millis "$samples/task-1/metadata.json"); e1=$(env_image "$samples/task-1/metadata.json")
s1=$(python3 -c "import json;print(json.load(open('$samples/task-1/metadata.json'))['environment']['sampleImage'])")
echo "  taskmill run (whole command):           $(( (t1 - t0) / 1000000 )) ms"
echo "  taskmill phases 4+5:                    $m1 ms"

echo "sample 2 (same repository and manifests: the environment image must be reused)"
id1=$(docker image inspect -f '{{.Id}}' "$e1")
t0=$(now); ./taskmill run "$repo" --pr 2 --reruns 0 --samples-dir "$samples" >"$work/run2.log" 2>&1 \
  || { tail -5 "$work/run2.log"; exit 1; }; t1=$(now)
m2=$(millis "$samples/task-2/metadata.json"); e2=$(env_image "$samples/task-2/metadata.json")
echo "  taskmill phases 4+5:                    $m2 ms"
id2=$(docker image inspect -f '{{.Id}}' "$e2")
echo "  environment image reused:               $([[ "$id1" == "$id2" ]] && echo "yes, same image id ($e2)" || echo "NO ($e1 $id1 vs $e2 $id2)")"
echo "floor for sample 1, from the base image like taskmill's first build"
drop_images "$e1" "$s1" "$s1-local"
(cd "$samples/task-1" && t0=$(now) && ./run.sh >"$work/floor1.log" 2>&1; rc=$?; t1=$(now)
 echo "  floor: docker build + 3 docker runs:    $(( (t1 - t0) / 1000000 )) ms (run.sh exit $rc)"
 echo "$(( (t1 - t0) / 1000000 ))" > "$work/floor1")
f1=$(cat "$work/floor1")
python3 -c "print(f'  ratio taskmill(4+5) / floor:            {$m1/$f1:.2f}')"

s2=$(python3 -c "import json;print(json.load(open('$samples/task-2/metadata.json'))['environment']['sampleImage'])")
# Leave no image behind, so that the next run of this benchmark starts cold again.
drop_images "$e1" "$s1" "$s1-local" "$s2" "$s2-local"
