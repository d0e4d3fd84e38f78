#!/usr/bin/env bash
# Iterations of a sorted, recycled sweep against shard length: 64 SKR Darcy systems (34² grid, GCRO-DR(40, 20)),
# split into n = 1, 2, 4, 8, 16, 32 shards, each shard starting with an empty recycle space.
set -eu
rom=$(realpath "${1:?usage: bash validation/shard_length.sh ROM OUT}"); out=$(realpath -m "${2:?usage: bash validation/shard_length.sh ROM OUT}"); work=$(mktemp -d)
cd "$work"
$rom new sweep --out case.h5 --set problem.count=64 --set output.plots=0 >/dev/null
echo "shards  systems/shard  mean iterations per system  mean matvecs  seconds per system" > "$out"
for n in 1 2 4 8 16 32; do
  shards=()
  for ((i = 1; i <= n; i++)); do
    $rom sweep case.h5 --shard $i/$n --out s$i-$n.h5 >/dev/null 2>&1; shards+=(s$i-$n.h5)
  done
  if [ "$n" -gt 1 ]; then $rom sweep merge "${shards[@]}" --out m$n.h5 >/dev/null; else cp s1-1.h5 m1.h5; fi
  /usr/bin/python3 - m$n.h5 $n >> "$out" <<'PY'
import sys, h5py, numpy as np
f = h5py.File(sys.argv[1], "r"); n = int(sys.argv[2])
print(f"{n:6d}  {64 // n:13d}  {np.mean(f['iterations'][()]):26.1f}  {np.mean(f['matvecs'][()]):12.1f}  {np.mean(f['seconds'][()]):18.4f}")
PY
done
rm -rf "$work"
cat "$out"
