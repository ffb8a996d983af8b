# ---------------------------------------------------------------------------------------------------------
# Everything below is the same for every sample. Two modes:
#   ./run.sh                    on a person's machine: rebuild the image with the docker CLI and run the three
#                               stages, each in a fresh container; exit 0 only when pass -> fail -> pass holds.
#                               TASKMILL_COVERAGE=0 ./run.sh runs them without coverage.
#   bash /taskmill/run.sh stage [PATCH...]
#                               inside the container (docs/stage-contract.md): apply the patches, build, test.
# Stage exit codes: 0 all tests passed, 1 some failed, $TASKMILL_EXIT_PATCH a patch does not apply,
# $TASKMILL_EXIT_BUILD build/compile failed. Paths, codes and the user come from the header (StageContract).
# The repository strings above are single-quoted data; nothing below evaluates them as code.
# ---------------------------------------------------------------------------------------------------------
OUT="${TASKMILL_OUT_DIR:-$TASKMILL_OUT_DEFAULT}"  # overridable only for taskmill's own tests
REPORTS="$OUT/reports"
COVERAGE="$OUT/coverage"
DEPS="$TASKMILL_DEPS_DIR"

CHANGED=/tmp/taskmill-changed-files  # NUL-separated /testbed-relative paths the patches touch

note() { printf 'taskmill: %s\n' "$*"; }

# TASKMILL_TEST_IDS_FILE (a file, one test id per line) or TASKMILL_TEST_IDS (the same list in the variable, for
# short lists typed by hand), optional: the test ids (docs/test-ids.md) to run instead of the whole suite; each
# stack's stage_test turns them into its runner's selection. Neither set: every test.
SELECTED_IDS=()
if [[ -n "${TASKMILL_TEST_IDS_FILE:-}" && -f "$TASKMILL_TEST_IDS_FILE" ]]; then
  while IFS= read -r _id; do [[ -n "$_id" ]] && SELECTED_IDS+=("$_id"); done <"$TASKMILL_TEST_IDS_FILE"
elif [[ -n "${TASKMILL_TEST_IDS:-}" ]]; then
  while IFS= read -r _id; do [[ -n "$_id" ]] && SELECTED_IDS+=("$_id"); done <<<"$TASKMILL_TEST_IDS"
fi

# Appends the paths a patch touches to $CHANGED (git's own parser, NUL-terminated: names stay data).
record_changed() {
  local rec
  (cd /testbed && git apply --numstat -z -- "$1" 2>/dev/null) | while IFS= read -r -d '' rec; do
    rec="${rec#*$'\t'}"
    printf '%s\0' "${rec#*$'\t'}" >>"$CHANGED"
  done
}

apply_patches() {
  local p f
  for p in "$@"; do
    case "$p" in
      /*) f="$p" ;;
      *) f="$TASKMILL_PATCHES_DIR/$p" ;;
    esac
    if [[ ! -f "$f" ]]; then note "patch not found: $f" >&2; return "$TASKMILL_EXIT_PATCH"; fi
    if [[ ! -s "$f" ]]; then note "empty patch, nothing to apply: $p"; continue; fi
    record_changed "$f"
    if (cd /testbed && git apply --whitespace=nowarn -- "$f") 2>"/tmp/taskmill-apply.err"; then
      note "applied $p"
    elif (cd /testbed && patch -p1 --dry-run --batch --forward --silent <"$f" >/dev/null 2>&1 \
          && patch -p1 --batch --forward --no-backup-if-mismatch <"$f"); then
      note "applied $p with patch -p1"
    else
      cat /tmp/taskmill-apply.err >&2
      note "patch does not apply: $p" >&2
      return "$TASKMILL_EXIT_PATCH"
    fi
  done
}

run_stage() {
  mkdir -p "$REPORTS" "$COVERAGE" || { note "cannot write to $OUT" >&2; exit 5; }
  if [[ -z "${HOME:-}" || ! -w "${HOME:-/nonexistent}" ]]; then export HOME=/tmp; fi
  export CI=true
: >"$CHANGED"
  apply_patches "$@" || exit "$TASKMILL_EXIT_PATCH"
  cd "/testbed/$PROJECT_DIR" || { note "project directory missing: /testbed/$PROJECT_DIR" >&2; exit 5; }
  note "building ($TASKMILL_STACK)"
  if ! stage_build; then
    note "the build or test compilation failed" >&2
    exit "$TASKMILL_EXIT_BUILD"
  fi
  note "testing ($TASKMILL_FRAMEWORK)"
  stage_test
  local rc=$?
  note "stage exit code $rc"
  exit "$rc"
}

# --------------------------------------------------------------------------------------------- host mode
host_prepare_context() {
  local ctx="$1" src="$2"
  note "cloning $REPO_URL at $BASE_COMMIT"
  git clone --quiet --no-checkout -- "${TASKMILL_REPO:-$REPO_URL}" "$src" || return 1
  git -C "$src" cat-file -e "$BASE_COMMIT^{commit}" 2>/dev/null \
    || git -C "$src" fetch --quiet origin "$BASE_COMMIT" || return 1
  mkdir -p "$ctx/repo" "$ctx/manifests" "$ctx/taskmill" || return 1
  git -C "$src" archive --format=tar "$BASE_COMMIT" | tar -x -C "$ctx/repo" || return 1
  local m
  for m in "${MANIFESTS[@]}"; do
    if [[ -f "$ctx/repo/$m" ]]; then
      mkdir -p -- "$ctx/manifests/$(dirname -- "$m")" && cp -- "$ctx/repo/$m" "$ctx/manifests/$m" || return 1
    fi
  done
  printf '%s' "$PROJECT_DIR" >"$ctx/taskmill/project-dir"
}

host_stage() {
  local name="$1" work="$2"
  shift 2
  local out="$work/out-$name" container="taskmill-run-$$-$name" p m
  mkdir -p "$out" && chmod 0777 "$out"
  local args=(--rm --name "$container" --network none --cpus "${TASKMILL_CPUS:-2}"
    --memory "${TASKMILL_MEMORY:-4g}" --pids-limit "${TASKMILL_PIDS:-1024}" --user "$TASKMILL_USER"
    -e "TASKMILL_COVERAGE=${TASKMILL_COVERAGE:-1}"
    -v "$HERE/run.sh:/taskmill/run.sh:ro" -v "$out:$TASKMILL_OUT_DEFAULT")
  for p in "$@"; do args+=(-v "$HERE/$p:$TASKMILL_PATCHES_DIR/$p:ro"); done
  for m in "${HOST_MOUNTS[@]}"; do [[ -e "${m%%:*}" ]] && args+=(-v "$m"); done
  timeout --kill-after=10 "${TASKMILL_STAGE_TIMEOUT:-900}" \
    docker run "${args[@]}" "$LOCAL_IMAGE" bash /taskmill/run.sh stage "$@" >"$work/$name.log" 2>&1
  local rc=$?
  if ((rc == 124 || rc == 137)); then
    docker rm -f "$container" >/dev/null 2>&1
    note "$name timed out after ${TASKMILL_STAGE_TIMEOUT:-900} s" >&2
  fi
  tail -n 5 "$work/$name.log" | sed "s/^/  [$name] /"
  return "$rc"
}

host_main() {
  HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  command -v docker >/dev/null || { note "docker CLI not found" >&2; exit 2; }
  command -v git >/dev/null || { note "git not found" >&2; exit 2; }
  local p
  for p in tests.patch fix.patch; do
    [[ -f "$HERE/$p" ]] || { note "$HERE/$p is missing" >&2; exit 2; }
  done
  local work
  work="$(mktemp -d "${TMPDIR:-/tmp}/taskmill-run.XXXXXX")" || exit 2
  LOCAL_IMAGE="${TASKMILL_LOCAL_IMAGE:-$SAMPLE_IMAGE-local}"
  # The image is this run's own unless the caller named it (taskmill verify --rerun does) or asked to keep it
  # (TASKMILL_KEEP_IMAGE=1): a run by hand leaves no image behind.
  local drop="docker image rm -f '$LOCAL_IMAGE' >/dev/null 2>&1"
  [[ -n "${TASKMILL_LOCAL_IMAGE:-}" || -n "${TASKMILL_KEEP_IMAGE:-}" ]] && drop=":"
  # shellcheck disable=SC2064
  trap "rm -rf -- '$work'; $drop" EXIT
  host_prepare_context "$work/context" "$work/src" || { note "cannot prepare the build context" >&2; exit 2; }
  cp "$HERE/Dockerfile" "$work/context/Dockerfile"
  local online=0 m
  for m in "${HOST_MOUNTS[@]}"; do [[ -e "${m%%:*}" ]] || online=1; done
  note "building $LOCAL_IMAGE"
  docker build -q -t "$LOCAL_IMAGE" --build-arg "TASKMILL_ONLINE_DEPS=$online" "$work/context" >"$work/build.log" 2>&1 \
    || { tail -n 20 "$work/build.log" >&2; note "docker build failed" >&2; exit 2; }
  # TASKMILL_BUILD_ONLY=1: the image only (taskmill evaluate and verify --rerun run the stages themselves).
  if [[ "${TASKMILL_BUILD_ONLY:-0}" == 1 ]]; then note "built $LOCAL_IMAGE"; exit 0; fi
  host_stage PASS_pre_tests "$work"; local pre=$?
  host_stage FAIL_pre_patch "$work" tests.patch; local fail=$?
  host_stage PASS_post_patch "$work" tests.patch fix.patch; local post=$?
  note "PASS_pre_tests exit $pre (want 0), FAIL_pre_patch exit $fail (want non-zero), PASS_post_patch exit $post (want 0)"
  if ((pre == 0 && fail != 0 && fail != 3 && fail != 124 && fail != 137 && post == 0)); then
    note "the cycle holds: pass -> fail -> pass"
    exit 0
  fi
  note "the cycle does not hold" >&2
  exit 1
}

if [[ "${1:-}" == "stage" ]]; then
  shift
  run_stage "$@"
else
  host_main "$@"
fi
