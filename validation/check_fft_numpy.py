#!/usr/bin/python3
"""Independent check of Rom's FFT against NumPy's pocketfft (Debian's python3-numpy and python3-h5py).

Runs `rom bench spectral --check-out FILE`, which writes Rom's transforms of seeded random inputs to HDF5: one
group per size class (1-D power of two, composite, prime and even-with-large-prime through Bluestein; 2-D; 3-D;
complex and real) and norm ("backward", "ortho", "forward"). Axis 0 of every dataset is the batch; complex arrays
carry a trailing axis of 2 (re, im). numpy.fft recomputes each transform from the stored input:
complex groups: forward = fftn(input), inverse = ifftn(input); real groups: forward = rfftn(input),
inverse = irfftn(spectrum, s=shape). Each must agree to 1e-12 relative (max |Rom - NumPy| / max |NumPy|).

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

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROM = shlex.split(os.environ.get("ROM", "dotnet run --project src/Rom.Cli -c Release --"))
TOLERANCE = 1e-12
failures = 0


def report(name, ok, why=""):
    global failures
    print(f"PASS {name}" if ok else f"FAIL {name}: {why}", flush=True)
    failures += 0 if ok else 1


def as_complex(array):
    return array[..., 0] + 1j * array[..., 1]


def compare(name, rom, numpy_result):
    error = np.max(np.abs(rom - numpy_result)) / np.max(np.abs(numpy_result))
    report(f"numpy.fft {name} (relative error {error:.1e})", error < TOLERANCE, f"{error:.3e} > {TOLERANCE}")


def main():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "fft-check.h5")
        run = subprocess.run(ROM + ["bench", "spectral", "--check-out", path], cwd=ROOT, capture_output=True, text=True)
        if run.returncode != 0:
            report("rom bench spectral --check-out", False, run.stderr.strip() or run.stdout.strip())
            return 1
        with h5py.File(path, "r") as f:
            if len(f.keys()) < 36:
                report("FFT check file holds every case", False, f"only {len(f.keys())} groups")
            for name, group in f.items():
                kind = group.attrs["kind"]
                kind = kind.decode() if isinstance(kind, bytes) else str(kind)
                norm = group.attrs["norm"]
                norm = norm.decode() if isinstance(norm, bytes) else str(norm)
                shape = tuple(int(n) for n in np.atleast_1d(group.attrs["shape"]))
                axes = tuple(range(1, 1 + len(shape)))
                if kind == "complex":
                    x = as_complex(group["input"][()])
                    compare(f"{name} fftn", as_complex(group["forward"][()]), np.fft.fftn(x, axes=axes, norm=norm))
                    compare(f"{name} ifftn", as_complex(group["inverse"][()]), np.fft.ifftn(x, axes=axes, norm=norm))
                else:
                    x = group["input"][()]
                    compare(f"{name} rfftn", as_complex(group["forward"][()]), np.fft.rfftn(x, axes=axes, norm=norm))
                    spectrum = as_complex(group["spectrum"][()])
                    compare(f"{name} irfftn", group["inverse"][()], np.fft.irfftn(spectrum, s=shape, axes=axes, norm=norm))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
