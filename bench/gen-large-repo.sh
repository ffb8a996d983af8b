#!/usr/bin/env bash
# Generates a large git repository fast with `git fast-import`: COMMITS first-parent commits on main (default
# 20000), with about 1% merge PRs ("Merge pull request #N from ...", the PR head kept as refs/pull/N/head) and 1%
# squash PRs ("... (#N)"), each PR changing a source file and a test file. Not a test; used by bench/phase12.sh.
#
#   bench/gen-large-repo.sh DIR [COMMITS]
set -euo pipefail

dir=${1:?usage: gen-large-repo.sh DIR [COMMITS]}
commits=${2:-20000}
if [[ -e "$dir" ]]; then
  echo "refusing to overwrite $dir" >&2
  exit 2
fi
command -v python3 >/dev/null || { echo "python3 is needed to write the fast-import stream" >&2; exit 2; }

git init -q -b main "$dir"
start=$(date +%s.%N)
# The stream is written by a tiny generator: marks make merges cheap, inline blobs keep it one pass.
python3 - "$commits" <<'PY' | git -C "$dir" fast-import --quiet
import sys
total = int(sys.argv[1])
chunks = []
when = 1_600_000_000
mark = 0
main = None
pr = 0

def write(text):
    chunks.append(text)

def data(text):
    # fast-import counts bytes; the generated text is ASCII, so characters are bytes.
    write(f"data {len(text)}\n{text}\n")

def commit(ref, message, files, parent=None, merge=None):
    global mark, when
    mark += 1
    when += 60
    write(f"commit {ref}\nmark :{mark}\n")
    write(f"author Bench Author <bench@example.com> {when} +0000\n")
    write(f"committer Bench Author <bench@example.com> {when} +0000\n")
    data(message)
    if parent:
        write(f"from :{parent}\n")
    if merge:
        write(f"merge :{merge}\n")
    for path, content in files:
        write(f"M 100644 inline {path}\n")
        data(content)
    write("\n")
    return mark

def module(i):
    return f"pkg/mod_{i % 200}.py"

def test(i):
    return f"tests/test_mod_{i % 200}.py"

main = commit("refs/heads/main", "Initial import\n", [
    ("pyproject.toml", '[project]\nname = "bench"\nrequires-python = ">=3.9"\n'),
    ("README.md", "# bench\n")])
for i in range(1, total):
    if i % 100 == 50:
        pr += 1
        changes = [(module(i), f"def f(x):\n    return x + {i}\n"),
                   (test(i), f"def test_f():\n    assert {i} == {i}\n")]
        head = commit(f"refs/pull/{pr}/head", f"Fix off-by-one error in mod_{i % 200}\n", changes, parent=main)
        # fast-import gives a merge its first parent's tree: the PR's changes must be repeated on it.
        main = commit("refs/heads/main",
                      f"Merge pull request #{pr} from contributor/fix-{pr}\n\nFix off-by-one error in mod_{i % 200}\n",
                      changes, parent=main, merge=head)
    elif i % 100 == 0:
        pr += 1
        main = commit("refs/heads/main", f"Fix crash on empty input in mod_{i % 200} (#{pr})\n\nFixes #{pr + 100000}\n",
                      [(module(i), f"def f(x):\n    return (x or 0) + {i}\n"),
                       (test(i), f"def test_empty():\n    assert {i}\n")], parent=main)
    else:
        main = commit("refs/heads/main", f"Tweak mod_{i % 200}, step {i}\n",
                      [(module(i), f"def f(x):\n    return x * {i}\n")], parent=main)
sys.stdout.write("".join(chunks))
PY
git -C "$dir" reset -q --hard main
end=$(date +%s.%N)
count=$(git -C "$dir" rev-list --count main)
printf 'generated %s: %s commits, %s pull refs in %.1f s\n' "$dir" "$count" \
  "$(git -C "$dir" for-each-ref refs/pull | wc -l)" "$(echo "$end - $start" | bc)"
