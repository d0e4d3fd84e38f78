#!/usr/bin/python3
"""Times SciPy's spsolve on a matrix Rom exported, for the side-by-side comparison with Rom's SparseCholesky.

Usage: /usr/bin/python3 validation/bench_direct.py FILE.h5 [GROUP]

FILE.h5 holds the matrix as a group (default "A") in SciPy's CSR layout (datasets data, indices, indptr and a
shape attribute) and the right-hand side as dataset "rhs"; if it also holds "x_rom" (Rom's solution), the
relative difference of the two solutions is printed. spsolve runs with SuperLU's default permc_spec (COLAMD);
the best of 5 wall-clock times is printed as 'scipy_spsolve_s <seconds>' and written back to the file as the
root attribute scipy_spsolve_s, with SciPy's solution as dataset x_scipy.
"""
import sys
import time

import h5py
import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def main(path, group="A"):
    with h5py.File(path, "r") as f:
        g = f[group]
        a = sp.csr_matrix((g["data"][()], g["indices"][()], g["indptr"][()]), shape=tuple(g.attrs["shape"]))
        b = f["rhs"][()]
        x_rom = f["x_rom"][()] if "x_rom" in f else None
    a.sort_indices()
    best, x = float("inf"), None
    for _ in range(5):
        t0 = time.perf_counter()
        x = spla.spsolve(a, b)
        best = min(best, time.perf_counter() - t0)
    print(f"scipy {scipy.__version__}, n = {a.shape[0]}, nnz(A) = {a.nnz}")
    print(f"scipy_spsolve_s {best:.6f}")
    print(f"scipy_relative_residual {np.linalg.norm(a @ x - b) / np.linalg.norm(b):.3e}")
    if x_rom is not None:
        print(f"relative_difference {np.linalg.norm(x - x_rom) / np.linalg.norm(x):.3e}")
    with h5py.File(path, "a") as f:
        f.attrs["scipy_spsolve_s"] = best
        if "x_scipy" in f:
            del f["x_scipy"]
        f["x_scipy"] = x


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(*sys.argv[1:])
