# shellcheck shell=bash
# validation/slurm/cluster.sh -- a throw-away one-node Slurm cluster for CI.
#
# Source this file, then:
#   slurm_install                 # apt-get install slurm-wlm munge if missing
#   slurm_start WORKDIR           # munged + slurmctld + slurmd, waits for "idle"
#   trap slurm_stop EXIT          # stops everything, whatever state it is in
#   id=$(sbatch --parsable ...)
#   state=$(slurm_wait_job "$id" 120)   # COMPLETED, FAILED, CANCELLED, ...
#
# Works without systemd and without cgroups (containers, gVisor): daemons are
# started directly in daemon mode with pid files under WORKDIR,
# ProctrackType=proctrack/linuxproc and TaskPlugin=task/none.
# Final job states come from JobCompType=jobcomp/filetxt (WORKDIR/jobcomp.log),
# so no slurmdbd is needed (sacct does not work here).
#
# Tunables (environment, read by slurm_start):
#   SLURM_CI_CTLD_PORT (6817)  SLURM_CI_SLURMD_PORT (6818)
#   SLURM_CI_KILL_INVALID_DEPEND (1): 1 = jobs whose dependency can never be
#       satisfied are CANCELLED (queue drains); 0 = Slurm's default, they stay
#       PENDING with Reason=DependencyNeverSatisfied.
#   SLURM_CI_START_TIMEOUT (60): seconds to wait for the node to become idle.

SLURM_CI_DIR=${SLURM_CI_DIR:-}

slurm__say() { echo "[slurm] $*" >&2; }

# Is the process whose pid is in file $1 alive?
slurm__pidfile_alive() {
    local pid
    [ -s "$1" ] || return 1
    pid=$(cat "$1" 2>/dev/null) || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# Send TERM to the pid in file $1, wait up to $2 s, then KILL.
slurm__kill_pidfile() {
    local f=$1 wait_s=${2:-10} pid i
    [ -s "$f" ] || return 0
    pid=$(cat "$f" 2>/dev/null) || pid=
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < wait_s * 10; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            slurm__say "pid $pid ($f) ignored SIGTERM; sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
            sleep 0.2
        fi
    fi
    rm -f "$f"
}

slurm__dump_logs() {
    local wd=${SLURM_CI_DIR:-} f
    {
        echo "----- slurm diagnostics -----"
        for f in /var/log/munge/munged.log "$wd/log/slurmctld.log" "$wd/log/slurmd.log"; do
            [ -f "$f" ] || continue
            echo "----- tail $f -----"
            tail -n 30 "$f"
        done
        if command -v sinfo >/dev/null && [ -n "${SLURM_CONF:-}" ]; then
            echo "----- sinfo -----"
            timeout 5 sinfo -N -l 2>&1 || true
            timeout 5 scontrol show node 2>&1 | grep -E 'State=|Reason=' || true
        fi
        echo "-----------------------------"
    } >&2
}

slurm_install() {
    if command -v sbatch >/dev/null && command -v sinfo >/dev/null &&
        [ -x /usr/sbin/slurmctld ] && [ -x /usr/sbin/slurmd ] && [ -x /usr/sbin/munged ]; then
        return 0
    fi
    local log rc=0
    log=$(mktemp /tmp/slurm-install.XXXXXX)
    # Try with the package lists we have; refresh them only if that fails.
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >"$log" 2>&1; then
        { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge; } >>"$log" 2>&1 || rc=$?
    fi
    if [ "$rc" -ne 0 ] || ! command -v sbatch >/dev/null || [ ! -x /usr/sbin/slurmctld ]; then
        slurm__say "installing slurm-wlm/munge failed:"
        tail -n 40 "$log" >&2
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
}

# munged must run as user "munge": its key, log and seed files are owned by
# munge, and as root it refuses ("Logfile is insecure ... should be owned by
# UID 0") unless --force. If a working munged is already there, reuse it.
slurm__start_munge() {
    local wd=$SLURM_CI_DIR i
    if timeout 5 munge -n 2>/dev/null | timeout 5 unmunge >/dev/null 2>&1; then
        slurm__say "reusing the munged that is already running"
        return 0
    fi
    if [ ! -s /etc/munge/munge.key ]; then
        mkdir -p /etc/munge
        if command -v mungekey >/dev/null; then
            mungekey --create --keyfile=/etc/munge/munge.key --force >/dev/null 2>&1 ||
                dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=128 status=none
        else
            dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=128 status=none
        fi
    fi
    chown munge:munge /etc/munge /etc/munge/munge.key
    chmod 0700 /etc/munge
    chmod 0400 /etc/munge/munge.key
    # munged runs as "munge", which may not be able to enter WORKDIR (mktemp -d
    # makes it 0700), so its pid and log files stay in its own directories.
    mkdir -p /run/munge /var/lib/munge /var/log/munge
    chown munge:munge /run/munge /var/lib/munge /var/log/munge
    chmod 0755 /run/munge
    chmod 0700 /var/log/munge
    rm -f /run/munge/munge.socket.2 /run/munge/munge.socket.2.lock /run/munge/munged.pid
    if ! runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/munged.pid; then
        slurm__say "munged failed to start"
        tail -n 20 /var/log/munge/munged.log >&2 2>/dev/null
        return 1
    fi
    for ((i = 0; i < 50; i++)); do
        if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
            cp /run/munge/munged.pid "$wd/run/munged.pid"
            return 0
        fi
        sleep 0.1
    done
    slurm__say "munged does not answer"
    tail -n 20 /var/log/munge/munged.log >&2 2>/dev/null
    return 1
}

slurm__write_conf() {
    local wd=$SLURM_CI_DIR host node dp=kill_invalid_depend
    host=$(hostname -s 2>/dev/null || uname -n)
    host=${host%%.*}
    # "NodeName=vm CPUs=2 Boards=1 SocketsPerBoard=1 CoresPerSocket=2 ThreadsPerCore=1 RealMemory=..."
    node=$(env -u SLURM_CONF slurmd -C 2>/dev/null | head -n 1) || node=
    case $node in
    NodeName=*) ;;
    *) node="NodeName=$host CPUs=$(nproc) RealMemory=$(awk '/MemTotal/{print int($2/1024)}' /proc/meminfo)" ;;
    esac
    [ "${SLURM_CI_KILL_INVALID_DEPEND:-1}" = 1 ] || dp=max_depend_depth=10
    cat >"$wd/slurm.conf" <<EOF
# Written by validation/slurm/cluster.sh: one node, no systemd, no cgroups.
ClusterName=romci
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=${SLURM_CI_CTLD_PORT:-6817}
SlurmdPort=${SLURM_CI_SLURMD_PORT:-6818}
AuthType=auth/munge
CryptoType=crypto/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$wd/state
SlurmdSpoolDir=$wd/spool
SlurmctldPidFile=$wd/run/slurmctld.pid
SlurmdPidFile=$wd/run/slurmd.pid
SlurmctldLogFile=$wd/log/slurmctld.log
SlurmdLogFile=$wd/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# no cgroups in a container: track job processes through /proc, no task binding
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
# no slurmdbd: sacct does not work; final job states go to a text file
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$wd/jobcomp.log
MpiDefault=none
MailProg=/bin/true
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
# batch_sched_delay=0: schedule at submit instead of up to 3 s later
SchedulerParameters=batch_sched_delay=0
# kill_invalid_depend (22.05: here, not in SchedulerParameters): a job whose
# dependency can never be satisfied is CANCELLED instead of pending forever
DependencyParameters=$dp
ReturnToService=2
SlurmctldTimeout=10
SlurmdTimeout=10
MessageTimeout=10
InactiveLimit=0
KillWait=2
MinJobAge=300
Waittime=0
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
}

slurm_start() {
    local wd=${1:?usage: slurm_start WORKDIR} i state=
    mkdir -p "$wd" || return 1
    wd=$(cd "$wd" && pwd) || return 1
    # a previous cluster in the same folder: stop it first
    if slurm__pidfile_alive "$wd/run/slurmctld.pid" || slurm__pidfile_alive "$wd/run/slurmd.pid"; then
        SLURM_CI_DIR=$wd slurm_stop
    fi
    local port
    for port in "${SLURM_CI_CTLD_PORT:-6817}" "${SLURM_CI_SLURMD_PORT:-6818}"; do
        # another slurmctld/slurmd there would answer our clients: refuse
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            slurm__say "port $port is already in use (another Slurm running?); set SLURM_CI_CTLD_PORT/SLURM_CI_SLURMD_PORT"
            return 1
        fi
    done
    SLURM_CI_DIR=$wd
    export SLURM_CI_DIR
    mkdir -p "$wd/state" "$wd/spool" "$wd/log" "$wd/run" || return 1
    slurm__start_munge || { slurm__dump_logs; return 1; }
    slurm__write_conf || return 1
    export SLURM_CONF=$wd/slurm.conf
    # -c: clear saved state (fresh cluster every time); both daemonize and
    # write their pid files into $wd/run.
    if ! /usr/sbin/slurmctld -c -f "$SLURM_CONF" >>"$wd/log/slurmctld.stdout" 2>&1; then
        slurm__say "slurmctld failed to start"
        slurm__dump_logs
        return 1
    fi
    if ! /usr/sbin/slurmd -f "$SLURM_CONF" >>"$wd/log/slurmd.stdout" 2>&1; then
        slurm__say "slurmd failed to start"
        slurm__dump_logs
        return 1
    fi
    for ((i = 0; i < ${SLURM_CI_START_TIMEOUT:-60} * 4; i++)); do
        state=$(timeout 5 sinfo -h -o %t 2>/dev/null | head -n 1) || state=
        if ! slurm__pidfile_alive "$wd/run/slurmctld.pid" || ! slurm__pidfile_alive "$wd/run/slurmd.pid"; then
            # pid files appear a moment after the daemons fork
            ((i > 20)) || [ "$state" = idle ] && { state="$state, but a daemon exited"; break; }
        elif [ "$state" = idle ]; then
            return 0
        fi
        sleep 0.25
    done
    slurm__say "node did not become idle within ${SLURM_CI_START_TIMEOUT:-60} s (state: '${state}')"
    slurm__dump_logs
    return 1
}

# Stop slurmd, slurmctld and (if we started it) munged. Safe to call twice,
# and when nothing was started.
slurm_stop() {
    local wd=${SLURM_CI_DIR:-} ids i
    [ -n "$wd" ] && [ -d "$wd/run" ] || return 0
    if slurm__pidfile_alive "$wd/run/slurmctld.pid"; then
        ids=$(timeout 5 squeue -h -o %A 2>/dev/null | sort -u) || ids=
        if [ -n "$ids" ]; then
            # shellcheck disable=SC2086
            timeout 10 scancel $ids 2>/dev/null || true
            for ((i = 0; i < 40; i++)); do
                [ -z "$(timeout 5 squeue -h -o %A 2>/dev/null)" ] && break
                sleep 0.25
            done
        fi
        timeout 10 scontrol shutdown >/dev/null 2>&1 || true
    fi
    slurm__kill_pidfile "$wd/run/slurmd.pid" 10
    slurm__kill_pidfile "$wd/run/slurmctld.pid" 10
    slurm__kill_pidfile "$wd/run/munged.pid" 10
    return 0
}

# Final records of JOBID (a job, an array job "A" or one task "A_T") from the
# jobcomp file, one line per job: "RAWJOBID ARRAYID STATE EXITCODE", where
# ARRAYID is A_T for array tasks, A_* for the never-started rest of an array
# (cancelled while pending: one record for all those tasks, without
# ArrayTaskId), and the job id for plain jobs. For "A_T" without a record of
# its own, the A_* record is printed if there is one.
slurm_job_records() {
    local id=${1:?usage: slurm_job_records JOBID} f=${SLURM_CI_DIR:-}/jobcomp.log
    [ -f "$f" ] || return 0
    awk -v want="$id" '
        function field(k,   m) {
            if (match($0, "(^| )" k "=[^ ]*")) {
                m = substr($0, RSTART, RLENGTH); sub(/^ /, "", m)
                return substr(m, length(k) + 2)
            }
            return ""
        }
        BEGIN { wa = want; sub(/_.*/, "", wa); task = (wa != want) }
        {
            jid = field("JobId"); st = field("JobState"); ec = field("ExitCode")
            aj = field("ArrayJobId"); at = field("ArrayTaskId")
            if (aj != "" && aj != "0") {
                name = aj "_" at
                if (want == aj || want == name || want == jid) { print jid, name, st, ec; n++ }
            } else if (want == jid) {
                print jid, jid, st, ec; n++
            } else if (task && wa == jid) {
                rest = rest jid " " jid "_* " st " " ec "\n"
            }
        }
        END { if (!n && rest != "") printf "%s", rest }' "$f"
}

# slurm_wait_job JOBID [TIMEOUT_S]: wait until JOBID (a job, an array job or
# one array task) has left the queue; print its final state: one word when all
# its jobs agree (COMPLETED, FAILED, CANCELLED, TIMEOUT, ...), else the
# distinct states joined by "," (e.g. CANCELLED,COMPLETED). A job left
# pending forever because its dependency can never be satisfied prints
# DependencyNeverSatisfied. Returns 0 only if every job COMPLETED, 1 for other
# final states, 2 on timeout (prints WAIT_TIMEOUT), 3 if slurmctld is gone
# (prints CONTROLLER_DOWN). Under "set -e" call it as
#   st=$(slurm_wait_job "$id" 60) || true
slurm_wait_job() {
    local id=${1:?usage: slurm_wait_job JOBID [TIMEOUT_S]} timeout_s=${2:-300}
    local deadline=$((SECONDS + timeout_s)) live snap="" states="" n=0
    local out rc
    while :; do
        out=$(timeout 10 squeue -h -j "$id" -o '%T %r' 2>&1) && rc=0 || rc=$?
        if [ "$rc" -eq 0 ] || [[ $out == *"Invalid job id"* ]]; then
            # a finished job is either gone ("Invalid job id" once purged) or
            # listed in a final state: only these states mean "still queued"
            live=$(printf '%s\n' "$out" | grep -E '^(PENDING|RUNNING|SUSPENDED|COMPLETING|CONFIGURING|REQUEUED|RESIZING|SIGNALING|STAGE_OUT|STOPPED|REQUEUE_)' |
                grep -v 'DependencyNeverSatisfied') || live=
            [ -z "$live" ] && break
            snap=$(timeout 10 scontrol -o show job "$id" 2>/dev/null) || true
        fi # else: squeue itself failed (controller busy?): ask again
        if [ -n "${SLURM_CI_DIR:-}" ] && ! slurm__pidfile_alive "$SLURM_CI_DIR/run/slurmctld.pid"; then
            echo CONTROLLER_DOWN # slurm_stop ran (signal?) or slurmctld died
            return 3
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo WAIT_TIMEOUT
            return 2
        fi
        sleep 0.5
    done
    # pending forever on a dependency that can never be satisfied (only
    # without kill_invalid_depend): no final record will ever come
    if timeout 10 squeue -h -j "$id" -t PD -o '%r' 2>/dev/null | grep -q DependencyNeverSatisfied; then
        states=$(slurm_job_records "$id" | awk '{print $3}' | sort -u | paste -sd, -)
        states=${states:+$states,}DependencyNeverSatisfied
        echo "$states"
        return 1
    fi
    # 1) jobcomp file (complete history, also after MinJobAge)
    for ((n = 0; n < 20; n++)); do
        states=$(slurm_job_records "$id" | awk '{print $3}' | sort -u | paste -sd, -)
        [ -n "$states" ] && break
        sleep 0.25 # jobcomp is written as the job ends; allow a moment
    done
    # 2) scontrol (kept for MinJobAge s), 3) last snapshot taken while it ran
    if [ -z "$states" ]; then
        snap=$(timeout 10 scontrol -o show job "$id" 2>/dev/null || printf '%s\n' "$snap")
        states=$(printf '%s\n' "$snap" | grep -o 'JobState=[A-Z_]*' | cut -d= -f2 | sort -u | paste -sd, -) || states=
    fi
    [ -n "$states" ] || states=UNKNOWN
    echo "$states"
    [ "$states" = COMPLETED ]
}
