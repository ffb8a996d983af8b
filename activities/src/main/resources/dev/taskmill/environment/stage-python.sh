# Python / pytest. Reports: pytest --junitxml; coverage: coverage.py JSON (`coverage run` around pytest, then
# `coverage json`), only when TASKMILL_COVERAGE=1.
stage_build() {
  export PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$PWD:$PWD/src${PYTHONPATH:+:$PYTHONPATH}"
  local wanted="$DEPS/wheelhouse/taskmill-requirements.txt"
  if [[ -s "$wanted" ]]; then
    # What the worker collected from the project's manifests and downloaded as wheels (docs/offline-and-proxies.md).
    # All at once; when pip refuses the set, one by one, so that one bad wheel does not keep the others out.
    if ! PIP_BREAK_SYSTEM_PACKAGES=1 python -m pip install --user --quiet --no-index --disable-pip-version-check \
        --find-links "$DEPS/wheelhouse" -r "$wanted" >/tmp/pip-deps.log 2>&1; then
      note "the wheelhouse does not install as one set (see /tmp/pip-deps.log); installing one by one"
      local req
      while IFS= read -r req; do
        [[ -n "$req" ]] || continue
        PIP_BREAK_SYSTEM_PACKAGES=1 python -m pip install --user --quiet --no-index --disable-pip-version-check \
          --find-links "$DEPS/wheelhouse" "$req" >>/tmp/pip-deps.log 2>&1 || note "not installed: $req"
      done <"$wanted"
    fi
  elif [[ -d "$DEPS/wheelhouse" ]] && compgen -G "$DEPS/wheelhouse/*" >/dev/null; then
    # A wheelhouse from an older worker: requirements files only.
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

# What a real install would leave, for projects whose build backend (or its plugin) the image lacks: the
# importlib.metadata entry (name and version from pyproject.toml; a version taken from git tags is 0.0.0 here) and
# the version module that hatch-vcs or setuptools-scm would write (`from ._version import __version__`).
python_register_metadata() {
  python - <<'PY' || note "no name in pyproject.toml: no metadata registered"
import pathlib, site, sys, tomllib
doc = tomllib.loads(pathlib.Path("pyproject.toml").read_text())
project, tool = doc.get("project", {}), doc.get("tool", {})
version_files = [
    tool.get("hatch", {}).get("build", {}).get("hooks", {}).get("vcs", {}).get("version-file"),
    tool.get("setuptools_scm", {}).get("version_file"),
    tool.get("setuptools_scm", {}).get("write_to"),
]
for relative in filter(None, version_files):
    target = pathlib.Path(relative)
    if not target.exists() and target.parent.is_dir() and not target.is_absolute() and ".." not in target.parts:
        target.write_text('__version__ = version = "0.0.0"\n__version_tuple__ = version_tuple = (0, 0, 0)\n')
        print(f"taskmill: wrote {relative} as the VCS version plugin would (version 0.0.0)", file=sys.stderr)
name = project.get("name")
version = project.get("version") or ("0.0.0" if "version" in project.get("dynamic", []) else None)
if not name or not version:
    sys.exit(1)
target = pathlib.Path(site.getusersitepackages()) / f"{name.replace('-', '_')}-{version}.dist-info"
target.mkdir(parents=True, exist_ok=True)
(target / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
PY
}

stage_test() {
  # wrap: coverage.py around pytest; cov: pytest-cov's options; plain: how this run keeps pytest-cov quiet.
  local wrap=() cov=() plain=(-p no:cov)
  export COVERAGE_FILE=/tmp/taskmill.coverage
  if grep -qs -e '--cov' pytest.ini pyproject.toml setup.cfg tox.ini && python -c 'import pytest_cov' 2>/dev/null; then
    # The project's own addopts start pytest-cov: measure through it, or switch it off with its own flag.
    plain=(--no-cov)
    [[ "${TASKMILL_COVERAGE:-1}" == 1 ]] && cov=(--cov=. --cov-report=)
  elif [[ "${TASKMILL_COVERAGE:-1}" == 1 ]] && python -c 'import coverage' 2>/dev/null; then
    # coverage.py's own runner with taskmill's settings, not pytest-cov with the project's: a project's
    # [tool.coverage] may use options newer than the image's coverage.py, and pytest-cov's warnings break
    # projects that set filterwarnings = error. Test files are not measured: their coverage is not reported.
    printf '[run]\nsource = .\nomit =\n    tests/*\n    test/*\n    */tests/*\n    */test/*\n    */test_*.py\n    */*_test.py\n    */conftest.py\n' \
      >/tmp/taskmill-coveragerc
    wrap=(-m coverage run --rcfile=/tmp/taskmill-coveragerc)
  fi
  local measured=$((${#wrap[@]} + ${#cov[@]}))
  local options=("${plain[@]}")
  ((${#cov[@]})) && options=("${cov[@]}")
  python ${wrap[@]+"${wrap[@]}"} -m pytest -p no:cacheprovider -o junit_family=xunit2 -rA \
    "--junitxml=$REPORTS/pytest.xml" "${options[@]}" ${SELECTED_IDS[@]+"${SELECTED_IDS[@]}"}
  local rc=$?
  if ((measured)) && [[ ! -f "$REPORTS/pytest.xml" ]]; then
    # Coverage must never decide a verdict: when pytest did not even start under it, run once more without.
    note "pytest did not start with coverage (exit $rc); running it again without coverage"
    measured=0
    python -m pytest -p no:cacheprovider -o junit_family=xunit2 -rA "--junitxml=$REPORTS/pytest.xml" \
      "${plain[@]}" ${SELECTED_IDS[@]+"${SELECTED_IDS[@]}"}
    rc=$?
  fi
  if ((measured)) && [[ -f "$COVERAGE_FILE" ]]; then
    local rcfile=()
    ((${#wrap[@]})) && rcfile=(--rcfile=/tmp/taskmill-coveragerc)
    python -m coverage json ${rcfile[@]+"${rcfile[@]}"} -q -o "$COVERAGE/coverage.json" || note "no coverage report"
  fi
  case "$rc" in
    0) return 0 ;;
    1) return 1 ;;
    5) note "pytest collected no tests"; return 1 ;;
    2 | 4) note "pytest could not collect the tests (exit $rc)"; return "$TASKMILL_EXIT_BUILD" ;;
    *) return 5 ;;
  esac
}
