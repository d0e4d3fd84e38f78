# shellcheck shell=bash
# validation/slurm/checks.sh -- sourced by the Slurm check scripts: each check adds a PASS or FAIL line (prefixed by
# $check_prefix, if set before sourcing) to the summary that ends the script's output, printed by checks_summary.
results=()
npass=0
nfail=0
pass() { results+=("PASS ${check_prefix:-}$*"); npass=$((npass + 1)); echo "ok: $*"; }
fail() { results+=("FAIL ${check_prefix:-}$*"); nfail=$((nfail + 1)); echo "not ok: $*"; }
check() { # check NAME COMMAND...
    local name=$1
    shift
    if "$@"; then pass "$name"; else fail "$name"; fi
}
checks_summary() {
    printf '%s\n' "${results[@]}"
    echo "$npass passed, $nfail failed"
}
