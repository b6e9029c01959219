#!/bin/bash
# Installs the Debian 12 packages deadlined builds and tests with; installs only what is missing.
# Usage: scripts/install-deps.sh [build|test|bench]   (default: test)
set -euo pipefail
level="${1:-test}"

packages=(pkg-config libcurl4-openssl-dev libsystemd-dev libsqlite3-dev)
# poppler-utils: pdftotext, through which `deadlinectl import` reads PDF documents.
packages+=(poppler-utils)
if [ "$level" = test ] || [ "$level" = bench ]; then
    # Real servers for the tests: SMTP (aiosmtpd), journald, systemd-analyze, unshare/nsenter, openssl for test CAs,
    # PostgreSQL for the shared-ledger tests; Chromium, its driver and a venv for selenium for the web side's
    # browser test.
    packages+=(python3 python3-aiosmtpd python3-icalendar ca-certificates openssl systemd util-linux procps postgresql
        chromium chromium-driver python3-venv)
fi
if [ "$level" = bench ]; then
    # linux-perf: wake-ups counted with `perf stat -e context-switches` (Benchmarks/bench/idle.py; procfs otherwise).
    packages+=(remind prometheus-alertmanager curl strace hyperfine time linux-perf)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ "$level" = test ] || [ "$level" = bench ]; then
    # selenium from PyPI, in the repository's .venv (ignored by git), for Tests/Browser/confirm_in_browser.py.
    root="$(cd "$(dirname "$0")/.." && pwd)"
    if ! "$root/.venv/bin/python" -c "import selenium" 2>/dev/null; then
        echo "install-deps: selenium into $root/.venv"
        /usr/bin/python3 -m venv "$root/.venv"
        "$root/.venv/bin/pip" install -q --disable-pip-version-check "selenium==4.51.0"
    fi
fi
command -v swift >/dev/null || export PATH="/opt/swift/usr/bin:$PATH"
command -v swift >/dev/null || { echo "install-deps: a Swift 6 toolchain is required (swift.org/install)" >&2; exit 1; }
