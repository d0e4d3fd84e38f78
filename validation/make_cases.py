#!/usr/bin/python3
"""Writes the validation cases of `rom validate` (validation/cases/*.h5) with h5py and SciPy.

Run with Debian's interpreter: /usr/bin/python3 validation/make_cases.py [--out validation/cases]
The files are committed, so `rom validate` needs no Python; this script documents and regenerates them.
"""
import argparse
import os

import h5py
import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def poisson_square_mean(terms=200):
    """Mean of u for -Lap u = 1 on the unit square, u = 0 on the boundary (double sine series)."""
    odd = np.arange(1, 2 * terms, 2, dtype=float)
    m, n = np.meshgrid(odd, odd, indexing="ij")
    return 64.0 / np.pi**6 * np.sum(1.0 / (m**2 * n**2 * (m**2 + n**2)))


def affine_fd_system(m=48):
    """A(mu) = mu0 A0 + mu1 A1 + mu2 A2 on an m x m interior grid of (0,1)^2, Dirichlet zero.

    A0, A1: 5-point diffusion restricted to edges whose midpoint lies left / right of x = 1/2;
    A2: h^2 I (a reaction term). Right-hand side h^2 (1 + x). Each term is symmetric PSD; the sum is SPD.
    """
    h = 1.0 / (m + 1)
    idx = lambda i, j: i + m * j
    rows, cols, vals = [[], [], []], [[], [], []], [[], [], []]
    def edge(q, a, b):  # a, b node indices (b may be None: a boundary neighbour)
        rows[q].append(a); cols[q].append(a); vals[q].append(1.0)
        if b is not None:
            rows[q] += [b, a, b]; cols[q] += [b, b, a]; vals[q] += [1.0, -1.0, -1.0]
    for j in range(m):
        for i in range(m):
            x = (i + 1) * h
            # edge to the right neighbour (or the boundary) and to the upper neighbour (or the boundary)
            edge(0 if x + h / 2 < 0.5 else 1, idx(i, j), idx(i + 1, j) if i + 1 < m else None)
            edge(0 if x < 0.5 else 1, idx(i, j), idx(i, j + 1) if j + 1 < m else None)
            if i == 0:
                edge(0 if x - h / 2 < 0.5 else 1, idx(i, j), None)  # left boundary edge
            if j == 0:
                edge(0 if x < 0.5 else 1, idx(i, j), None)          # bottom boundary edge
    n = m * m
    terms = [sp.csr_matrix((vals[q], (rows[q], cols[q])), shape=(n, n)) for q in range(2)]
    terms.append(sp.identity(n, format="csr") * h * h)
    for a in terms:
        a.sum_duplicates()
        a.sort_indices()
    xs = (np.arange(n) % m + 1) * h
    return terms, h * h * (1.0 + xs)


def write_envelope(f, kind, title):
    f.attrs["format"] = "rom-case"
    f.attrs["format_version"] = 1
    f.attrs["kind"] = kind
    f.attrs["title"] = title


def write_affine_case(path, mu, reference=True, tolerance=1e-12):
    """Writes the affine FD system as an h5py case (chunked, gzip); returns the SciPy solution."""
    terms, rhs = affine_fd_system()
    u = spla.spsolve(sum(c * a for c, a in zip(mu, terms)).tocsc(), rhs)
    with h5py.File(path, "w") as f:
        write_envelope(f, "affine-system", "5-point diffusion, two regions + reaction, written by h5py")
        for q, a in enumerate(terms):
            g = f.create_group(f"data/operators/{q}")
            g.create_dataset("data", data=a.data, chunks=(1024,), compression="gzip")
            g.create_dataset("indices", data=a.indices.astype(np.int32), chunks=(1024,), compression="gzip")
            g.create_dataset("indptr", data=a.indptr.astype(np.int32), chunks=(512,), compression="gzip")
            g.attrs["shape"] = np.array(a.shape, dtype=np.int64)
        f.create_dataset("data/rhs", data=rhs, chunks=(512,), compression="gzip")
        f.create_group("run").attrs["mu"] = np.asarray(mu, dtype=float)
        f.create_group("solver").attrs["relative_tolerance"] = tolerance
        if reference:
            r = f.create_group("reference")
            r.attrs["source"] = f"scipy.sparse.linalg.spsolve (SciPy {scipy.__version__}) on the same matrices, validation/make_cases.py"
            r.attrs["solution_relative_tolerance"] = 1e-8
            r.create_dataset("solution", data=u)
    return u


def exponential_fd_matrix(mu, m=30):
    """5-point FD matrix of -div(exp(mu0 x + mu1 y) grad u) on an m x m interior grid of (0,1)^2, Dirichlet zero.

    The conductivity is taken at edge midpoints (boundary edges included), so the matrix is SPD and its pattern
    does not depend on mu; it is not affine in mu (the operator-eim kind interpolates it).
    """
    h = 1.0 / (m + 1)
    k = lambda x, y: np.exp(mu[0] * x + mu[1] * y)
    idx = lambda i, j: i + m * j
    rows, cols, vals = [], [], []
    for j in range(m):
        for i in range(m):
            x, y = (i + 1) * h, (j + 1) * h
            a = idx(i, j)
            for (dx, dy, ni, nj) in ((1, 0, i + 1, j), (-1, 0, i - 1, j), (0, 1, i, j + 1), (0, -1, i, j - 1)):
                c = k(x + dx * h / 2, y + dy * h / 2)
                rows.append(a); cols.append(a); vals.append(c)
                if 0 <= ni < m and 0 <= nj < m:
                    rows.append(a); cols.append(idx(ni, nj)); vals.append(-c)
    a = sp.csr_matrix((vals, (rows, cols)), shape=(m * m, m * m))
    a.sum_duplicates()
    a.sort_indices()
    return a


def write_csr(f, path, a):
    g = f.create_group(path)
    g.create_dataset("data", data=a.data, chunks=(1024,), compression="gzip")
    g.create_dataset("indices", data=a.indices.astype(np.int32), chunks=(1024,), compression="gzip")
    g.create_dataset("indptr", data=a.indptr.astype(np.int32), chunks=(512,), compression="gzip")
    g.attrs["shape"] = np.array(a.shape, dtype=np.int64)


def write_operator_eim_case(path, m=30, grid=8, tests=20, seed=7):
    """Sampled matrices of the exponential-conductivity FD family: a grid x grid training grid on [-1, 1]^2
    (corners included) and uniform random test parameters; reference: spsolve at test parameter 0."""
    axis = np.linspace(-1.0, 1.0, grid)
    training = np.array([[a, b] for a in axis for b in axis])
    test = np.random.default_rng(seed).uniform(-1.0, 1.0, size=(tests, 2))
    n = m * m
    xs = (np.arange(n) % m + 1) / (m + 1)
    rhs = np.full(n, 1.0 / (m + 1) ** 2) * (1.0 + xs)
    u = spla.spsolve(exponential_fd_matrix(test[0], m).tocsc(), rhs)
    with h5py.File(path, "w") as f:
        write_envelope(f, "operator-eim", "5-point diffusion with conductivity exp(mu0 x + mu1 y), sampled by SciPy")
        for name, mus in (("training", training), ("test", test)):
            for j, mu in enumerate(mus):
                write_csr(f, f"data/{name}/matrices/{j}", exponential_fd_matrix(mu, m))
            f.create_dataset(f"data/{name}/parameters", data=mus)
        f.create_dataset("data/rhs", data=rhs, chunks=(512,), compression="gzip")
        f.create_group("run").attrs["sample"] = 0
        f.create_group("solver").attrs["relative_tolerance"] = 1e-12
        r = f.create_group("reference")
        r.attrs["source"] = f"scipy.sparse.linalg.spsolve (SciPy {scipy.__version__}) at test parameter 0, validation/make_cases.py"
        r.attrs["solution_relative_tolerance"] = 1e-8
        r.create_dataset("solution", data=u)
    return u


def write_poisson_case(path):
    with h5py.File(path, "w") as f:
        write_envelope(f, "thermal-block", "-Lap u = 1 on the unit square: mean of u against the series solution")
        p = f.create_group("problem")
        p.attrs["blocks_x"] = 1
        p.attrs["blocks_y"] = 1
        p.attrs["squares_per_side"] = 141
        p.attrs["triangulation"] = "four"
        f.create_group("run").attrs["diffusion"] = np.array([1.0])
        r = f.create_group("reference")
        r.attrs["source"] = "(64/pi^6) sum over odd m,n of 1/(m^2 n^2 (m^2+n^2)); P1 error O(h^2) at h = 1/141"
        c = r.create_group("checks/output_mean")
        c.attrs["summary_key"] = "output_mean"
        c.attrs["value"] = poisson_square_mean()
        c.attrs["relative_tolerance"] = 1e-4


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "cases"))
    out = parser.parse_args().out
    os.makedirs(out, exist_ok=True)
    write_poisson_case(os.path.join(out, "poisson-mean.h5"))
    write_affine_case(os.path.join(out, "scipy-affine-system.h5"), mu=[0.3, 0.9, 0.5])
    write_operator_eim_case(os.path.join(out, "scipy-operator-eim.h5"))
    print(f"wrote {out}/poisson-mean.h5, {out}/scipy-affine-system.h5 and {out}/scipy-operator-eim.h5")


if __name__ == "__main__":
    main()
