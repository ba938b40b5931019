#!/usr/bin/env bash
# Copy the third-party files a built site serves itself (Leaflet and Leaflet.markercluster, for the explore view) from
# node_modules, where `npm ci` put the versions package-lock.json pins, into static/vendor/, with their licences.
# They are committed there so that a build needs neither npm nor the network, and every site serves the same bytes
# (tests/test_vendor.py checks them against the pins). After changing a pin in package.json:
#   npm install --package-lock-only --ignore-scripts && npm ci --ignore-scripts && bash scripts/vendor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
leaflet=node_modules/leaflet
cluster=node_modules/leaflet.markercluster
for package in "$leaflet" "$cluster"; do
  [ -d "$package" ] || { echo "vendor: $package is missing: run npm ci --ignore-scripts" >&2; exit 1; }
done
rm -rf static/vendor
mkdir -p static/vendor/leaflet/images static/vendor/leaflet.markercluster
cp "$leaflet/dist/leaflet.js" "$leaflet/dist/leaflet.css" "$leaflet/LICENSE" static/vendor/leaflet/
cp "$leaflet"/dist/images/*.png static/vendor/leaflet/images/
cp "$cluster/dist/leaflet.markercluster.js" "$cluster/dist/MarkerCluster.css" static/vendor/leaflet.markercluster/
cp "$cluster/MIT-LICENCE.txt" static/vendor/leaflet.markercluster/LICENSE
chmod 644 static/vendor/*/* static/vendor/leaflet/images/*
