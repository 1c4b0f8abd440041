#!/usr/bin/env bash
# The system programs the test suite drives for real: Chromium (report screenshot) and redis-server (Celery
# test). Installed from Debian packages when missing and running as root; otherwise a one-line error naming
# the exact command. Called by `make test` (and so by .ci/run).
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v redis-server >/dev/null || need+=(redis-server)
((${#need[@]})) || exit 0

install="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${need[*]}"
if [ "$(id -u)" -ne 0 ]; then
    echo "system-deps: missing ${need[*]}: run as root: $install" >&2
    exit 1
fi
echo "system-deps: installing ${need[*]} (Debian packages)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
