#!/usr/bin/env bash
# Makes a Docker engine available for CI and builds taskmill's offline base images. Idempotent.
#
#   bash .ci/setup-docker.sh [--no-images]
#
# The engine (dockerd) and the client (docker) are checked separately: a new machine has a docker client on the
# PATH but no engine, so "docker is on the PATH" says nothing about the engine. docker.io (Debian's engine and
# client) is installed when the engine is missing, whatever client is there. With DOCKER_HOST pointing at another
# engine (tcp://, ssh://, or a socket other than the default), no engine is installed or started here: only a
# client is needed, and that engine must answer.
#
# Where a newer client (28.x) sits before Debian's on the PATH, it negotiates the API version down to the engine's
# (1.41 for Debian's 20.10), so nothing is pinned. Only when the client on the PATH refuses the engine ("client
# version ... is too new") is DOCKER_API_VERSION pinned to the engine's maximum: this script then prints
# `export DOCKER_API_VERSION=X` on stdout, the only thing it prints there, for the caller to eval. Messages go to
# stderr.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { echo "setup-docker.sh: $*" >&2; }
die() { say "$*"; exit 1; }

images=1
for arg in "$@"; do
  case "$arg" in
    --no-images) images=0 ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" >&2; exit 0 ;;
    *) die "unknown argument: $arg (use --no-images or --help)" ;;
  esac
done
wait_seconds="${SETUP_DOCKER_WAIT_SECONDS:-60}"
dockerd_log="${SETUP_DOCKER_DOCKERD_LOG:-/tmp/dockerd.log}"

case "${DOCKER_HOST:-}" in
  ""|unix:///var/run/docker.sock) local_engine=1 ;;
  *) local_engine=0 ;;
esac

# Root installs directly; a developer without root goes through sudo when it is there.
as_root() {
  if [[ $EUID == 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

missing=()
if ((local_engine)); then
  command -v dockerd >/dev/null || missing+=(docker.io)
else
  command -v docker >/dev/null || missing+=(docker.io)
fi
if ((images)); then
  command -v debootstrap >/dev/null || missing+=(debootstrap)
fi
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null || die "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
fi
command -v docker >/dev/null || die "no docker client on the PATH after installing docker.io"

# Prints the engine's API version; fails when the engine does not answer this client.
engine_api() { docker version --format '{{.Server.APIVersion}}' 2>&1; }

answers() {
  local out
  out="$(engine_api)" && return 0
  # A client too new for the engine still reached it: pin the API version to what the engine offers.
  if [[ $out =~ too\ new.*[Mm]aximum\ supported\ API\ version\ is\ ([0-9.]+) ]]; then
    export DOCKER_API_VERSION="${BASH_REMATCH[1]}"
    say "the docker client on the PATH is newer than the engine: pinned DOCKER_API_VERSION=$DOCKER_API_VERSION"
    engine_api >/dev/null && return 0
  fi
  return 1
}

if ! answers; then
  if ((local_engine)); then
    if ! pgrep -x dockerd >/dev/null; then
      # A machine restored from a snapshot keeps the pid file of a dockerd that no longer runs.
      as_root rm -f /var/run/docker.pid
      say "starting dockerd (log: $dockerd_log)"
      as_root setsid dockerd >"$dockerd_log" 2>&1 </dev/null &
      disown || true
    fi
  fi
  for ((i = 0; i < wait_seconds; i++)); do
    answers && break
    sleep 1
  done
  answers || {
    if ((local_engine)); then die "the Docker engine did not answer within $wait_seconds s; see $dockerd_log"; fi
    die "the Docker engine at DOCKER_HOST=$DOCKER_HOST did not answer within $wait_seconds s"
  }
fi
say "docker engine answers (API $(engine_api))"
if [[ -n "${DOCKER_API_VERSION:-}" ]]; then
  echo "export DOCKER_API_VERSION=$DOCKER_API_VERSION"
fi

if ((images)); then
  bash "$root/deploy/offline-images/build.sh" >&2
fi
