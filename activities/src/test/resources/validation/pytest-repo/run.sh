#!/usr/bin/env bash
# Test-only run.sh implementing docs/stage-contract.md for a pytest project in /testbed.
# Exit codes: 0 all passed, 1 some failed, 3 a patch does not apply, 4 no test could run (collection error).
set -u
if [ "${1:-}" != "stage" ]; then
  echo "usage: run.sh stage [PATCH ...]" >&2
  exit 2
fi
shift
cd /testbed || exit 2
for patch_file in "$@"; do
  echo "[run.sh] applying $patch_file"
  if ! git apply --whitespace=nowarn "$patch_file"; then
    if ! patch -p1 --forward --batch --no-backup-if-mismatch -r - < "$patch_file"; then
      echo "[run.sh] patch does not apply: $patch_file"
      exit 3
    fi
  fi
done
out=/taskmill/out
export COVERAGE_FILE=/tmp/.coverage
# The selected tests (TASKMILL_TEST_IDS_FILE, one id per line) or all of them; coverage only when asked.
selected=(tests)
if [ -n "${TASKMILL_TEST_IDS_FILE:-}" ] && [ -f "$TASKMILL_TEST_IDS_FILE" ]; then
  mapfile -t selected <"$TASKMILL_TEST_IDS_FILE"
fi
cover=()
[ "${TASKMILL_COVERAGE:-1}" = 1 ] && cover=(-m coverage run --source=/testbed --omit='tests/*')
python3 "${cover[@]}" -m pytest -p no:cacheprovider -o junit_family=xunit1 \
  --junitxml="$out/reports/pytest.xml" -v "${selected[@]}"
rc=$?
[ "${#cover[@]}" -gt 0 ] && { python3 -m coverage json -q -o "$out/coverage/coverage.json" || true; }
case "$rc" in
  0|1) exit "$rc" ;;
  5) exit 0 ;;      # no tests collected
  2|3|4) exit 4 ;;  # interrupted by collection errors, internal error, usage error
  *) exit "$rc" ;;
esac
