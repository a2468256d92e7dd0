#!/usr/bin/env bash
# Builds and runs Winnow's libFuzzer targets (the Fuzz/ package), with
# AddressSanitizer and LeakSanitizer. See docs/testing.md.
#
#   scripts/fuzz.sh build [TARGET...]        build (all targets by default)
#   scripts/fuzz.sh run TARGET [SECONDS] [LIBFUZZER-OPTION...]
#                                            fuzz one target (default 60 s)
#   scripts/fuzz.sh ci                       build all, fuzz each for
#                                            FUZZ_SECONDS (default 60); exit 1
#                                            on any crash, leak or timeout
#
# TARGET is html (Cleaner.clean and the renderings), rules (the rule-file
# loader) or records (the batch readers). Each run starts from the
# target's corpus in .build/fuzz/corpus/TARGET (kept between runs, so
# longer runs build on shorter ones; FUZZ_CORPUS=DIR names another) and
# from seeds copied from Fixtures/, Tests/InputFiles/, rules/ and the
# built-in rules (FUZZ_SEEDS=0: none, so libFuzzer grows its inputs from
# nothing, small and many); a crashing, leaking or slow input is written
# to .build/fuzz/artifacts/TARGET/.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/.build/fuzz"

product() {
    case "$1" in
        html) echo FuzzHTML ;;
        rules) echo FuzzRules ;;
        records) echo FuzzRecords ;;
        *) echo "unknown fuzz target '$1' (targets: html, rules, records)" >&2; exit 2 ;;
    esac
}

# SwiftPM needs the sanitizers twice: --sanitize for the link and C code,
# -sanitize for the Swift code (without it nothing is instrumented, or the
# link finds no main); -parse-as-library leaves main to libFuzzer;
# -enable-testing lets the targets reach internal readers.
build() {
    local targets=("$@")
    [ ${#targets[@]} -gt 0 ] || targets=(html rules records)
    for target in "${targets[@]}"; do
        echo "building $(product "$target")..."
        swift build --package-path Fuzz -c release --product "$(product "$target")" \
            --sanitize=fuzzer --sanitize=address \
            -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing
    done
}

seeds() {
    local target=$1 folder=$2
    rm -rf "$folder"
    mkdir -p "$folder"
    local files=()
    case "$target" in
        html)
            files=(Fixtures/*/page.html Tests/InputFiles/fuzz-found/* Tests/InputFiles/undeclared-charsets/*.html)
            while IFS= read -r page; do files+=("$page"); done < <(find Tests/EvalSample -name page.html | sort)
            ;;
        rules)
            files=(Sources/Winnow/Rules/builtin-rules.yaml rules/sites/*.yaml)
            for file in Fixtures/*/rules.yaml; do [ -e "$file" ] && files+=("$file"); done
            ;;
        records)
            files=(Tests/InputFiles/*.warc Tests/InputFiles/*.warc.gz Tests/InputFiles/*.jsonl)
            ;;
    esac
    local index=0
    for file in "${files[@]}"; do
        [ -f "$file" ] || continue
        cp "$file" "$folder/seed-$index-$(basename "$file")"
        index=$((index + 1))
    done
}

# run TARGET SECONDS [OPTIONS...]: prints one summary line; returns
# libFuzzer's exit status (non-zero on a crash, leak, timeout or OOM).
run() {
    local target=$1 seconds=${2:-60}
    shift 2 || shift $#
    local binary
    binary="$(swift build --package-path Fuzz -c release --show-bin-path)/$(product "$target")"
    [ -x "$binary" ] || { echo "$binary is not built: scripts/fuzz.sh build $target" >&2; return 2; }
    local corpus="${FUZZ_CORPUS:-$work/corpus/$target}" seed="$work/seeds/$target" artifacts="$work/artifacts/$target/"
    local log="$work/logs/$target-$(date +%Y%m%d-%H%M%S).log"
    mkdir -p "$corpus" "$artifacts" "$work/logs"
    seeds "$target" "$seed"
    [ "${FUZZ_SEEDS:-1}" = 0 ] && rm -f "$seed"/*
    local max_len=65536
    [ "$target" = rules ] && max_len=16384
    # Foundation's own leak (a long regex pattern's copy, never freed:
    # swift-corelibs-foundation's _CFRegularExpressionCreate) is not
    # Winnow's; scripts/valgrind.supp says the same for valgrind.
    local status=0
    LSAN_OPTIONS="suppressions=$root/Fuzz/lsan.supp:print_suppressions=0" \
        "$binary" "$corpus" "$seed" -dict="$root/Fuzz/Dictionaries/$target.dict" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
        -artifact_prefix="$artifacts" -print_final_stats=1 "$@" >"$log" 2>&1 || status=$?
    local runs speed
    runs=$(grep -m1 -oE 'stat::number_of_executed_units: +[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
    speed=$(grep -m1 -oE 'stat::average_exec_per_sec: +[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
    local verdict=PASS
    if [ "$status" -ne 0 ]; then
        verdict=FAIL
        grep -m3 -E 'ERROR: |Fatal error|SUMMARY: |timeout after|out-of-memory' "$log" | sed 's/^/      /' >&2 || true
    fi
    printf '%s  %-8s %s s  %s executions  %s exec/s  corpus %s files  exit %s  log %s\n' \
        "$verdict" "$target" "$seconds" "$runs" "$speed" "$(find "$corpus" -type f | wc -l)" "$status" "$log"
    return "$status"
}

command=${1:-}
shift || true
case "$command" in
    build) build "$@" ;;
    run)
        [ $# -ge 1 ] || { echo "usage: scripts/fuzz.sh run TARGET [SECONDS] [LIBFUZZER-OPTION...]" >&2; exit 2; }
        target=$1
        shift
        seconds=60
        if [ $# -ge 1 ] && [[ "$1" =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
        run "$target" "$seconds" "$@"
        ;;
    ci)
        build
        failures=0
        for target in html rules records; do
            run "$target" "${FUZZ_SECONDS:-60}" || failures=$((failures + 1))
        done
        exit $((failures > 0))
        ;;
    *)
        sed -n '2,19p' "$0" >&2
        exit 2
        ;;
esac
