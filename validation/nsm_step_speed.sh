#!/usr/bin/env bash
# NSM training speed of two Rom builds side by side: the same short `rom bench nsm` runs, alternating the builds
# REPEATS times so that both see the same load, then (build NEW) the equivariant NSM and the PINN-loss FNO on
# Navier–Stokes with the same step budget. Prints the training seconds of each run and the medians' ratios. The runs
# are seeded, so the errors of two builds differ only by rounding (grown over the steps where the builds sum in
# different orders).
# usage: bash validation/nsm_step_speed.sh OLD_ROM NEW_ROM OUT [STEPS] [REPEATS]
set -eu
usage="usage: bash validation/nsm_step_speed.sh OLD_ROM NEW_ROM OUT [STEPS] [REPEATS]"
old=$(realpath "${1:?$usage}"); new=$(realpath "${2:?$usage}"); out=$(realpath -m "${3:?$usage}")
steps=${4:-100}; repeats=${5:-3}; work=$(mktemp -d)
# run LABEL ROM ARGS...: one bench, its rows as "LABEL problem method error seconds"
run() {
  local label=$1 rom=$2; shift 2
  "$rom" bench nsm --steps "$steps" --width 16 --lr 1e-2 "$@" --out "$work/t.txt" >/dev/null 2>&1
  awk -v l="$label" '$1 ~ /^(poisson|navier)/ && ($5 == "s" || $5 == "ms") { gsub(",", "", $4); print l, $1, $2, $3, ($5 == "ms" ? $4 / 1000 : $4) }' "$work/t.txt"
}
{
  echo "== bash validation/nsm_step_speed.sh OLD NEW OUT $steps $repeats   (OLD = $old, NEW = $new; $(nproc) cores, $(date -u +%F))"
  echo "build problem method test-rel-L2 train-seconds ($steps steps, width 16, lr 1e-2)"
  for ((r = 1; r <= repeats; r++)); do
    for b in old new; do
      rom=$old; [ $b = new ] && rom=$new
      run $b "$rom" --problems navier-stokes --methods nsm-equivariant
      run $b "$rom" --problems poisson --methods nsm,nsm-equivariant
    done
    run new-vs-pinn "$new" --problems navier-stokes --methods nsm-equivariant,pinn --grids 32
  done
} | tee "$work/rows.txt" > "$out"
/usr/bin/python3 - "$work/rows.txt" >> "$out" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1]) if not l.startswith(("==", "build"))]
med = {}
for build, problem, method, err, sec in rows:
    med.setdefault((build, problem, method), []).append(float(sec))
med = {k: statistics.median(v) for k, v in med.items()}
print("\nmedian train seconds and ratios:")
for (build, problem, method), s in sorted(med.items()):
    print(f"  {build:12s} {problem:32s} {method:16s} {s:8.1f} s")
for (build, problem, method), s in sorted(med.items()):
    if build == "old" and ("new", problem, method) in med:
        print(f"  old / new  {problem} {method}: {s / med[('new', problem, method)]:.2f}")
p = "navier-stokes-nu0.001-T3-forced"
if ("new-vs-pinn", p, "pinn-32") in med:
    print(f"  PINN-loss FNO 32² / NSM shift-equivariant, per step (NEW): {med[('new-vs-pinn', p, 'pinn-32')] / med[('new-vs-pinn', p, 'nsm-equivariant')]:.2f}")
PY
rm -rf "$work"
cat "$out"
