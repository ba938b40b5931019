#!/usr/bin/env bash
# Set up a fresh machine for warcrime-archive: the package with its test tools, and what the
# browser tests need (Debian's chromium). Safe to run again; it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'

if [ "${WARCRIME_SKIP_SYSTEM:-}" != "1" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "setup: chromium is missing; install Debian's chromium for the browser tests" >&2
  fi
fi
