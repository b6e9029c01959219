#!/bin/bash
# Installs the Debian 12 packages deadlined builds and tests with; installs only what is missing.
# Usage: scripts/install-deps.sh [build|docs|test|bench|package]   (default: test)
#   build: compile; docs: + generate and check the manual pages (make man); test: + docs and the test servers;
#   bench: + test and the programs compared with; package: + docs and what make deb / make deb-test use.
set -euo pipefail
level="${1:-test}"

packages=(pkg-config libcurl4-openssl-dev libsystemd-dev libsqlite3-dev)
# poppler-utils: pdftotext, through which `deadlinectl import` reads PDF documents.
packages+=(poppler-utils)
case "$level" in docs | test | bench | package)
    # Manual pages: Debian's python3 runs scripts/generate-man-pages; mandoc, groff and man check them
    # (scripts/lint-man-pages).
    packages+=(python3 mandoc groff-base man-db) ;;
esac
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

if [ "$level" = package ]; then
    # make deb: dpkg-deb and dpkg-shlibdeps (dpkg-dev), lintian, objdump (binutils); make deb-test: unshare
    # (util-linux), journalctl and systemd-analyze (systemd), and zsh and fish to check the completion scripts.
    packages+=(dpkg-dev lintian binutils util-linux systemd zsh fish)
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
