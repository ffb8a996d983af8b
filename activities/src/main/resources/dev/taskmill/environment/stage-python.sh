# Python / pytest. Reports: pytest --junitxml; coverage: coverage.py JSON (through pytest-cov when installed;
# Debian's pytest-cov 4.0 has no json report, so the JSON is written by `coverage json` afterwards).
stage_build() {
  export PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$PWD:$PWD/src${PYTHONPATH:+:$PYTHONPATH}"
  if [[ -d "$DEPS/wheelhouse" ]] && compgen -G "$DEPS/wheelhouse/*" >/dev/null; then
    local r
    for r in requirements*.txt; do
      [[ -f "$r" ]] || continue
      PIP_BREAK_SYSTEM_PACKAGES=1 python -m pip install --user --quiet --no-index \
        --find-links "$DEPS/wheelhouse" -r "$r" || note "some requirements of $r are not in the wheelhouse"
    done
  fi
  # A syntax error in a file the patches touch is a build failure. Only those files: repositories keep
  # deliberately invalid Python as test data. Collection errors elsewhere are caught by pytest (exit 2 -> 4).
  local changed=() f
  while IFS= read -r -d '' f; do
    [[ "$f" == *.py && -f "/testbed/$f" ]] && changed+=("/testbed/$f")
  done <"$CHANGED"
  if ((${#changed[@]})); then
    python -m py_compile "${changed[@]}" || return 1
  fi
}

stage_test() {
  local cov=()
  if [[ "${TASKMILL_COVERAGE:-1}" == 1 ]] && python -c 'import pytest_cov' 2>/dev/null; then
    export COVERAGE_FILE=/tmp/taskmill.coverage
    cov=(--cov=. --cov-report=)
  fi
  python -m pytest -p no:cacheprovider -o junit_family=xunit2 -rA "--junitxml=$REPORTS/pytest.xml" "${cov[@]}"
  local rc=$?
  if ((${#cov[@]})) && [[ -f "$COVERAGE_FILE" ]]; then
    python -m coverage json -q -o "$COVERAGE/coverage.json" || note "no coverage report"
  fi
  case "$rc" in
    0) return 0 ;;
    1) return 1 ;;
    5) note "pytest collected no tests"; return 1 ;;
    2 | 4) note "pytest could not collect the tests (exit $rc)"; return 4 ;;
    *) return 5 ;;
  esac
}
