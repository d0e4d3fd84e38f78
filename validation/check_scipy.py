#!/usr/bin/python3
"""Independent checks of Rom against SciPy and h5py (Debian's python3-scipy and python3-h5py).

1. Rom exports the thermal-block stiffness matrix and load vector of cases/thermal-block.h5 to HDF5;
   SciPy's spsolve on those arrays must agree with Rom's solution to 1e-8 relative.
2. A case whose matrices h5py wrote (chunked, gzip, int32 indices) runs through `rom run` and agrees
   with SciPy's solution to 1e-8 relative.
3. Rom's results files carry the documented envelope and provenance, readable by h5py.
4. `rom sweep` on the shipped Darcy sweep case writes a dataset h5py reads; the SKR Darcy matrix re-assembled
   here from a stored input field, solved by spsolve, agrees with the stored solution.
5. A matrix-list sweep case written by h5py (systems from "another code") through `rom sweep`: every stored
   solution agrees with spsolve on the matrices h5py wrote.
6. The SciPy-written operator-eim case through `rom run` succeeds; its coercivity estimates agree with eigsh (from above, to 1e-4).
7. `rom sweep` of the shipped FNO Darcy case (two systems on a 129 x 129 grid): the stored coefficient takes only the values
   3 and 12, the arithmetic-average 5-point matrix re-assembled here from it and solved by spsolve agrees with the stored
   solution (zero on the boundary), and the dataset stored at 33 x 33 is every fourth point of the 129 x 129 one.

Prints one 'PASS name' or 'FAIL name: why' line per check and exits non-zero on any failure.
The rom command is taken from $ROM (default: dotnet run --project src/Rom.Cli -c Release --).
"""
import os
import shlex
import subprocess
import sys
import tempfile

import h5py
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla

sys.path.insert(0, os.path.dirname(__file__))
import make_cases  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROM = shlex.split(os.environ.get("ROM", "dotnet run --project src/Rom.Cli -c Release --"))
failures = 0


def report(name, ok, why=""):
    global failures
    print(f"PASS {name}" if ok else f"FAIL {name}: {why}", flush=True)
    failures += 0 if ok else 1


def rom(*args):
    run = subprocess.run(ROM + list(args), cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"rom {' '.join(args)} exited {run.returncode}: {run.stderr.strip()}")
    return run


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def read_csr(g):
    shape = tuple(int(s) for s in g.attrs["shape"])
    return sp.csr_matrix((g["data"][...], g["indices"][...], g["indptr"][...]), shape=shape)


def relative(u, v):
    return np.linalg.norm(u - v) / np.linalg.norm(v)


def check_exported_system(tmp):
    out = os.path.join(tmp, "thermal-block.h5")
    rom("run", "cases/thermal-block.h5", "--out", out, "--set", "output.export_system=1",
        "--set", "solver.relative_tolerance=1e-13", "--set", "output.plots=0", "--set", "reduction.enabled=0")
    with h5py.File(out, "r") as f:
        a = read_csr(f["system/matrix"])
        b = f["system/rhs"][...]
        u = f["solution/u"][...]
        report("results envelope", text(f.attrs["format"]) == "rom-results" and int(f.attrs["format_version"]) == 1
               and len(text(f.attrs["case_sha256"])) == 64 and text(f.attrs["kind"]) == "thermal-block",
               "format/version/provenance attributes missing or wrong")
        nodes = f["mesh/coordinates"].shape[0]
    report("thermal-block has 40,045 nodes", nodes == 40045, f"found {nodes}")
    asym = abs(a - a.T).max() / abs(a).max()
    report("exported matrix is symmetric", asym < 1e-14, f"max |A - A^T| / max |A| = {asym:.2e}")
    x = spla.spsolve(a.tocsc(), b)
    err = relative(u, x)
    report(f"thermal-block solution vs scipy spsolve (rel. error {err:.2e})", err < 1e-8, f"relative error {err:.2e} > 1e-8")


def check_h5py_written_case(tmp):
    case = os.path.join(tmp, "h5py-case.h5")
    mu = [0.7, 0.2, 1.0]
    x = make_cases.write_affine_case(case, mu=mu, reference=False)
    out = os.path.join(tmp, "h5py-case.results.h5")
    rom("run", case, "--out", out, "--set", "output.plots=0")
    with h5py.File(out, "r") as f:
        u = f["solution/u"][...]
        succeeded = int(f.attrs["succeeded"])
    err = relative(u, x)
    report(f"h5py-written chunked gzip case vs scipy (rel. error {err:.2e})", succeeded == 1 and err < 1e-8,
           f"succeeded={succeeded}, relative error {err:.2e}")


def check_operator_eim_case(tmp):
    """The SciPy-written operator-eim case through `rom run`: it succeeds (bounds hold on the test matrices), and
    Rom's inverse-iteration coercivities lambda_min(A_j, X) agree with ARPACK's (shift-invert eigsh) to 1e-4 (the
    generalized spectrum is clustered near its bottom, so inverse iteration stops a few 1e-6 above it; the
    safety s = 0.1 of the sampled bound covers that many times over)."""
    case = os.path.join(ROOT, "validation", "cases", "scipy-operator-eim.h5")
    out = os.path.join(tmp, "operator-eim.results.h5")
    rom("run", case, "--out", out, "--set", "output.plots=0")
    with h5py.File(case, "r") as f:
        g = f["data/training/matrices"]
        training = [read_csr(g[str(j)]) for j in range(len(g))]
    with h5py.File(out, "r") as f:
        succeeded = int(f.attrs["succeeded"])
        alphas = f["eim/training_coercivities"][...]
        entrywise = f["eim/test_entrywise_errors"][...]
    x = sum(training) / len(training)
    reference = np.array([spla.eigsh(a.tocsc(), k=1, M=x.tocsc(), sigma=0, which="LM", return_eigenvectors=False)[0] for a in training])
    err = np.max(np.abs(alphas - reference) / reference)
    report(f"operator-eim SciPy case runs and certifies (EIM test error {entrywise.max():.1e}, coercivities vs eigsh {err:.1e})",
           succeeded == 1 and err < 1e-4 and np.all(alphas >= reference * (1 - 1e-12)), f"succeeded={succeeded}, max relative coercivity difference {err:.2e}")


def five_point_matrix(a, face):
    """A 5-point matrix on the interior of the s x s grid field a (unknowns in row-major order of the interior), with
    u = 0 on the boundary: for each interior point p and each of its four neighbours q, face(a_p, a_q) gives what adds
    to the diagonal and the entry at q when q is interior; b = h^2 * 1, h = 1/(s - 1). Assembled here independently of Rom."""
    s = a.shape[0]
    m = s - 2
    index = lambda i, j: (i - 1) * m + (j - 1)
    rows, cols, vals = [], [], []
    for i in range(1, s - 1):
        for j in range(1, s - 1):
            p, diagonal = index(i, j), 0.0
            for di, dj in ((-1, 0), (1, 0), (0, 1), (0, -1)):
                ni, nj = i + di, j + dj
                to_diagonal, entry = face(a[i, j], a[ni, nj])
                diagonal += to_diagonal
                if 1 <= ni <= m and 1 <= nj <= m:
                    rows.append(p); cols.append(index(ni, nj)); vals.append(entry)
            rows.append(p); cols.append(p); vals.append(diagonal)
    h = 1.0 / (s - 1)
    return sp.csr_matrix((vals, (rows, cols)), shape=(m * m, m * m)), np.full(m * m, h * h)


def skr_darcy_matrix(a):
    """SKR's 5-point matrix: 4 a_p on the diagonal, -a_q for each interior neighbour q (N, S, E, W)."""
    return five_point_matrix(a, lambda p, q: (p, -q))


def fno_darcy_matrix(a):
    """-div(a grad u) = 1 by flux differences with arithmetic face averages (the FNO generator's): each face adds
    (a_p + a_q)/2 to the diagonal and subtracts it at an interior neighbour."""
    return five_point_matrix(a, lambda p, q: (0.5 * (p + q), -0.5 * (p + q)))


def check_sweep_dataset(tmp):
    out = os.path.join(tmp, "darcy-sweep.h5")
    rom("sweep", "cases/darcy-sweep.h5", "--out", out, "--set", "problem.count=10")
    with h5py.File(out, "r") as f:
        inputs, solutions = f["inputs"][...], f["solutions"][...]
        order, residuals = f["order"][...], f["residuals"][...]
        ok = (text(f.attrs["kind"]) == "sweep" and text(f.attrs["family"]) == "skr-darcy" and inputs.shape == (10, 34 * 34)
              and solutions.shape == (10, 32 * 32) and sorted(order) == list(range(10)) and int(f["summary"].attrs["all_converged"]) == 1
              and text(f["case/sweep"].attrs["method"]) == "gcro-dr")
    report("rom sweep dataset read by h5py (inputs, solutions, order, settings)", ok, "unexpected layout or values")
    worst = 0.0
    for i in (0, 7):
        a, b = skr_darcy_matrix(inputs[i].reshape(34, 34))
        x = spla.spsolve(a.tocsc(), b)
        worst = max(worst, relative(solutions[i], x))
        res = np.linalg.norm(b - a @ solutions[i]) / np.linalg.norm(b)
        report(f"sweep system {i}: residual on the re-assembled matrix {res:.2e} (stored {residuals[i]:.2e})",
               res <= 1.01e-8 and abs(res - residuals[i]) <= 1e-3 * 1e-8, f"residual {res:.2e}, stored {residuals[i]:.2e}")
    report(f"sweep solutions vs scipy spsolve on the re-assembled matrix (rel. error {worst:.2e})", worst < 1e-5,
           f"relative error {worst:.2e} > 1e-5")


def check_fno_darcy_sweep(tmp):
    fine, coarse = os.path.join(tmp, "fno-129.h5"), os.path.join(tmp, "fno-33.h5")
    common = ["--set", "problem.count=2", "--set", "problem.grid_size=129"]
    rom("sweep", "cases/fno-darcy-sweep.h5", *common, "--set", "problem.output_size=129", "--out", fine)
    rom("sweep", "cases/fno-darcy-sweep.h5", *common, "--set", "problem.output_size=33", "--out", coarse)
    with h5py.File(fine, "r") as f, h5py.File(coarse, "r") as g:
        grid, coarse_grid = list(f.attrs["grid"]), list(g.attrs["grid"])
        inputs, solutions, residuals = f["inputs"][...], f["solutions"][...], f["residuals"][...]
        coarse_inputs, coarse_solutions = g["inputs"][...], g["solutions"][...]
    a = inputs.reshape(2, 129, 129)
    u = solutions.reshape(2, 129, 129)
    report("fno-darcy dataset: @grid, only the values 3 and 12, zero boundary", grid == [129, 129] and coarse_grid == [33, 33]
           and set(np.unique(inputs)) == {3.0, 12.0} and not u[:, [0, -1], :].any() and not u[:, :, [0, -1]].any(),
           f"grid {grid}, {coarse_grid}, values {np.unique(inputs)[:5]}")
    worst = 0.0
    for i in range(2):
        matrix, b = fno_darcy_matrix(a[i])
        x = spla.spsolve(matrix.tocsc(), b)
        interior = u[i, 1:-1, 1:-1].ravel()
        worst = max(worst, relative(interior, x))
        res = np.linalg.norm(b - matrix @ interior) / np.linalg.norm(b)
        report(f"fno-darcy system {i}: residual on the re-assembled matrix {res:.2e} (stored {residuals[i]:.2e})",
               res <= 1.01e-8 and abs(res - residuals[i]) <= 1e-3 * 1e-8, f"residual {res:.2e}, stored {residuals[i]:.2e}")
    report(f"fno-darcy solutions vs scipy spsolve on the re-assembled matrix (rel. error {worst:.2e})", worst < 1e-6,
           f"relative error {worst:.2e} > 1e-6")
    same = (np.array_equal(coarse_inputs.reshape(2, 33, 33), a[:, ::4, ::4])
            and relative(coarse_solutions.reshape(2, 33, 33), u[:, ::4, ::4]) < 1e-12)
    report("fno-darcy at 33 x 33 is every fourth point of the 129 x 129 dataset", same, "the subsampled dataset differs")


def check_h5py_written_sweep(tmp):
    case, out = os.path.join(tmp, "list-sweep.h5"), os.path.join(tmp, "list-sweep.data.h5")
    rng = np.random.default_rng(5)
    m = 20
    lap = sp.diags([-1, 2, -1], [-1, 0, 1], shape=(m, m))
    base = (sp.kron(lap, sp.identity(m)) + sp.kron(sp.identity(m), lap)).tocsr()
    base.sort_indices()
    matrices, rhs = [], []
    for k in range(6):
        a = base.copy()
        a.data = a.data * (1 + 0.1 * k)
        a = (a + sp.diags(0.5 + rng.random(m * m))).tocsr()   # SPD, one pattern (the diagonal is stored already)
        a.sort_indices()
        matrices.append(a)
        rhs.append(rng.standard_normal(m * m))
    with h5py.File(case, "w") as f:
        make_cases.write_envelope(f, "sweep", "SPD systems written by h5py")
        p = f.create_group("problem")
        p.attrs["family"] = "matrix-list"
        p.attrs["spd"] = 1
        s = f.create_group("sweep")
        s.attrs["method"] = "deflated-cg"
        s.attrs["preconditioner"] = "ic0"
        s.attrs["relative_tolerance"] = 1e-10
        g = f.create_group("data/matrices")
        for k, a in enumerate(matrices):
            c = g.create_group(str(k))
            c["data"], c["indices"], c["indptr"] = a.data, a.indices.astype(np.int32), a.indptr.astype(np.int32)
            c.attrs["shape"] = np.array(a.shape, dtype=np.int64)
        f["data/rhs"] = np.array(rhs)
    rom("sweep", case, "--out", out)
    with h5py.File(out, "r") as f:
        solutions = f["solutions"][...]
        fields = f["inputs"][...]
    worst = max(relative(solutions[k], spla.spsolve(matrices[k].tocsc(), rhs[k])) for k in range(6))
    same_fields = all(np.array_equal(fields[k], matrices[k].data) for k in range(6))
    report(f"h5py-written matrix-list sweep (deflated CG + IC(0)) vs scipy (rel. error {worst:.2e})", worst < 1e-8 and same_fields,
           f"relative error {worst:.2e}, inputs are the matrix values: {same_fields}")


def main():
    with tempfile.TemporaryDirectory(prefix="rom-scipy-") as tmp:
        for check in (check_exported_system, check_h5py_written_case, check_operator_eim_case, check_sweep_dataset, check_h5py_written_sweep,
                      check_fno_darcy_sweep):
            try:
                check(tmp)
            except Exception as e:  # report and go on: one broken check must not hide the others
                report(check.__name__, False, str(e))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
