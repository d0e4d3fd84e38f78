#!/usr/bin/python3
"""SciPy's restarted GMRES on a deterministic non-symmetric matrix, as a reference for Rom's Gmres.

The matrix is the 5-point upwind discretisation of -Δu + c·∇u on an N × N interior grid of the unit square
(h = 1/(N+1), scaled by h²): diagonal 4 + h(cx + cy), west -1 - h cx, south -1 - h cy, east and north -1,
with c = (CX, CY). The right-hand side is b_i = 1 + sin(i). Both are rebuilt in C# by the Rom test, which also
reads them from the fixture.

Usage: krylov_reference.py [--write FIXTURE.json] [--time N]
  prints SciPy's gmres(restart=40) matvec count, iterations and final relative residual for the fixture size;
  --write stores matrix, rhs, SciPy's solution and counts as JSON (tests/Rom.Tests/Krylov/Fixtures);
  --time N times SciPy's solve on the N × N grid (best of 5) for comparison with Rom's benchmark.
Needs Debian's python3-scipy (SciPy 1.10: `tol` is the relative tolerance, `maxiter` counts restart cycles).
"""
import argparse
import json
import time

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla

N = 24
CX, CY = 30.0, 20.0
RESTART = 40
RTOL = 1e-10


def convection_diffusion(n, cx=CX, cy=CY):
    h = 1.0 / (n + 1)
    rows, cols, vals = [], [], []
    for j in range(n):
        for i in range(n):
            k = i + n * j
            rows.append(k); cols.append(k); vals.append(4 + h * (cx + cy))
            for di, dj, v in ((-1, 0, -1 - h * cx), (1, 0, -1.0), (0, -1, -1 - h * cy), (0, 1, -1.0)):
                ii, jj = i + di, j + dj
                if 0 <= ii < n and 0 <= jj < n:
                    rows.append(k); cols.append(ii + n * jj); vals.append(v)
    return sp.csr_matrix((vals, (rows, cols)), shape=(n * n, n * n))


def rhs(size):
    return 1 + np.sin(np.arange(size, dtype=float))


def counted_gmres(a, b):
    count = [0]

    def matvec(v):
        count[0] += 1
        return a @ v

    op = spla.LinearOperator(a.shape, matvec=matvec, dtype=float)
    residuals = []
    x, info = spla.gmres(op, b, tol=RTOL, atol=0.0, restart=RESTART, maxiter=1000,
                         callback=residuals.append, callback_type="pr_norm")
    return x, info, count[0], len(residuals)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--write")
    parser.add_argument("--time", type=int)
    args = parser.parse_args()

    a = convection_diffusion(N)
    b = rhs(a.shape[0])
    x, info, matvecs, iterations = counted_gmres(a, b)
    relres = np.linalg.norm(b - a @ x) / np.linalg.norm(b)
    print(f"scipy {scipy.__version__} gmres(restart={RESTART}) n={a.shape[0]} nnz={a.nnz}: info={info} "
          f"matvecs={matvecs} iterations={iterations} relres={relres:.3e}")
    if args.write:
        a.sort_indices()
        fixture = {
            "description": f"5-point upwind convection-diffusion, N={N}, c=({CX},{CY}); SciPy {scipy.__version__} gmres",
            "n": int(a.shape[0]), "indptr": a.indptr.tolist(), "indices": a.indices.tolist(),
            "data": a.data.tolist(), "rhs": b.tolist(), "restart": RESTART, "rtol": RTOL,
            "scipy_solution": x.tolist(), "scipy_matvecs": matvecs, "scipy_iterations": iterations,
        }
        with open(args.write, "w") as f:
            json.dump(fixture, f)
        print(f"wrote {args.write}")
    if args.time:
        big = convection_diffusion(args.time)
        bb = rhs(big.shape[0])
        best = np.inf
        for _ in range(5):
            start = time.perf_counter()
            xb, infob, mv, it = counted_gmres(big, bb)
            best = min(best, time.perf_counter() - start)
        rel = np.linalg.norm(bb - big @ xb) / np.linalg.norm(bb)
        print(f"timing N={args.time} (n={big.shape[0]}): info={infob} matvecs={mv} iterations={it} "
              f"relres={rel:.3e} best of 5: {best:.4f} s")


if __name__ == "__main__":
    main()
