#!/usr/bin/env bash
# How many real repositories make a validated sample: runs `taskmill run` on each local clone that a list names,
# one after the other, at the default settings (without a PR taskmill picks the best bug-fix PR and tries up to
# three candidates), and prints for each the outcome: the PR, the stack and the FAIL_TO_PASS count of a sample, or
# the exit code and the one-line reason of a refusal. Ends with the count that validate. Not a test.
#
#   bench/real-repos.sh [LIST]          LIST defaults to bench/real-repos.txt (OWNER/NAME [PR] per line)
#
# Clones are read from $BENCH_REPOS/NAME (default /tmp/real). BENCH_TASKMILL=DIR runs another checkout's
# ./taskmill (for a figure before a change); BENCH_TIMEOUT (default 1800 s) bounds one repository;
# BENCH_OUT=FILE also writes the rows as tab-separated values. Extra taskmill options go in TASKMILL_BENCH_ARGS.
# Needs a Docker engine and the offline images (.ci/setup-docker.sh). Samples go to a temporary folder, removed
# at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
list="${1:-$root/bench/real-repos.txt}"
repos_dir="${BENCH_REPOS:-/tmp/real}"
taskmill_dir="${BENCH_TASKMILL:-$root}"
limit="${BENCH_TIMEOUT:-1800}"
out="${BENCH_OUT:-}"
[[ -f "$list" ]] || { echo "real-repos: no list at $list" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TASKMILL_IMAGES_CONFIG="${TASKMILL_IMAGES_CONFIG:-$taskmill_dir/deploy/offline-images/stacks.properties}"
read -r -a extra <<<"${TASKMILL_BENCH_ARGS:-}"

# One line about a sample: PR, stack, FAIL_TO_PASS and PASS_TO_PASS counts, dependency notes. The path travels as
# an argument, never as code.
describe_sample() {
  python3 - "$1" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
notes = len(m.get("environment", {}).get("dependencyNotes") or [])
print(f"PR #{m['pullRequest']['number']}  {m['language']}/{m['buildSystem']}/{m['testFramework']} "
      f"({m['toolchainVersion']})  {len(m['FAIL_TO_PASS'])} FAIL_TO_PASS, {len(m['PASS_TO_PASS'])} PASS_TO_PASS"
      + (f", {notes} dependency note(s)" if notes else ""))
PY
}

# The last line that says something: taskmill's one-line error, without the CLI's prefix.
reason_of() {
  grep -v '^[[:space:]]*$' "$1" | tail -n 1 | sed 's/^taskmill: //' | cut -c1-220
}

(cd "$taskmill_dir" && ./taskmill --version >/dev/null) # builds the CLI first, outside the timings
echo "taskmill at $taskmill_dir ($(git -C "$taskmill_dir" rev-parse --short HEAD)), clones in $repos_dir"
[[ -z "$out" ]] || printf 'repo\tpr\texit\tseconds\toutcome\n' >"$out"
total=0 validated=0
declare -A reasons=()
while read -r name pr _; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  total=$((total + 1))
  clone="$repos_dir/${name#*/}"
  if [[ ! -d "$clone/.git" ]]; then
    line="no local clone at $clone"
    code="-" secs=0
  else
    samples="$work/$total"
    args=("$clone" --samples-dir "$samples")
    [[ -z "$pr" ]] || args+=(--pr "$pr")
    start=$(date +%s)
    code=0
    (cd "$taskmill_dir" && timeout --signal=TERM --kill-after=60 "$limit" \
      ./taskmill run "${args[@]}" ${extra[@]+"${extra[@]}"}) >"$work/$total.log" 2>&1 </dev/null || code=$?
    secs=$(($(date +%s) - start))
    if ((code == 0)) && [[ -f "$samples/task-1/metadata.json" ]]; then
      line="$(describe_sample "$samples/task-1/metadata.json")"
      validated=$((validated + 1))
    elif ((code == 124)); then
      line="no outcome within ${limit}s"
    else
      line="$(reason_of "$work/$total.log")"
    fi
  fi
  if [[ "$code" != 0 ]]; then
    key="exit $code"
    reasons[$key]=$((${reasons[$key]:-0} + 1))
  fi
  printf '%-36s %4s  %5ss  %s\n' "$name${pr:+ #$pr}" "$code" "$secs" "$line"
  [[ -z "$out" ]] || printf '%s\t%s\t%s\t%s\t%s\n' "$name" "${pr:-}" "$code" "$secs" "$line" >>"$out"
done <"$list"
echo "== $validated of $total repositories made a validated sample"
for key in "${!reasons[@]}"; do
  echo "   $key: ${reasons[$key]}"
done | sort
