#!/usr/bin/python3
"""Times NumPy (with Debian's OpenBLAS) applying a Kronecker product of two factors to many vectors, for the
side-by-side comparison with Rom's KroneckerOperator in `rom bench spectral`.

Usage: /usr/bin/python3 validation/bench_kron_numpy.py FOLDER N1 N2 COUNT SECONDS

FOLDER holds raw little-endian float64 files written by Rom: k1.bin (N1 x N1, row-major), k2.bin (N2 x N2) and
x.bin (COUNT vectors of N1*N2, each the row-major N1 x N2 array X_b, i.e. x.ravel()). The product
(K1 kron K2) x_b is the matrix product K1 @ X_b @ K2.T, computed for all b at once as a stacked matmul on the
contiguous (COUNT, N1, N2) array -- the issue's `K2 @ X @ K1.T` written for NumPy's row-major layout. The call is
repeated for about SECONDS; the best time is printed as 'numpy_seconds <s>' and the result written to y.bin.
"""
import sys
import time

import numpy as np


def main(folder, n1, n2, count, seconds):
    n1, n2, count, seconds = int(n1), int(n2), int(count), float(seconds)
    k1 = np.fromfile(f"{folder}/k1.bin", dtype="<f8").reshape(n1, n1)
    k2 = np.fromfile(f"{folder}/k2.bin", dtype="<f8").reshape(n2, n2)
    x = np.fromfile(f"{folder}/x.bin", dtype="<f8").reshape(count, n1, n2)
    y = k1 @ x @ k2.T  # warm-up
    best, spent = float("inf"), 0.0
    while spent < seconds or best == float("inf"):
        t0 = time.perf_counter()
        y = k1 @ x @ k2.T
        elapsed = time.perf_counter() - t0
        best, spent = min(best, elapsed), spent + elapsed
    y.astype("<f8").tofile(f"{folder}/y.bin")
    print(f"numpy {np.__version__}")
    print(f"numpy_seconds {best:.6f}")


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(*sys.argv[1:])
