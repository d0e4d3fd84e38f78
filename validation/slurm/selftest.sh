#!/usr/bin/env bash
# validation/slurm/selftest.sh -- start a real one-node Slurm (cluster.sh) and
# check job arrays, dependencies, cancel/resubmit of one array task.
# Output ends with PASS/FAIL lines and "N passed, N failed"; exit 0 iff all pass.
# Usage: bash validation/slurm/selftest.sh [WORKDIR]   (default: a new /tmp folder)
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/cluster.sh
source "$here/cluster.sh"

t0=$SECONDS
# shellcheck source=SCRIPTDIR/checks.sh
source "$here/checks.sh"
report() {
    slurm_stop
    echo "selftest took $((SECONDS - t0)) s (install ${t_install:-?} s, start ${t_start:-?} s)"
    if [ -n "$own_wd" ] && [ "$nfail" -eq 0 ]; then
        rm -rf "$wd"
    else
        echo "logs, slurm.conf, jobcomp.log: $wd"
    fi
    checks_summary
}

own_wd=
if [ -n "${1:-}" ]; then
    wd=$1
else
    wd=$(mktemp -d /tmp/slurm-selftest.XXXXXX) # removed again if all pass
    own_wd=yes
fi
mkdir -p "$wd"
wd=$(cd "$wd" && pwd)
trap 'report; [ "$nfail" -eq 0 ] && [ "$npass" -gt 0 ] && exit 0; exit 1' EXIT
trap 'fail "interrupted by a signal"; exit 1' INT TERM HUP
echo "workdir: $wd"

ts=$SECONDS
if ! slurm_install; then
    fail "slurm_install (apt-get install slurm-wlm munge)"
    exit 1
fi
t_install=$((SECONDS - ts))

ts=$SECONDS
if slurm_start "$wd"; then
    t_start=$((SECONDS - ts))
    check "1 node becomes idle ($(sinfo -h -o '%N %c CPUs %m MB %t'))" \
        test "$(sinfo -h -o %t)" = idle
else
    t_start=$((SECONDS - ts))
    fail "1 node becomes idle (slurm_start failed)"
    exit 1
fi

jobs=$wd/jobs
mkdir -p "$jobs"
# keep job output out of the repository
sb() { sbatch --parsable --chdir="$jobs" --output="$jobs/%x_%A_%a.out" "$@"; }

# ---- 2. array 0-3 -----------------------------------------------------------
mkdir -p "$wd/arr"
arr=$(sb --job-name=arr --array=0-3 --wrap \
    "echo \"\$SLURM_ARRAY_TASK_ID \$SLURM_ARRAY_TASK_COUNT \$SLURM_ARRAY_TASK_MIN\" > $wd/arr/task_\$SLURM_ARRAY_TASK_ID")
# ---- 3. afterok on the whole array (submitted while the array is queued) ----
dep=$(sb --job-name=dep --dependency="afterok:$arr" --wrap \
    "ls $wd/arr | grep -c '^task_' > $wd/dep_count; date +%s.%N > $wd/dep_start")

st=$(slurm_wait_job "$arr" 60)
bad=""
for i in 0 1 2 3; do
    got=$(cat "$wd/arr/task_$i" 2>/dev/null)
    [ "$got" = "$i 4 0" ] || bad="$bad task_$i='$got'"
done
check "2 array 0-3: state $st, 4 files with 'ID COUNT MIN'${bad:+ (bad:$bad)}" \
    test "$st" = COMPLETED -a -z "$bad"

st=$(slurm_wait_job "$dep" 60)
check "3 afterok:$arr job ran after the array: state $st, saw $(cat "$wd/dep_count" 2>/dev/null) task files" \
    test "$st" = COMPLETED -a "$(cat "$wd/dep_count" 2>/dev/null)" = 4

# ---- 4. scancel one running array task, then resubmit just that index --------
mkdir -p "$wd/can"
body="sleep 4; echo done > $wd/can/task_\$SLURM_ARRAY_TASK_ID"
can=$(sb --job-name=can --array=0-3 --wrap "$body")
running=""
for ((i = 0; i < 120; i++)); do # 2 CPUs: task 2 starts once 0 or 1 is done
    if [ "$(squeue -h -j "${can}_2" -o %T 2>/dev/null)" = RUNNING ]; then
        running=yes
        break
    fi
    sleep 0.25
done
scancel "${can}_2"
st=$(slurm_wait_job "$can" 60)
recs=$(slurm_job_records "$can" | awk '{print $2 "=" $3}' | sort | paste -sd' ' -)
ok=yes
for i in 0 1 3; do
    echo "$recs" | grep -q "${can}_$i=COMPLETED" || ok=no
    [ -f "$wd/can/task_$i" ] || ok=no
done
echo "$recs" | grep -q "${can}_2=CANCELLED" || ok=no
[ -f "$wd/can/task_2" ] && ok=no
check "4a scancel ${can}_2 while ${running:-NOT} running: $recs" test "$ok" = yes -a "$running" = yes

re=$(sb --job-name=can --array=2 --wrap "$body")
st=$(slurm_wait_job "$re" 60)
check "4b resubmitted --array=2 as $re: state $st, task_2 file present" \
    test "$st" = COMPLETED -a -f "$wd/can/task_2"

# ---- 5. afterok on an array with a failed task never runs ------------------
mkdir -p "$wd/bad"
badarr=$(sb --job-name=bad --array=0-2 --wrap \
    "touch $wd/bad/task_\$SLURM_ARRAY_TASK_ID; [ \$SLURM_ARRAY_TASK_ID != 1 ]")
never=$(sb --job-name=never --dependency="afterok:$badarr" --wrap "touch $wd/bad/never_ran")
sta=$(slurm_wait_job "$badarr" 60)
std=$(slurm_wait_job "$never" 30)
reason=$(scontrol -o show job "$never" 2>/dev/null | grep -o 'Reason=[^ ]*')
echo "info: array $badarr final states: $(slurm_job_records "$badarr" | awk '{print $2 "=" $3 "(" $4 ")"}' | sort | paste -sd' ' -)"
echo "info: afterok job $never: wait_job=$std scontrol $reason"
case $std in CANCELLED | DependencyNeverSatisfied) okd=yes ;; *) okd=no ;; esac
[ -e "$wd/bad/never_ran" ] && okd=no
check "5 afterok:$badarr (task 1 failed, array $sta) does not run: $std, $reason" test "$okd" = yes
