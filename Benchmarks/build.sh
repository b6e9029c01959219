#!/bin/bash
# Builds deadlined and deadlinectl in release mode in their own scratch path (.build-bench), so a benchmark never
# disturbs .build; prints the directory of the binaries. Linked as the Debian package links them
# (--static-swift-stdlib, scripts/build-deb): what is measured is what is shipped. Retries (at most 3 times) when SwiftPM stops because a
# source file changed during the build.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null || export PATH="/opt/swift/usr/bin:$PATH"
for attempt in 1 2 3; do
    if swift build -c release --static-swift-stdlib --scratch-path .build-bench --product deadlined >&2 \
        && swift build -c release --static-swift-stdlib --scratch-path .build-bench --product deadlinectl >&2; then
        swift build -c release --static-swift-stdlib --scratch-path .build-bench --show-bin-path
        exit 0
    fi
    echo "bench: build attempt $attempt failed; retrying" >&2
    sleep 2
done
exit 1
