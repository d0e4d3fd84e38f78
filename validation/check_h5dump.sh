#!/usr/bin/env bash
# h5dump (hdf5-tools) must read every kind of file Rom writes: new cases of each kind, and results of each kind.
# Prints 'PASS name' / 'FAIL name: why' per file; exits non-zero on any failure. Rom command from $ROM.
set -u
cd "$(dirname "$0")/.."
ROM=${ROM:-"dotnet run --project src/Rom.Cli -c Release --"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
$ROM new thermal-block --out "$tmp/thermal-block.h5" >/dev/null
$ROM new affine-system --out "$tmp/affine-system.h5" >/dev/null
$ROM new nonlinear-heat --out "$tmp/nonlinear-heat.h5" >/dev/null
$ROM run "$tmp/nonlinear-heat.h5" --out "$tmp/nonlinear-results.h5" --set problem.steps=40 --set output.plots=0 >/dev/null 2>&1
$ROM run "$tmp/affine-system.h5" --out "$tmp/affine-results.h5" --set output.export_system=1 >/dev/null 2>&1
$ROM run cases/thermal-block.h5 --out "$tmp/thermal-results.h5" --set problem.squares_per_side=20 >/dev/null 2>&1
$ROM new sweep --out "$tmp/sweep.h5" >/dev/null
$ROM sweep "$tmp/sweep.h5" --out "$tmp/sweep-data.h5" --set problem.count=6 --set problem.grid_size=18 >/dev/null 2>&1
for f in thermal-block.h5 affine-system.h5 nonlinear-heat.h5 affine-results.h5 thermal-results.h5 nonlinear-results.h5 sweep.h5 sweep-data.h5; do
  if [ ! -f "$tmp/$f" ]; then echo "FAIL h5dump $f: rom did not write it"; failed=1; continue; fi
  if h5dump "$tmp/$f" >"$tmp/dump.txt" 2>"$tmp/err.txt" && ! grep -qi error "$tmp/err.txt"; then
    echo "PASS h5dump reads $f ($(wc -l <"$tmp/dump.txt") lines)"
  else
    echo "FAIL h5dump $f: $(head -3 "$tmp/err.txt")"; failed=1
  fi
done
exit $failed
