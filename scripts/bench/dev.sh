#!/usr/bin/env bash
# `npm run dev` on a large archive: the time to the first page, to a document page, and until a
# saved change to a document shows. Usage, from the project's root, with an archive that
# `npm run bench -- --keep` generated (or any content folder):
#
#   bash scripts/bench/dev.sh <content folder>
#
# The document changed is restored at the end. Needs curl.
set -euo pipefail
content=$(realpath "$1")
port=4390
now() { date +%s%N; }
since() { echo "$(( ($(now) - $1) / 1000000 )) ms"; }
doc=$(find "$content/readouts" -name '*.md' | sort | sed -n 1p)
id=$(basename "$doc" .md)
backup=$(mktemp)
cp "$doc" "$backup"
log=$(mktemp)
start=$(now)
CONTENT_DIR="$content" ASTRO_CACHE_DIR="$(mktemp -d)" node_modules/.bin/node scripts/astro.ts dev --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; cp "$backup" "$doc"' EXIT
until curl -sf -o /dev/null "http://localhost:$port/"; do
  kill -0 "$server" 2>/dev/null || { tail -n 20 "$log"; exit 1; }
  sleep 0.2
done
echo "première page (accueil) : $(since "$start")"
t=$(now); curl -sf -o /dev/null "http://localhost:$port/comptes-rendus/$id/"; echo "page d’un document : $(since "$t")"
t=$(now); curl -sf -o /dev/null "http://localhost:$port/comptes-rendus/$id/"; echo "la même, de nouveau : $(since "$t")"
t=$(now); curl -sf -o /dev/null "http://localhost:$port/personnes/"; echo "index des personnes : $(since "$t")"
printf '\nUne phrase ajoutée pour la mesure.\n' >>"$doc"
t=$(now)
until curl -sf "http://localhost:$port/comptes-rendus/$id/" | grep -q 'ajoutée pour la mesure'; do sleep 0.1; done
echo "modification enregistrée visible : $(since "$t")"
