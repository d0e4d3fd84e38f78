#!/usr/bin/python3
"""Fuzz the case reader: mutants of every shipped case through `rom info` and a small run of the case's kind, and
mutants of files in HDF5's other layouts (h5py's default format without checksums, its newest format with dense
groups, the FNO data set) through `rom info`.

Each mutant is one of these files with bit flips, a truncation, overwritten bytes or a zeroed block (seeded, so a
failure can be replayed with --seed and --only). A command's outcome is a crash when it is anything but exit 0, 1 or 2
with at most one 'error:' line and no stack trace or 'unexpected failure', and a hang when it takes more than 60 s.

    /usr/bin/python3 validation/fuzz/fuzz_cases.py --rom src/Rom.Cli/bin/Release/net10.0/Rom.Cli --mutants 10000

prints one FAIL line per crash or hang, a PASS or FAIL line per file fuzzed, and ends with 'N passed, N failed'
(files). CI runs a few hundred mutants; the documented long run is 10,000 (docs/benchmarks/fuzz-10000.txt).
"""
import argparse
import concurrent.futures
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

# The command that runs each shipped case small enough for a fuzz loop (overrides keep the mutated file's data).
RUNS = {
    "thermal-block": ["run", "--set", "problem.squares_per_side=12", "--set", "reduction.training_points=20",
                      "--set", "reduction.test_parameters=3"],
    "thermal-bump": ["run", "--set", "problem.squares_per_side=10", "--set", "reduction.training_points=20",
                     "--set", "reduction.test_parameters=3"],
    "nonlinear-heat": ["run", "--set", "problem.squares_per_side=8", "--set", "problem.steps=20"],
    "operator-eim": ["run", "--set", "reduction.max_basis_size=10"],
    "darcy-sweep": ["sweep", "--set", "problem.count=4", "--set", "problem.grid_size=18"],
    "fno-darcy-sweep": ["sweep", "--set", "problem.count=2", "--set", "problem.grid_size=17"],
    "fno-darcy16": ["train", "--set", "training.epochs=1"],
    "gp-poisson1d-sin6x-cos100x": ["run", "--set", "problem.points=40", "--set", "gp.components=3", "--set", "gp.max_iterations=3"],
    "gp-poisson2d-sin100x-sin100y": ["run", "--set", "problem.points=20", "--set", "gp.components=3", "--set", "gp.max_iterations=3"],
}
TIMEOUT = 60
# Files in other HDF5 layouts, read by `rom info` only (paths from the repository root).
INFO_ONLY = ["cases/data/darcy_test_16.h5", "tests/Rom.IO.Tests/Fixtures/h5py-written.h5",
             "tests/Rom.IO.Tests/Fixtures/h5py-latest.h5"]


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    b = bytearray(data)
    kind = rng.choice(["flip", "flip", "truncate", "overwrite", "zero"])
    if kind == "flip":
        flips = [(rng.randrange(len(b)), 1 << rng.randrange(8)) for _ in range(rng.randint(1, 4))]
        for at, bit in flips:
            b[at] ^= bit
        return bytes(b), "flip " + ",".join(f"{at}^{bit:#x}" for at, bit in flips)
    if kind == "truncate":
        n = rng.randrange(len(b))
        return bytes(b[:n]), f"truncate {n}"
    if kind == "overwrite":
        at, n = rng.randrange(len(b)), rng.randint(1, 16)
        for i in range(at, min(at + n, len(b))):
            b[i] = rng.randrange(256)
        return bytes(b), f"overwrite {at}+{n}"
    at, n = rng.randrange(len(b)), rng.randint(64, 4096)
    b[at:at + n] = bytes(min(n, len(b) - at))
    return bytes(b), f"zero {at}+{n}"


EXITS: dict[str, int] = {}


def classify(args: list[str], cwd: str) -> str | None:
    """None when the outcome is clean, else what is wrong; counts the exit codes in EXITS."""
    start = time.monotonic()
    try:
        p = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT,
                           env={**os.environ, "DOTNET_gcServer": "0"})
    except subprocess.TimeoutExpired:
        return f"hang (> {TIMEOUT} s)"
    seconds = time.monotonic() - start
    key = f"rom {args[1]} exit {p.returncode}"
    EXITS[key] = EXITS.get(key, 0) + 1
    errors = [line for line in p.stderr.splitlines() if line.startswith("error:")]
    if p.returncode not in (0, 1, 2):
        return f"exit {p.returncode} after {seconds:.1f} s: {p.stderr.strip()[-300:]}"
    if "unexpected failure" in p.stderr or "   at " in p.stderr:
        return f"exit {p.returncode}, unexpected failure: {p.stderr.strip()[-300:]}"
    if p.returncode != 0 and len(errors) > 1:
        return f"exit {p.returncode} with {len(errors)} error lines: {' | '.join(errors)[:300]}"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rom", required=True, help="the rom executable (e.g. src/Rom.Cli/bin/Release/net10.0/Rom.Cli)")
    parser.add_argument("--cases", default=os.path.join(os.path.dirname(__file__), "..", "..", "cases"))
    parser.add_argument("--mutants", type=int, default=100, help="mutants in all, spread over the cases (default 100)")
    parser.add_argument("--run-every", type=int, default=5, help="also run every k-th mutant's case (default 5)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", type=int, help="replay one mutant by its number")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    rom = os.path.abspath(args.rom)
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    files = {f[:-3]: os.path.join(args.cases, f) for f in os.listdir(args.cases) if f.endswith(".h5")}
    files.update({os.path.basename(f)[:-3]: os.path.join(root, f) for f in INFO_ONLY})
    cases = sorted(files)
    originals = {c: open(files[c], "rb").read() for c in cases}

    work = tempfile.mkdtemp(prefix="rom-fuzz-")
    try:
        if os.path.isdir(os.path.join(args.cases, "data")):  # the fno case reads its data beside the case file
            shutil.copytree(os.path.join(args.cases, "data"), os.path.join(work, "data"))

        def one(number: int) -> list[tuple[str, str, str | None]]:
            rng = random.Random(args.seed * 1_000_003 + number)
            case = cases[number % len(cases)]
            data, how = mutate(originals[case], rng)
            path = os.path.join(work, f"m{number}-{case}.h5")
            with open(path, "wb") as f:
                f.write(data)
            label = f"mutant {number} of {case} ({how})"
            results = [(label, "info", classify([rom, "info", path], work))]
            if (number // len(cases)) % args.run_every == 0 and case in RUNS:
                command = RUNS[case]
                out = os.path.join(work, f"m{number}-out.h5")
                extra = ["--out", out, "--set", "output.plots=0"]
                results.append((label, command[0], classify([rom, command[0], path] + command[1:] + extra, work)))
            for leftover in os.listdir(work):
                if leftover.startswith(f"m{number}-"):
                    target = os.path.join(work, leftover)
                    shutil.rmtree(target) if os.path.isdir(target) else os.remove(target)
            return results

        numbers = [args.only] if args.only is not None else range(args.mutants)
        failures, commands, start = [], 0, time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(args.workers) as pool:
            for results in pool.map(one, numbers):
                for label, command, problem in results:
                    commands += 1
                    if problem is not None:
                        failures.append(f"FAIL {label}, rom {command}: {problem}")
                        print(failures[-1], flush=True)
        print(f"{len(numbers)} mutants, {commands} commands in {time.monotonic() - start:.0f} s (seed {args.seed}); "
              + ", ".join(f"{key}: {count}" for key, count in sorted(EXITS.items())))
        crashed = {line.split(" of ")[1].split(" ")[0] for line in failures}
        for case in cases:
            if case in crashed:
                print(f"FAIL fuzz {case}: {sum(1 for line in failures if f' of {case} (' in line)} crashes or hangs")
            else:
                print(f"PASS fuzz {case}: no crash, no hang")
        print(f"{len(cases) - len(crashed)} passed, {len(crashed)} failed")
        return 0 if not failures else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
