#!/usr/bin/env bash
# Makes a Docker engine available for CI and builds taskmill's offline base images. Idempotent:
# installs docker.io and debootstrap only when missing, starts dockerd only when it does not answer.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { echo "setup-docker.sh: $*" >&2; exit 1; }

missing=()
command -v docker >/dev/null || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if ((${#missing[@]})); then
  [[ $(id -u) == 0 ]] || die "need root to install ${missing[*]}"
  echo "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null \
    || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
fi

if ! docker version >/dev/null 2>&1; then
  if [[ -z "${DOCKER_HOST:-}" ]] && ! pgrep -x dockerd >/dev/null; then
    # A machine restored from a snapshot keeps the pid file of a dockerd that no longer runs.
    rm -f /var/run/docker.pid
    echo "starting dockerd (log: /tmp/dockerd.log)"
    (setsid dockerd >/tmp/dockerd.log 2>&1 &)
  fi
  for _ in $(seq 60); do
    docker version >/dev/null 2>&1 && break
    sleep 1
  done
  docker version >/dev/null 2>&1 \
    || die "the Docker engine did not answer within 60 s (DOCKER_HOST=${DOCKER_HOST:-unset}); see /tmp/dockerd.log"
fi
echo "docker engine $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"

bash "$root/deploy/offline-images/build.sh"
