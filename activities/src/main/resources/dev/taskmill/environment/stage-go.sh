# Go: go test -json, coverage with -coverprofile. Offline: GOPROXY=off and the host-prepared module cache.
stage_build() {
  # A toolchain image from the Go module proxy carries a build cache of the standard library (TASKMILL_GOCACHE).
  export GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local GOCACHE="${TASKMILL_GOCACHE:-/tmp/go-build}" GOPATH=/tmp/go
  if [[ -d "$DEPS/gomod" ]]; then export GOMODCACHE="$DEPS/gomod"; else export GOMODCACHE=/taskmill/gomod; fi
  # Compiles packages and tests without running any test.
  go test -count=1 -run '^$' ./... >/tmp/go-build.log 2>&1 || { tail -n 30 /tmp/go-build.log; return 1; }
}

stage_test() {
  local cover=()
  [[ "${TASKMILL_COVERAGE:-1}" == 1 ]] && cover=("-coverprofile=$COVERAGE/cover.out")
  local targets=(./...) run=()
  if ((${#SELECTED_IDS[@]})); then
    # "import/path/pkg/TestName[/subtest]": the packages by import path, one -run of the top-level names.
    local id pkgs=() names=()
    for id in "${SELECTED_IDS[@]}"; do
      if [[ "$id" =~ ^(.*)/((Test|Example|Fuzz)[^/]*)(/.*)?$ ]]; then
        pkgs+=("${BASH_REMATCH[1]}")
        names+=("${BASH_REMATCH[2]}")
      fi
    done
    if ((${#pkgs[@]})); then
      mapfile -t targets < <(printf '%s\n' "${pkgs[@]}" | sort -u)
      run=(-run "^($(printf '%s\n' "${names[@]}" | sort -u | paste -sd '|'))\$")
    fi
  fi
  go test -json -count=1 "${cover[@]}" ${run[@]+"${run[@]}"} "${targets[@]}" >"$REPORTS/go-test.json"
  local rc=$?
  grep -h '"Output"' "$REPORTS/go-test.json" | tail -n 40 | sed 's/.*"Output":"\(.*\)"}$/\1/; s/\\n$//; s/\\t/\t/g'
  ((rc == 0)) && return 0
  return 1
}
