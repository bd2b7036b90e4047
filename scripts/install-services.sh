#!/usr/bin/env bash
# Install the programs and servers the test suite uses, from Debian packages.  Called by scripts/test.sh;
# a failure only skips the tests that need the missing program.  One section per service: append new
# sections, don't rewrite others.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
APT_UPDATED=""
apt_install() {
    if [ -z "$APT_UPDATED" ]; then $SUDO apt-get update -qq; APT_UPDATED=1; fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@"
}

# --- headless Chromium for tests/test_browser.py (the /viz page), with a Chinese font for screenshots ---
if ! command -v chromium >/dev/null 2>&1; then
    apt_install chromium || echo "warning: chromium not installed; tests/test_browser.py will be skipped" >&2
fi
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    apt_install fonts-wqy-zenhei || echo "warning: no Chinese font; screenshots will show boxes" >&2
fi

# --- Virtuoso open source for tests/test_remote.py (the SPARQL 1.1 Graph Store Protocol backend) ---
# Installed only; tests/test_remote.py starts it (`service virtuoso-opensource-7 start`) and stops it again.
# A non-interactive install leaves user dba with password dba (the Debian package's default; only for the tests).
if ! command -v virtuoso-t >/dev/null 2>&1; then
    apt_install virtuoso-opensource || echo "warning: virtuoso not installed; tests/test_remote.py will be skipped" >&2
fi
