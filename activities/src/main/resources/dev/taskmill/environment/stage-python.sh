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
  if [[ -f pyproject.toml || -f setup.py ]]; then
    # Tests often read the package's own metadata (importlib.metadata.version): install the project in place,
    # offline and without dependencies, with the build backends the image carries (setuptools, flit, hatchling,
    # poetry-core). Where that fails the tests still run from the source tree.
    python -m pip install --user --quiet --no-index --no-deps --no-build-isolation --break-system-packages \
      -e . >/tmp/pip-install.log 2>&1 \
      || { note "the project does not install in place offline (see /tmp/pip-install.log); registering its" \
             "name and version only, and testing the source tree"; python_register_metadata; }
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

# The importlib.metadata entry a real install would leave (name and static version from pyproject.toml), for
# projects whose build backend is newer than the image's: enough for tests that ask for their own version.
python_register_metadata() {
  python - <<'PY' || note "no static name/version in pyproject.toml: no metadata registered"
import pathlib, site, sys, tomllib
project = tomllib.loads(pathlib.Path("pyproject.toml").read_text()).get("project", {})
name, version = project.get("name"), project.get("version")
if not name or not version:
    sys.exit(1)
target = pathlib.Path(site.getusersitepackages()) / f"{name.replace('-', '_')}-{version}.dist-info"
target.mkdir(parents=True, exist_ok=True)
(target / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
PY
}

stage_test() {
  local cov=()
  if [[ "${TASKMILL_COVERAGE:-1}" == 1 ]] && python -c 'import pytest_cov' 2>/dev/null; then
    export COVERAGE_FILE=/tmp/taskmill.coverage
    cov=(--cov=. --cov-report=)
  fi
  python -m pytest -p no:cacheprovider -o junit_family=xunit2 -rA "--junitxml=$REPORTS/pytest.xml" "${cov[@]}" \
    ${SELECTED_IDS[@]+"${SELECTED_IDS[@]}"}
  local rc=$?
  if ((${#cov[@]})) && [[ ! -f "$REPORTS/pytest.xml" ]]; then
    # Coverage must never decide a verdict: a project whose config turns the coverage plugin's warnings into
    # errors (filterwarnings = error) cannot even start with it, so run once more without it.
    note "pytest did not start with coverage (exit $rc); running it again without coverage"
    cov=()
    python -m pytest -p no:cacheprovider -p no:cov -o junit_family=xunit2 -rA "--junitxml=$REPORTS/pytest.xml" \
      ${SELECTED_IDS[@]+"${SELECTED_IDS[@]}"}
    rc=$?
  fi
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
