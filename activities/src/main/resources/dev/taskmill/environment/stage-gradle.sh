# Java / Gradle (JUnit 4 or 5). Offline: needs the wrapper's distribution and dependencies in GRADLE_USER_HOME.
gradle_run() {
  if [[ -d "$DEPS/gradle" ]]; then export GRADLE_USER_HOME="$DEPS/gradle"; fi
  if [[ -x ./gradlew ]]; then ./gradlew --offline --no-daemon -q "$@"; else gradle --offline --no-daemon -q "$@"; fi
}

stage_build() {
  gradle_run testClasses
}

stage_test() {
  gradle_run test --continue
  local rc=$? i=0 f
  while IFS= read -r -d '' f; do
    i=$((i + 1))
    cp -- "$f" "$REPORTS/$i-$(basename -- "$f")"
  done < <(find . -path '*/build/test-results/*' -name 'TEST-*.xml' -print0)
  if ((rc != 0)); then
    ((i > 0)) && return 1
    return "$TASKMILL_EXIT_BUILD"
  fi
  return 0
}
