#!/usr/bin/python3
"""SciPy's side of `rom bench krylov`: times gmres(restart), cg and spsolve on systems that Rom exported.

Usage: bench_krylov.py SYSTEMS.h5 [--methods gmres,cg,spsolve] [--tol 1e-8] [--restart 40]
                       [--direct-subset K] [--count-subset K]
The file holds /systems/<i>/A (CSR in SciPy's layout: data, indices, indptr, attribute shape) and /systems/<i>/b.
Prints a JSON array, one object per (system, method): index, method, seconds, iterations, matvecs (null where not
counted), relative_residual (recomputed), converged.
- Timed solves run on the bare CSR matrix; gmres iterations come from callback_type="pr_norm" (one call per
  Arnoldi step), cg iterations from its callback.
- Products with A are counted in a second, untimed solve through a counting LinearOperator, on the first
  --count-subset systems only (default 5), so the counting wrapper never inflates the timings.
- spsolve runs on the first --direct-subset systems only (default: all), as it is slow in 3-D.
Needs Debian's python3-scipy and python3-h5py (SciPy 1.10: `tol` is the relative tolerance, gmres' `maxiter` counts
restart cycles).
"""
import argparse
import json
import time

import h5py
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def read_system(group):
    a = group["A"]
    shape = tuple(int(v) for v in a.attrs["shape"])
    matrix = sp.csr_matrix((a["data"][()], a["indices"][()], a["indptr"][()]), shape=shape)
    return matrix, group["b"][()]


def solve(method, a, b, tol, restart):
    steps = [0]

    def step(_):
        steps[0] += 1

    if method == "gmres":
        x, info = spla.gmres(a, b, tol=tol, atol=0.0, restart=restart, maxiter=100_000,
                             callback=step, callback_type="pr_norm")
    elif method == "cg":
        x, info = spla.cg(a, b, tol=tol, atol=0.0, maxiter=100_000, callback=step)
    elif method == "spsolve":
        x, info = spla.spsolve(a.tocsc(), b), 0
    else:
        raise SystemExit(f"unknown method '{method}'; expected gmres, cg or spsolve")
    return x, info, steps[0]


def count_products(method, a, b, tol, restart):
    count = [0]

    def matvec(v):
        count[0] += 1
        return a @ v

    op = spla.LinearOperator(a.shape, matvec=matvec, dtype=float)
    solve(method, op, b, tol, restart)
    return count[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("systems")
    parser.add_argument("--methods", default="gmres,cg,spsolve")
    parser.add_argument("--tol", type=float, default=1e-8)
    parser.add_argument("--restart", type=int, default=40)
    parser.add_argument("--direct-subset", type=int, default=None)
    parser.add_argument("--count-subset", type=int, default=5)
    args = parser.parse_args()

    rows = []
    with h5py.File(args.systems, "r") as f:
        names = sorted(f["systems"].keys(), key=int)
        for position, name in enumerate(names):
            a, b = read_system(f["systems"][name])
            for method in args.methods.split(","):
                if method == "spsolve" and args.direct_subset is not None and position >= args.direct_subset:
                    continue
                start = time.perf_counter()
                x, info, iterations = solve(method, a, b, args.tol, args.restart)
                seconds = time.perf_counter() - start
                residual = float(np.linalg.norm(b - a @ x) / np.linalg.norm(b))
                matvecs = None
                if method != "spsolve" and position < args.count_subset:
                    matvecs = count_products(method, a, b, args.tol, args.restart)
                rows.append({
                    "index": int(name), "method": method, "seconds": seconds, "iterations": iterations,
                    "matvecs": matvecs, "relative_residual": residual,
                    "converged": bool(info == 0),
                })
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
