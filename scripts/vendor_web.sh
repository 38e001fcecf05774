#!/usr/bin/env bash
# Refresh the explorer's bundled front-end files from pinned npm releases (run by hand when
# a version below changes; the files are committed, so installs and CI need no network).
# Each package's tarball is checked against the integrity hash the registry publishes, and
# its licence is copied beside the files taken from it.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=wirewatch/web/static/vendor
PACKAGES=(
  "htmx.org@2.0.11 dist/htmx.min.js"
  "leaflet@1.9.4 dist/leaflet.js dist/leaflet.css"
  "cytoscape@3.35.0 dist/cytoscape.min.js"
  "topojson-client@3.1.0 dist/topojson-client.min.js"
  "world-atlas@2.0.2 countries-110m.json"
)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$OUT"
for entry in "${PACKAGES[@]}"; do
  read -r spec files <<<"$entry"
  name=${spec%@*}
  (cd "$work" && npm pack --silent "$spec" >/dev/null)
  tarball=$(ls "$work"/*.tgz)
  want=$(npm view "$spec" dist.integrity)
  got="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
  [ "$want" = "$got" ] || { echo "$spec: integrity mismatch" >&2; exit 1; }
  mkdir -p "$work/x" "$OUT/$name"
  tar -xzf "$tarball" -C "$work/x"
  for f in $files; do cp "$work/x/package/$f" "$OUT/$name/"; done
  cp "$work/x/package/"LICEN[CS]E* "$OUT/$name/" 2>/dev/null || true
  echo "$spec $want" >> "$OUT/VERSIONS"
  rm -rf "$work/x" "$tarball"
done
echo "vendored into $OUT:" && cat "$OUT/VERSIONS"
