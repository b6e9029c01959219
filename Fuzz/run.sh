#!/bin/bash
# Fuzz/run.sh SECONDS [TARGET...]: builds deadline-fuzz with coverage (libFuzzer, AddressSanitizer) in .build-fuzz,
# then runs each target (default: all) for SECONDS from its committed corpus, Fuzz/Corpus/TARGET (and, for config,
# the example configuration in etc/deadlined; for import, the seed directives in Tests/Fixtures/seeds).
# A trap, a sanitizer report or an input slower than 25 s fails the run: libFuzzer writes the input to
# .build-fuzz/findings/TARGET/, and `swift run deadline-fuzz TARGET FILE` replays it with a readable backtrace.
# New inputs that reach new code are kept in .build-fuzz/corpus/TARGET, the first folder given to libFuzzer, the only
# one it writes to (copy the useful ones to Fuzz/Corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:?usage: Fuzz/run.sh SECONDS [TARGET...]}"
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(config values import)

toolchain="$(dirname "$(readlink -f "$(command -v swiftc)")")/.."
fuzzer=$(ls "$toolchain"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-"$(uname -m)".a 2>/dev/null | head -n 1)
[ -n "$fuzzer" ] || { echo "Fuzz/run.sh: libFuzzer (libclang_rt.fuzzer_no_main) is not in the Swift toolchain at $toolchain" >&2; exit 1; }

# Coverage needs a sanitizer in swiftc; -sanitize=fuzzer would link libFuzzer's own main, which clashes with the
# one SwiftPM gives every executable, so the driver calls LLVMFuzzerRunDriver from its main instead. The toolchain's
# lld links it (gold warns about an AddressSanitizer symbol it cannot export).
toolset=()
if [ -x "$toolchain/bin/ld.lld" ]; then
    mkdir -p .build-fuzz
    printf '{"schemaVersion": "1.0", "linker": {"path": "%s/ld.lld"}}\n' "$(cd "$toolchain/bin" && pwd)" >.build-fuzz/lld-toolset.json
    toolset=(--toolset .build-fuzz/lld-toolset.json)
fi
swift build -c release --scratch-path .build-fuzz --product deadline-fuzz "${toolset[@]}" \
    -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
    -Xswiftc -DFUZZING -Xlinker "$fuzzer" -Xlinker -lstdc++
binary=.build-fuzz/release/deadline-fuzz

status=0
for target in "${targets[@]}"; do
    corpus=.build-fuzz/corpus/$target
    findings=.build-fuzz/findings/$target
    mkdir -p "$corpus" "$findings"
    # Seeds: the committed corpus, and for config the example configuration, for import the seed directives.
    seeds=()
    for folder in "Fuzz/Corpus/$target" $(case "$target" in config) echo etc/deadlined ;; import) echo Tests/Fixtures/seeds ;; esac); do
        [ -d "$folder" ] && seeds+=("$folder")
    done
    echo "== fuzzing $target for $seconds s (seeds: ${seeds[*]})"
    # No Swift backtracer: on a trap it would symbolicate at length instead of letting libFuzzer save the input.
    if ! SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$binary" "$target" "$corpus" "${seeds[@]}" \
        -max_total_time="$seconds" -timeout=25 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="$findings/" >"$findings/log" 2>&1; then
        status=1
        echo "Fuzz/run.sh: $target failed; the input is in $findings/, the log in $findings/log:" >&2
        grep -E "ERROR|Fatal error|SUMMARY|Test unit written|timeout" "$findings/log" | head -n 20 >&2 || true
    else
        grep -E "^stat::number_of_executed_units|^#[0-9]+.*DONE" "$findings/log" | tail -n 2 || true
    fi
done
exit $status
