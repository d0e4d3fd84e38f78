#!/usr/bin/env bash
# validation/slurm/sweep.sh -- rom's sharded sweeps on a real one-node Slurm (cluster.sh):
#   1. rom slurm sweep --submit with 4 shards of an independent method (CG + IC(0)): the merged dataset equals a serial
#      rom sweep bit for bit;
#   2. the same with recycling (GCRO-DR, each shard starting with an empty recycle space): equal to the tolerance;
#   3. one array task cancelled (scancel) after its first checkpoint: the merge never runs, the task re-submitted alone
#      resumes from its checkpoint, the merge re-submitted completes, and the result still equals the serial sweep;
#   4. rom sweep merge with a shard missing names it;
#   5. the HAPOD basis of the recycled sweep (pod.mean_error: each task PODs its shard, the merge combines) meets ε*
#      and matches NumPy's POD of all solutions;
#   6. a tree merge (merge.group_size=2: the shards' array, an array of 2 partial merges, the final merge, chained
#      afterok): the dataset equals a serial rom sweep bit for bit, and its HAPOD (an inner level) meets ε* as in 5.
# Output ends with PASS/FAIL lines and "N passed, N failed"; exit 0 iff all pass.
# Usage: bash validation/slurm/sweep.sh [ROM]   (default: src/Rom.Cli/bin/Release/net10.0/Rom.Cli, built by dotnet test)
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
rom=$(realpath "${1:-$repo/src/Rom.Cli/bin/Release/net10.0/Rom.Cli}")
# shellcheck source=SCRIPTDIR/cluster.sh
source "$here/cluster.sh"

t0=$SECONDS
check_prefix="slurm: "
# shellcheck source=SCRIPTDIR/checks.sh
source "$here/checks.sh"
wd=$(mktemp -d /tmp/rom-slurm.XXXXXX)
report() {
    slurm_stop
    echo "took $((SECONDS - t0)) s; work folder: $wd"
    [ "$nfail" -eq 0 ] && rm -rf "$wd"
    checks_summary
}
trap 'report; [ "$nfail" -eq 0 ] && [ "$npass" -gt 0 ] && exit 0; exit 1' EXIT
trap 'fail "interrupted by a signal"; exit 1' INT TERM HUP

if [ ! -x "$rom" ]; then
    fail "no rom executable at $rom (build it: dotnet build src/Rom.Cli -c Release)"
    exit 1
fi
if ! slurm_install; then
    fail "apt-get install slurm-wlm munge"
    exit 1
fi
if ! slurm_start "$wd/cluster"; then
    fail "the one-node cluster did not become idle"
    exit 1
fi
pass "one-node cluster up ($(sinfo -h -o '%c CPUs, %t'))"
cd "$wd" || exit 1

# compare A B exact|tolerance: the datasets' inputs, solutions and iterations, bit for bit or to the tolerance.
compare() {
    /usr/bin/python3 - "$@" <<'EOF'
import sys, h5py, numpy as np
a, b, mode = h5py.File(sys.argv[1], "r"), h5py.File(sys.argv[2], "r"), sys.argv[3]
if mode == "exact":
    bad = [n for n in ("inputs", "solutions", "iterations", "converged") if not np.array_equal(a[n][()], b[n][()])]
    sys.exit(f"differ: {bad}" if bad else 0)
ua, ub = a["solutions"][()], b["solutions"][()]
rel = np.max(np.linalg.norm(ua - ub, axis=1) / np.linalg.norm(ua, axis=1))
tol = float(b["case/sweep"].attrs["relative_tolerance"])
ok = np.array_equal(a["inputs"][()], b["inputs"][()]) and rel <= 1e3 * tol and np.all(b["residuals"][()] <= tol * (1 + 1e-6))
print(f"max relative solution difference {rel:.2e}, tolerance {tol:g}")
sys.exit(0 if ok else "differ beyond the tolerance")
EOF
}

# pod_check DATA: the HAPOD basis /pod/modes (each shard's POD computed in its array task, combined by the merge) against
# NumPy's SVD of all solutions at once: mean projection error ≤ ε*², as many modes (+2 at most), and every mode of the
# full POD in its span to √m·ε*/σ_i.
pod_check() {
    /usr/bin/python3 - "$1" <<'EOF'
import sys, h5py, numpy as np
f = h5py.File(sys.argv[1], "r")
S, V, eps = f["solutions"][()], f["pod/modes"][()], float(f["pod"].attrs["mean_error"])
m = len(S)
mean = np.mean(np.sum((S - S @ V.T @ V) ** 2, axis=1))
_, s, vt = np.linalg.svd(S, full_matrices=False)
tail = np.r_[np.cumsum((s ** 2)[::-1])[::-1], 0]
r = int(np.argmax(tail <= m * eps ** 2))
span = all(np.linalg.norm(vt[i] - vt[i] @ V.T @ V) <= np.sqrt(m) * eps / s[i] * (1 + 1e-6) for i in range(r))
print(f"{len(V)} modes (NumPy's POD of all {m} solutions: {r}), mean squared projection error {mean:.2e} ≤ ε*² = {eps ** 2:.2e}")
sys.exit(0 if mean <= eps ** 2 and r <= len(V) <= r + 2 and span else "HAPOD basis does not meet the bound")
EOF
}

# submit CASE OUT SETTINGS...: rom slurm sweep --submit with 4 shards; sets $array and $merge to the job ids.
submit() {
    local case=$1 out=$2
    shift 2
    local json
    json=$("$rom" slurm sweep "$case" --shards 4 --out "$out" --submit --json "$@") || return 1
    array=$(printf '%s' "$json" | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["array_job"])')
    merge=$(printf '%s' "$json" | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["merge_job"])')
}

"$rom" new sweep --out spd.h5 --set problem.family=darcy-spd --set problem.grid_size=18 --set problem.count=16 \
    --set sweep.method=cg --set sweep.preconditioner=ic0 --set output.plots=0 >/dev/null
"$rom" new sweep --out recycled.h5 --set problem.grid_size=18 --set problem.count=16 --set pod.mean_error=0.05 --set output.plots=0 >/dev/null
"$rom" new sweep --out tree.h5 --set problem.family=darcy-spd --set problem.grid_size=18 --set problem.count=16 \
    --set sweep.method=cg --set sweep.preconditioner=ic0 --set pod.mean_error=0.01 --set merge.group_size=2 --set output.plots=0 >/dev/null

# sharded NAME MODE WHAT: a serial rom sweep of NAME.h5, then 4 array tasks + the afterok merge, compared (MODE).
sharded() {
    local name=$1 mode=$2 what=$3 state why
    "$rom" sweep "$name.h5" --out "serial-$name.h5" >/dev/null 2>&1
    if submit "$name.h5" "$name/data.h5" && state=$(slurm_wait_job "$merge" 300) && [ -f "$name/data.h5" ]; then
        if why=$(compare "serial-$name.h5" "$name/data.h5" "$mode" 2>&1); then
            pass "4 array tasks + afterok merge ($what): merged dataset = serial rom sweep, $([ "$mode" = exact ] && echo "bit for bit" || echo "to the tolerance ($why)")"
        else
            fail "4 array tasks ($what): $why"
        fi
    else
        fail "4 array tasks + merge ($what) did not complete: merge ${state:-not submitted}; logs: $wd/$name/data.h5.slurm/logs"
    fi
}

# 1. independent solves: bit for bit; 2. recycling, each shard from an empty recycle space: to the tolerance
sharded spd exact "CG + IC(0)"
sharded recycled tolerance "sorted GCRO-DR, recycle space per shard"
if [ -f recycled/data.h5 ] && why=$(pod_check recycled/data.h5 2>&1); then
    pass "HAPOD of the solutions, the shards' PODs in the array tasks, combined by the merge job: $why"
else
    fail "HAPOD of the solutions: ${why:-no merged dataset}"
fi

# 6. a tree merge: shards 1-2 and 3-4 merged by a second array, then the final merge
sharded tree exact "tree merge, merge.group_size=2: an array of 2 partial merges between"
if [ -f tree/data.h5 ] && [ -f tree/data.h5.slurm/data.merge-3-4-of-4.h5 ] && why=$(pod_check tree/data.h5 2>&1); then
    pass "HAPOD through the tree merge (an inner level of partial merges, budget split for depth 3): $why"
else
    fail "HAPOD through the tree merge: ${why:-no merged dataset or partial merges}"
fi

# 3. a task cancelled mid-run, re-submitted alone
"$rom" new sweep --out long.h5 --set problem.family=darcy-spd --set problem.grid_size=66 --set problem.count=160 \
    --set sweep.method=cg --set sweep.preconditioner=jacobi --set sweep.ordering=given --set output.checkpoint_every=1 \
    --set output.plots=0 >/dev/null
"$rom" sweep long.h5 --out serial-long.h5 >/dev/null 2>&1
if submit long.h5 long/data.h5; then
    checkpoint=long/data.h5.slurm/data.shard-2-of-4.h5.partial
    for ((n = 0; n < 600; n++)); do
        compgen -G "$checkpoint/chunk-*.h5" >/dev/null && break
        sleep 0.1
    done
    scancel "${array}_2"
    task=$(slurm_wait_job "${array}_2" 120)
    slurm_wait_job "$array" 300 >/dev/null
    merged=$(slurm_wait_job "$merge" 60)
    chunks=$(compgen -G "$checkpoint/chunk-*.h5" | wc -l)
    if [ "$task" = CANCELLED ] && [ ! -f long/data.h5.slurm/data.shard-2-of-4.h5 ] && [ "$chunks" -gt 0 ] && [ "$merged" != COMPLETED ] && [ ! -f long/data.h5 ]; then
        pass "scancel of task 2 after its first checkpoint: task CANCELLED with $chunks systems checkpointed, merge not run ($merged)"
    else
        fail "scancel of task 2: task $task, checkpointed chunks $chunks, merge $merged"
    fi
    again=$(sbatch --parsable --array=2 long/data.h5.slurm/sweep.sbatch)
    slurm_wait_job "$again" 300 >/dev/null
    remerge=$(sbatch --parsable long/data.h5.slurm/merge.sbatch)
    remerged=$(slurm_wait_job "$remerge" 300)
    log=$(cat long/data.h5.slurm/logs/shard-2.out 2>/dev/null)
    if [ "$remerged" = COMPLETED ] && [[ $log == *"already solved"* ]] && why=$(compare serial-long.h5 long/data.h5 exact 2>&1); then
        pass "task 2 re-submitted alone resumed from its checkpoint; the re-submitted merge = serial rom sweep, bit for bit"
    else
        fail "re-submitted task 2 / merge: merge $remerged, resumed: $([[ $log == *"already solved"* ]] && echo yes || echo no), ${why:-}"
    fi
else
    fail "submitting the long sweep"
fi

# 4. a missing shard is named by the merge
shards=(spd/data.h5.slurm/data.shard-{1,2,4}-of-4.h5)
if out=$("$rom" sweep merge "${shards[@]}" --out missing.h5 2>&1); then
    fail "merge of 3 of 4 shards succeeded"
elif [[ $out == *"3"* && $out == *"missing"* ]]; then
    pass "merge without shard 3 is refused, naming it: ${out##*error: }"
else
    fail "merge without shard 3: $out"
fi
