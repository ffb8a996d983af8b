#!/usr/bin/env bash
# Builds taskmill's local base images from Debian packages, for machines that reach no image registry.
#   taskmill/debian:bookworm   debootstrap --variant=minbase, imported with `docker import`
#   taskmill/python:3.11, taskmill/java:17-maven, taskmill/node:18, taskmill/go:1.19   FROM it, with apt-get
#   taskmill/debian:trixie, taskmill/python:3.13, taskmill/java:21-maven   the same from Debian trixie (JDK 21)
# Idempotent: an image that exists is kept unless --force. Point taskmill at them with
#   TASKMILL_IMAGES_CONFIG=deploy/offline-images/stacks.properties
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
force=0
# Another namespace (e.g. TASKMILL_OFFLINE_PREFIX=myteam) builds myteam/python:3.11 etc. without touching taskmill/*.
prefix="${TASKMILL_OFFLINE_PREFIX:-taskmill}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown argument: $arg (use --force or --help)" >&2; exit 2 ;;
  esac
done

die() { echo "build.sh: $*" >&2; exit 1; }
command -v docker >/dev/null || die "docker CLI not found: install docker.io (or run .ci/setup-docker.sh)"
docker version >/dev/null 2>&1 || die "the Docker engine does not answer (DOCKER_HOST=${DOCKER_HOST:-unset, /var/run/docker.sock}): start dockerd"

exists() { docker image inspect "$1" >/dev/null 2>&1; }

build_debian() {
  local suite="${1:-bookworm}"
  local tag="$prefix/debian:$suite"
  if [[ $force == 0 ]] && exists "$tag"; then echo "kept   $tag"; return; fi
  command -v debootstrap >/dev/null || die "debootstrap not found: apt-get install -y debootstrap"
  [[ $(id -u) == 0 ]] || die "debootstrap needs root"
  local dir start
  dir="$(mktemp -d /tmp/taskmill-rootfs.XXXXXX)"
  trap 'rm -rf "$dir"' RETURN
  start=$SECONDS
  debootstrap --variant=minbase "$suite" "$dir" "$mirror" >"$dir.log" 2>&1 \
    || { tail -20 "$dir.log" >&2; die "debootstrap failed (log above; mirror $mirror)"; }
  rm -f "$dir.log"
  # Keep the image small and give apt inside builds the same sources as the host image would have.
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  echo "deb $mirror $suite main" >"$dir/etc/apt/sources.list"
  tar -C "$dir" -c . | docker import -c 'ENV LANG=C.UTF-8' -c 'CMD ["/bin/bash"]' - "$tag" >/dev/null \
    || die "docker import of $tag failed"
  echo "built  $tag ($((SECONDS - start)) s)"
}

# build_stack TAG FOLDER [SUITE [NAME=VALUE...]]: TAG from FOLDER's Dockerfile on the SUITE base (bookworm), with
# each NAME=VALUE as one more --build-arg (JDK=21).
build_stack() {
  local tag="$1" folder="$2" suite="${3:-bookworm}" start arg
  shift $(($# < 3 ? $# : 3))
  local args=(--build-arg "BASE=$prefix/debian:$suite")
  for arg in "$@"; do args+=(--build-arg "$arg"); done
  if [[ $force == 0 ]] && exists "$tag"; then echo "kept   $tag"; return; fi
  start=$SECONDS
  local log
  log="$(mktemp)"
  docker build --force-rm -t "$tag" "${args[@]}" "$here/$folder" >"$log" 2>&1 \
    || { tail -20 "$log" >&2; rm -f "$log"; die "docker build of $tag from $here/$folder failed (log above)"; }
  rm -f "$log"
  echo "built  $tag ($((SECONDS - start)) s)"
}

# Debian's Maven is 3.8; many projects (all of Apache Commons) require 3.9. Maven's own distribution comes from
# Maven Central, which the host reaches even where containers cannot; the image gets it from the build context.
maven_dist() {
  local version=3.9.9 file="$here/java/apache-maven-bin.tar.gz"
  [[ -s "$file" ]] && return
  curl -fsSL --retry 3 -o "$file.part" \
    "https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/$version/apache-maven-$version-bin.tar.gz" \
    || die "cannot download Maven $version from Maven Central"
  mv "$file.part" "$file"
}

build_debian
maven_dist
build_stack "$prefix/python:3.11" python
build_stack "$prefix/java:17-maven" java
build_stack "$prefix/node:18" node
build_stack "$prefix/go:1.19" go
# Debian trixie's python3 is 3.13: the same Dockerfile on a trixie base, for projects whose requires-python
# bookworm's 3.11 does not meet.
build_debian trixie
build_stack "$prefix/python:3.13" python trixie
# Trixie's JDK is 21 (it has no 17), for builds whose release/source/target asks for 18 to 21.
build_stack "$prefix/java:21-maven" java trixie JDK=21
# Rebuilding a tag (--force) leaves the previous image dangling; remove only dangling offline images.
docker images --filter dangling=true --filter label=dev.taskmill.offline-image=true -q | xargs -r docker rmi >/dev/null 2>&1 || true
echo "offline images ready; use TASKMILL_IMAGES_CONFIG=$here/stacks.properties"
