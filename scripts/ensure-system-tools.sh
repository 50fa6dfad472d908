#!/usr/bin/env bash
# The tests use programs and fonts from Debian (browser downloads do not work where this
# archive is built):
#   chromium            /usr/bin/chromium, for the browser tests
#   nginx               /usr/sbin/nginx, for the deployment test
#   biber               /usr/bin/biber, which validates the BibTeX references against biblatex's
#                       data model (tests/support/references.ts)
#   fonts-dejavu-core   DejaVu (wide), what Chromium's own packages bring
#   fonts-liberation    Liberation (narrow, the metrics of Times)
#   fonts-freefont-ttf  FreeFont
# The layout tests show Chromium one family of fonts at a time (tests/support/fonts.ts), so
# that the lines they measure do not depend on the fonts a machine happens to have.
# Installs what is missing when run as root with apt-get; otherwise stops at once and says
# how to install it. `.ci/run` runs it too.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
nginx="${NGINX_PATH:-/usr/sbin/nginx}"
biber="$(command -v biber || echo /usr/bin/biber)"

# package, and a file it installs
needed=(
  "chromium $chromium"
  "nginx $nginx"
  "biber $biber"
  "fonts-dejavu-core /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
  "fonts-liberation /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"
  "fonts-freefont-ttf /usr/share/fonts/truetype/freefont/FreeSerif.ttf"
)

missing() {
  for entry in "${needed[@]}"; do
    read -r package file <<<"$entry"
    [ -e "$file" ] || echo "$package"
  done
}

packages=($(missing))
[ ${#packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Missing for the tests: ${packages[*]}. Installing Debian's packages with apt-get…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  packages=($(missing))
  [ ${#packages[@]} -eq 0 ] && exit 0
fi

echo "The tests need these Debian packages: ${packages[*]}. Install them with:" >&2
echo "  sudo apt-get install -y --no-install-recommends ${packages[*]}" >&2
exit 1
