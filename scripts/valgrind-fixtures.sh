#!/usr/bin/env bash
# Leak check: runs the debug `winnow` under valgrind on every fixture page
# (plain and with --explain), then on all pages as several inputs in one
# process, then on several bad inputs in one process (the error paths).
# A manual check, too slow for `swift test`: about 5 s a run.
#
#   scripts/valgrind-fixtures.sh            # from anywhere in the repository
#
# A run passes when valgrind finds no memory error and no definitely,
# indirectly or possibly lost block outside scripts/valgrind.supp (the Swift
# runtime's, Foundation's and ICU's one-time caches), and winnow exits as
# expected. Prints one line a run; exits 1 if any run failed. Valgrind's
# logs are kept in .build/valgrind/ for a failing run's stacks.
set -u

cd "$(dirname "$0")/.."
root=$(pwd)

command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }

echo "swift build (debug)..."
swift build >/dev/null || { echo "swift build failed" >&2; exit 2; }
binary=$(swift build --show-bin-path)/winnow

# Valgrind 3.19 (Debian 12) gives up on the DWARF 5 debug information that
# Swift 6 emits ("unhandled dwarf2 abbrev form code 0x25 ... I can't
# recover"). Check a copy without debug sections: the symbol table stays,
# so stacks and suppressions still name functions (no line numbers). The
# copy sits next to the original, where Bundle.module finds the rules.
checked="$binary-valgrind"
objcopy --strip-debug "$binary" "$checked" || { echo "objcopy failed" >&2; exit 2; }

logs="$root/.build/valgrind"
rm -rf "$logs"
mkdir -p "$logs"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"; rm -f "$checked"' EXIT

failures=0

# run NAME EXPECTED-EXIT ARGUMENTS...
run() {
    local name=$1 expected=$2
    shift 2
    local log="$logs/$name.log"
    valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
        --error-exitcode=99 --suppressions="$root/scripts/valgrind.supp" \
        --num-callers=40 --log-file="$log" \
        "$checked" "$@" >/dev/null 2>"$logs/$name.stderr" </dev/null
    local status=$?
    local verdict=PASS
    if [ "$status" -ne "$expected" ]; then verdict=FAIL; failures=$((failures + 1)); fi
    figure() { grep -m1 -oE "$1: [0-9,]+ bytes in [0-9,]+ blocks" "$log" | sed -E "s/^$1: //"; }
    local definite indirect possible suppressed errors
    definite=$(figure "definitely lost")
    indirect=$(figure "indirectly lost")
    possible=$(figure "possibly lost")
    suppressed=$(figure "suppressed")
    errors=$(grep -m1 -oE "ERROR SUMMARY: [0-9,]+" "$log" | sed -E 's/ERROR SUMMARY: //')
    # "All heap blocks were freed" leaves no leak summary at all.
    printf '%s  %-34s exit %-2s  definitely lost: %s; indirectly: %s; possibly: %s; suppressed: %s; valgrind errors: %s\n' \
        "$verdict" "$name" "$status" "${definite:-0 bytes in 0 blocks}" "${indirect:-0 bytes in 0 blocks}" \
        "${possible:-0 bytes in 0 blocks}" "${suppressed:-0 bytes in 0 blocks}" "${errors:-?}"
    if [ "$verdict" = FAIL ]; then
        echo "      expected exit $expected; valgrind log: $log" >&2
    fi
}

pages=()
for folder in Fixtures/*/; do
    folder=${folder%/}
    name=$(basename "$folder")
    page="$folder/page.html"
    [ -f "$page" ] || continue
    pages+=("$page")
    url=()
    [ -s "$folder/url" ] && url=(--url "$(head -n1 "$folder/url")")
    run "$name" 0 clean "$page" "${url[@]}"
    run "$name--explain" 0 clean --explain "$page" "${url[@]}"
done

run "all-pages-one-process" 0 clean --explain "${pages[@]}"

# The error paths in one process: a PNG named .html, an empty file, a
# missing file and a directory between good pages (JSON Lines, exit 1).
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x06\0\0\0\x1f\x15\xc4\x89' >"$scratch/photo.html"
: >"$scratch/empty.html"
run "error-paths-one-process" 1 clean "${pages[0]}" "$scratch/photo.html" "$scratch/empty.html" \
    "$scratch/missing.html" "$scratch" "${pages[1]}"

if [ "$failures" -gt 0 ]; then
    echo "$failures run(s) failed; logs in $logs"
    exit 1
fi
echo "all runs passed; logs in $logs"
