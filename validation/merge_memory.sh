#!/usr/bin/env bash
# validation/merge_memory.sh -- the memory of rom sweep merge against the size of what it merges (docs/scaling.md).
# Four real shard files of a 64-system sweep are widened with h5py (Debian's) to rows of W values in /solutions and
# /inputs (the merge copies rows and never looks inside them), for W = 2^18 and 2^20 (0.27 and 1.07 GB of rows); each
# merge's peak resident memory (/usr/bin/time) and time are written beside the bytes merged, and the merged file is
# checked against the shards' rows by h5py.
# Usage: bash validation/merge_memory.sh [ROM] [OUT]   (default OUT: docs/benchmarks/merge-memory.txt)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
rom=$(realpath "${1:-$repo/src/Rom.Cli/bin/Release/net10.0/Rom.Cli}")
out=$(realpath -m "${2:-$repo/docs/benchmarks/merge-memory.txt}")
wd=$(mktemp -d /tmp/rom-merge-memory.XXXXXX)
trap 'rm -rf "$wd"' EXIT
cd "$wd"
"$rom" new sweep --out sweep.h5 --set problem.grid_size=18 --set problem.count=64 --set sweep.method=cg \
    --set problem.family=darcy-spd --set output.plots=0 >/dev/null
for i in 1 2 3 4; do "$rom" sweep sweep.h5 --shard "$i/4" --out "shard$i.h5" >/dev/null 2>&1; done
{
    echo "# rom sweep merge of 4 shards (64 systems), rows widened to W values: peak resident memory against the rows merged"
    echo "# $(date -u +%F) on $(nproc) cores; bash validation/merge_memory.sh"
    printf '%-10s %12s %14s %10s %s\n' W "rows (MB)" "peak RSS (MB)" "seconds" "check"
} >"$out"
for W in 262144 1048576; do
    /usr/bin/python3 - "$W" shard1.h5 shard2.h5 shard3.h5 shard4.h5 <<'PY'
import sys, h5py, numpy as np
w = int(sys.argv[1])
for path in sys.argv[2:]:
    with h5py.File(path, "r+") as f:
        idx = f["indices"][()]
        for name in ("solutions", "inputs"):
            del f[name]
            f[name] = np.add.outer(idx * 1.0e7, np.arange(w, dtype=np.float64)) + (0.5 if name == "inputs" else 0.0)
PY
    rm -f merged.h5
    /usr/bin/time -f '%M %e' -o time.txt "$rom" sweep merge shard1.h5 shard2.h5 shard3.h5 shard4.h5 --out merged.h5 >/dev/null
    read -r kb seconds <time.txt
    check=$(/usr/bin/python3 - "$W" <<'PY'
import sys, h5py, numpy as np
w = int(sys.argv[1])
with h5py.File("merged.h5", "r") as f:
    idx = f["indices"][()]
    ok = np.array_equal(idx, np.arange(64)) and all(
        np.array_equal(f[n][()], np.add.outer(idx * 1.0e7, np.arange(w, dtype=np.float64)) + off)
        for n, off in (("solutions", 0.0), ("inputs", 0.5)))
print("rows equal the shards'" if ok else "ROWS DIFFER")
PY
)
    printf '%-10s %12.0f %14.0f %10s %s\n' "$W" "$(echo "64 * $W * 16 / 1000000" | bc -l)" "$(echo "$kb / 1024" | bc -l)" "$seconds" "$check" >>"$out"
done
cat "$out"
