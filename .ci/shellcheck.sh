#!/usr/bin/env bash
# Runs shellcheck on every shell script of the repository; exits non-zero on any finding.
set -euo pipefail
shopt -s globstar nullglob
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts=(.ci/*.sh .ci/run deploy/**/*.sh bench/*.sh taskmill)
shellcheck "${scripts[@]}"

# The stage scripts are fragments that RunScript concatenates into a sample's run.sh: a generated header, one
# stage-<kind>.sh, then run-common.sh. Each stage is checked joined to run-common.sh, as in run.sh, so variables
# that cross those two (DEPS, ...) resolve. Excluded, and only here:
#   SC2153 (possible misspelling): CHANGED and the header's other upper-case variables are assigned by the Java
#          header (RunScript.header()), which is not a file; shellcheck takes them for typos of lower-case names.
fragments=activities/src/main/resources/dev/taskmill/environment
for stage in "$fragments"/stage-*.sh; do
  cat "$stage" "$fragments/run-common.sh" \
    | shellcheck -s bash -e SC2153 --color=never - \
    | sed "s|^In - line|In $stage + run-common.sh, line|"
done
