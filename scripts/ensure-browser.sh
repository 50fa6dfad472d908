#!/usr/bin/env bash
# The browser tests drive Debian's Chromium at /usr/bin/chromium (browser downloads do not work
# where this archive is built). Install it when running as root with apt-get; otherwise stop at
# once and say how to install it.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Chromium is missing at $chromium: installing Debian's chromium with apt-get…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  [ -x "$chromium" ] && exit 0
fi

echo "Chromium is missing at $chromium; the browser tests need it. Install it with:" >&2
echo "  sudo apt-get install -y chromium" >&2
exit 1
