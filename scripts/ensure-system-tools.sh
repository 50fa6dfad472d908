#!/usr/bin/env bash
# The tests use two programs from Debian: Chromium at /usr/bin/chromium for the browser tests
# (browser downloads do not work where this archive is built) and nginx at /usr/sbin/nginx for
# the deployment test. Install what is missing when running as root with apt-get; otherwise
# stop at once and say how to install it.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
nginx="${NGINX_PATH:-/usr/sbin/nginx}"

missing=()
[ -x "$chromium" ] || missing+=(chromium)
[ -x "$nginx" ] || missing+=(nginx)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Missing for the tests: ${missing[*]}. Installing Debian's packages with apt-get…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ -x "$chromium" ] && [ -x "$nginx" ] && exit 0
fi

echo "The tests need ${missing[*]} (Chromium at $chromium, nginx at $nginx). Install with:" >&2
echo "  sudo apt-get install -y ${missing[*]}" >&2
exit 1
