#!/usr/bin/python3
"""Independent checks of Rom against SciPy and h5py (Debian's python3-scipy and python3-h5py).

1. Rom exports the thermal-block stiffness matrix and load vector of cases/thermal-block.h5 to HDF5;
   SciPy's spsolve on those arrays must agree with Rom's solution to 1e-8 relative.
2. A case whose matrices h5py wrote (chunked, gzip, int32 indices) runs through `rom run` and agrees
   with SciPy's solution to 1e-8 relative.
3. Rom's results files carry the documented envelope and provenance, readable by h5py.

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


def main():
    with tempfile.TemporaryDirectory(prefix="rom-scipy-") as tmp:
        for check in (check_exported_system, check_h5py_written_case):
            try:
                check(tmp)
            except Exception as e:  # report and go on: one broken check must not hide the others
                report(check.__name__, False, str(e))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
