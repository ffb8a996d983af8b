# JavaScript / TypeScript with npm: mocha (xunit reporter), jest (--json), vitest (junit reporter).
bin() { printf '%s' "$PWD/node_modules/.bin/$1"; }

stage_build() {
  if [[ ! -e node_modules && -d "$DEPS/node_modules" ]]; then
    # A writable node_modules whose entries link into the read-only cache: tools write caches there
    # (vitest: node_modules/.vite, babel/eslint: node_modules/.cache), packages still resolve from the cache.
    mkdir node_modules || return 1
    local entry
    for entry in "$DEPS/node_modules"/* "$DEPS/node_modules"/.[!.]*; do
      [[ -e "$entry" ]] && ln -s "$entry" "node_modules/${entry##*/}"
    done
  fi
  [[ -d node_modules ]] || { note "node_modules is missing: no dependency cache was mounted"; return 1; }
  if [[ -f tsconfig.json && -x "$(bin tsc)" && "$TASKMILL_FRAMEWORK" != vitest ]]; then
    "$(bin tsc)" --noEmit -p . || return 1
  fi
  return 0
}

# The distinct test files of the selected ids ("file > suite > title"): mocha, jest and vitest select by file.
selected_files() {
  local id
  for id in ${SELECTED_IDS[@]+"${SELECTED_IDS[@]}"}; do printf '%s\n' "${id%% > *}"; done | sort -u
}

stage_test() {
  local rc report files=()
  mapfile -t files < <(selected_files)
  case "$TASKMILL_FRAMEWORK" in
    mocha)
      report="$REPORTS/mocha.xml"
      local cover=()
      if [[ "${TASKMILL_COVERAGE:-1}" == 1 && -x "$(bin c8)" ]]; then
        cover=("$(bin c8)" --reporter=json-summary "--report-dir=$COVERAGE")
      fi
      "${cover[@]}" "$(bin mocha)" --reporter xunit --reporter-option "output=$report" ${files[@]+"${files[@]}"}
      rc=$? ;;
    jest)
      report="$REPORTS/jest.json"
      local jest_cover=()
      if [[ "${TASKMILL_COVERAGE:-1}" == 1 ]]; then
        jest_cover=(--coverage --coverageReporters=json-summary "--coverageDirectory=$COVERAGE")
      fi
      "$(bin jest)" --ci --json "--outputFile=$report" ${jest_cover[@]+"${jest_cover[@]}"} ${files[@]+"${files[@]}"}
      rc=$? ;;
    vitest)
      report="$REPORTS/vitest.xml"
      "$(bin vitest)" run --reporter=junit "--outputFile=$report" ${files[@]+"${files[@]}"}
      rc=$? ;;
    *)
      note "unsupported test framework: $TASKMILL_FRAMEWORK"; return 5 ;;
  esac
  ((rc == 0)) && return 0
  # A runner that failed before writing its report could not load the tests: a build failure.
  [[ -s "$report" ]] && return 1
  return "$TASKMILL_EXIT_BUILD"
}
