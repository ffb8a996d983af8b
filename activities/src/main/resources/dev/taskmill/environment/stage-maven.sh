# Java / Maven (JUnit 4 or 5 through surefire). Offline: the local repository is the host-prepared cache.
maven() {
  local repo="$DEPS/m2"
  [[ -d "$repo" ]] || repo=/taskmill/m2
  # Policy and report plugins decide nothing about which tests pass, and some pin a Maven newer than the
  # image's (the enforcer's requireMavenVersion): they are skipped; compilation and surefire are not.
  mvn -o -B -ntp "-Dmaven.repo.local=$repo" -Dmaven.test.redirectTestOutputToFile=false \
    "${TASKMILL_MAVEN_SKIP_FLAGS[@]}" "$@"
}

# One Maven run per stage, not a test-compile and then a test: each start of Maven and of its plugins costs
# seconds. A compilation failure is told apart from failing tests by the compiler's own message (exit 4).
stage_build() {
  :
}

stage_test() {
  local extra=() agent
  agent="$(find "$DEPS/m2/org/jacoco/org.jacoco.agent" -name 'org.jacoco.agent-*-runtime.jar' 2>/dev/null | head -n 1)"
  # -DargLine would replace a project's own argLine (often needed by its tests): no coverage then.
  if [[ "${TASKMILL_COVERAGE:-1}" == 1 && -n "$agent" ]] && ! grep -rqs --include=pom.xml argLine .; then
    extra=("-DargLine=-javaagent:$agent=destfile=$COVERAGE/jacoco.exec")
  fi
  if ((${#SELECTED_IDS[@]})); then
    # Surefire selects Class#method; a parameterized invocation's id ("#m(String)[2]") carries a display part
    # with commas that would split the list: select the method, which runs all its invocations.
    local joined id methods=()
    for id in "${SELECTED_IDS[@]}"; do
      id="${id%%(*}"
      methods+=("${id%%\[*}")
    done
    joined="$(printf '%s\n' "${methods[@]}" | sort -u | paste -sd, -)"
    extra+=("-Dtest=$joined" -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false)
  fi
  # A rerun that starts from its first run's snapshot must not report that run's files again.
  find . -path '*/target/surefire-reports' -type d -prune -exec rm -rf {} + 2>/dev/null
  # From a snapshot the classes are compiled already: surefire alone saves the lifecycle's seconds. Only for
  # one module (a reactor resolves its siblings' classes only when their compile phase runs) and when no POM
  # here names argLine (a plugin of the skipped phases may be what sets it).
  local goal=test
  if [[ "${TASKMILL_FROM_SNAPSHOT:-0}" == 1 ]] && ! grep -qs '<module>' pom.xml \
      && ! grep -rqs --include=pom.xml argLine .; then
    goal=surefire:test
  fi
  maven -fae "$goal" ${extra[@]+"${extra[@]}"} | tee /tmp/taskmill-maven.log
  local rc=${PIPESTATUS[0]} i=0 f
  if [[ "$goal" != test ]] && ((rc != 0)) && [[ -z "$(find . -path '*/target/surefire-reports/*' -name 'TEST-*.xml' -print -quit)" ]]; then
    note "surefire alone ran no test (exit $rc): the whole lifecycle instead"
    maven -fae test ${extra[@]+"${extra[@]}"} | tee /tmp/taskmill-maven.log
    rc=${PIPESTATUS[0]}
  fi
  [[ "${TASKMILL_COVERAGE:-1}" == 1 ]] && maven_coverage_report
  if ((rc != 0)) && grep -qE 'COMPILATION ERROR|Compilation failure' /tmp/taskmill-maven.log; then
    note "the build or test compilation failed" >&2
    return "$TASKMILL_EXIT_BUILD"
  fi
  while IFS= read -r -d '' f; do
    i=$((i + 1))
    cp -- "$f" "$REPORTS/$i-$(basename -- "$f")"
  done < <(find . -path '*/target/surefire-reports/*' -name 'TEST-*.xml' -print0)
  if ((rc != 0)); then
    ((i > 0)) && return 1
    return "$TASKMILL_EXIT_BUILD"
  fi
  return 0
}

# JaCoCo XML from the stage's jacoco.exec (taskmill's agent), else from the project's own agent's
# target/jacoco.exec, with the JaCoCo command-line tool from the dependency cache; no tool, no report.
maven_coverage_report() {
  local cli data classes=() d
  cli="$(find "$DEPS/m2/org/jacoco/org.jacoco.cli" -name 'org.jacoco.cli-*-nodeps.jar' 2>/dev/null | head -n 1)"
  data="$COVERAGE/jacoco.exec"
  [[ -f "$data" ]] || data="$(find . -path '*/target/jacoco.exec' 2>/dev/null | head -n 1)"
  [[ -n "$cli" && -n "$data" && -f "$data" ]] || return 0
  while IFS= read -r -d '' d; do classes+=(--classfiles "$d"); done \
    < <(find . -path '*/target/classes' -type d -print0)
  ((${#classes[@]})) || return 0
  java -jar "$cli" report "$data" "${classes[@]}" --xml "$COVERAGE/jacoco.xml" >/dev/null 2>&1 \
    || note "no coverage report from $data"
}
