#!/usr/bin/env bash
# Times phases 1-2 (`./taskmill analyze`) against the git CLI doing the same clone and history walk
# (`git clone --bare` + `git log --first-parent`), both from a cold cache, and prints both times and the ratio.
# Not a test: run it by hand from the repository root.
#
#   bench/phase12.sh [REPO_DIR]     (default: /tmp/taskmill-bench/large, generated when missing)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
repo=${1:-/tmp/taskmill-bench/large}
if [[ ! -d "$repo" ]]; then
  mkdir -p "$(dirname "$repo")"
  "$root/bench/gen-large-repo.sh" "$repo" 20000
fi
repo=$(cd "$repo" && pwd)
work=$(mktemp -d /tmp/taskmill-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

echo "repository: $repo ($(git -C "$repo" rev-list --count HEAD) commits)"

t0=$(now)
git clone --quiet --bare "$repo" "$work/git-clone.git"
git -C "$work/git-clone.git" log --first-parent --format='%H%x00%s' HEAD >"$work/git-log.txt"
t1=$(now)
git_time=$(elapsed "$t0" "$t1")
printf 'git CLI   clone --bare + log --first-parent: %6.2f s (%s commits listed)\n' "$git_time" \
  "$(wc -l <"$work/git-log.txt")"

# A fresh clone cache, so taskmill clones as git did instead of fetching into an earlier clone.
t2=$(now)
TASKMILL_CACHE_DIR="$work/cache" "$root/taskmill" analyze "$repo" --out "$work/analysis" >"$work/taskmill.log" 2>&1 || {
  echo "taskmill analyze failed:" >&2
  tail -20 "$work/taskmill.log" >&2
  exit 1
}
t3=$(now)
taskmill_time=$(elapsed "$t2" "$t3")
printf 'taskmill  analyze (phases 1-2, cold cache):    %6.2f s\n' "$taskmill_time"
# The rest of the wall time is JVM start, the embedded Temporal server and the worker: show the phases alone.
grep -E '^\s*\+ [12]\. ' "$work/taskmill.log" | tail -2 | sed 's/^/          /' || true

# A second run on the warm cache fetches instead of cloning.
t4=$(now)
TASKMILL_CACHE_DIR="$work/cache" "$root/taskmill" analyze "$repo" --out "$work/analysis2" >"$work/taskmill2.log" 2>&1
t5=$(now)
printf 'taskmill  analyze (phases 1-2, warm cache):    %6.2f s\n' "$(elapsed "$t4" "$t5")"

printf 'ratio taskmill/git (cold): %.1fx\n' "$(echo "$taskmill_time / $git_time" | bc -l)"
