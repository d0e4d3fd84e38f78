#!/usr/bin/python3
"""Run the README's commands and examples as written, in README order, from a scratch copy of the repository.

    /usr/bin/python3 validation/readme_examples.py --rom src/Rom.Cli/bin/Release/net10.0/Rom.Cli [--quick]

Every ```sh block of README.md is split into commands (lines ending in '\\' joined, '# comments' dropped), and the
'$ rom ...' line of the plain ``` error example is taken with the error line shown under it. Each command runs through
bash in a temporary folder holding a copy of cases/ (nothing in the repository is written), with `rom` on the PATH as
the executable given by --rom; `dotnet run --project src/Rom.Cli -c Release -- ARGS` runs as `rom ARGS`. Commands that
build, test, pack or install (`dotnet test`, `dotnet pack`, `dotnet tool install`, `apt-get install`, the GPU
benchmark's publish and run) are skipped with the reason printed: .ci/run runs those elsewhere.

A command passes when it exits 0, or, for the error example, exits 2 and prints the error line the README shows; a
`rom ... --json` command must also print one JSON object. Files a user brings from elsewhere (a PyTorch state dict
for `rom import`) are made first by a fixture step, printed as a 'setup:' line.

Prints 'PASS readme: COMMAND' or 'FAIL readme: COMMAND: exit N, LAST STDERR LINE' per command and ends with
'N passed, N failed'; exits 0 only when nothing failed.

--quick (what CI runs) runs every command too, but appends smaller `--set` overrides to the few heavy ones listed in
QUICK below (each with its reason) and says so on its PASS line: '(quick: + --set ...)'. Without --quick every
command runs exactly as written (about 15 minutes on 2 cores, 6 of them the FNO paper's 1,000-system training set; about 3 with --quick).
"""
import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Commands skipped, by how they start: (pattern, reason).
SKIP = [
    (r"dotnet test\b", "the test command: .ci/run runs it (unit and integration tests)"),
    (r"dotnet pack\b", "packing the tool: .ci/run's installed-tool test (Category=Install) packs and installs it"),
    (r"dotnet tool install\b", "installing the tool: .ci/run's installed-tool test (Category=Install) does it"),
    (r"apt-get install\b", "installs a system package: .ci/run installs libopenblas0 before its checks"),
    (r"dotnet publish validation/Rom\.Gpu\.Bench\b", "builds the GPU benchmark, which runs on a CUDA machine, not here"),
    (r"tar -[cx]Jf gpu-bench", "packs/unpacks the GPU benchmark for a CUDA machine (--device cuda needs a GPU)"),
]

# `dotnet run --project src/Rom.Cli -c Release -- ARGS` is `rom ARGS`.
DOTNET_RUN = re.compile(r"^dotnet run --project src/Rom\.Cli -c Release -- ")

# --quick: overrides appended to heavy commands, matched by how the command starts (README text, spaces collapsed).
# Each entry: (command prefix, overrides, reason). Later --set of the same key wins, so these replace the README's.
QUICK = [
    ("rom run cases/thermal-block.h5 --set reduction.training=grid",
     "--set problem.squares_per_side=30 --set reduction.max_basis_size=20",
     "512 training corners on 40,045 nodes up to N = 60 (~30 s); the same grid training on a coarser mesh, N ≤ 20"),
    ("rom run cases/thermal-block.h5 --set reduction.estimator=sketched",
     "--set problem.squares_per_side=30",
     "another ~1 min offline phase on the shipped mesh (the main command runs it as written); same path on 30²"),
    ("rom run cases/thermal-block.h5 --set run.diffusion=0.5",
     "--set problem.squares_per_side=30",
     "another ~1 min offline phase on the shipped mesh (the main command runs it as written); same path on 30²"),
    ("rom sweep cases/darcy-sweep.h5 --set problem.family=darcy-spd --set problem.dimension=3",
     "--set problem.grid_size=18 --set problem.count=20",
     "100 systems on 34³ (~1 min); 20 systems on 18³ go through the same 3-D deflated CG + AMG path"),
    ("rom sweep cases/fno-darcy-sweep.h5 --out data/fno-darcy-train.h5",
     "--set problem.grid_size=129 --set problem.count=20",
     "1,000 systems at 513² take 6–11 min; 20 at 129², stored at the same 65²"),
    ("rom sweep cases/fno-darcy-sweep.h5 --set problem.count=100 --set problem.seed=1 --out data/fno-darcy-test.h5",
     "--set problem.grid_size=129 --set problem.count=10",
     "100 systems at 513² take 40–100 s; 10 at 129², stored at the same 65²"),
    ("rom sweep cases/fno-darcy-sweep.h5 --set problem.count=100 --set problem.seed=1 --set problem.output_size=129",
     "--set problem.grid_size=129 --set problem.count=10",
     "100 systems at 513² take 40–110 s; 10 at 129², stored at the same 129²"),
    ("rom run cases/gp-poisson2d-sin100x-sin100y.h5",
     "--set problem.points=40 --set gp.components=5 --set gp.max_iterations=3",
     "about a minute on 300²; 3 iterations with Q = 5 on 40² go through the same 2-D field solve and outputs"),
    ("rom run cases/gp-poisson1d-sin6x-cos100x.h5 --set problem.name=poisson1d-sin100x",
     "--set gp.components=5 --set gp.max_iterations=3 --set study.points=60,80",
     "five more solves of up to 300 points (several minutes); two small ones make the same study plot"),
    ("rom run cases/gp-poisson1d-sin6x-cos100x.h5",
     "--set gp.components=5 --set gp.max_iterations=3",
     "four starts of up to 300 L-BFGS iterations (about 2 min); 3 iterations with Q = 5 write the same results and plots"),
    ("rom bench gp",
     "--quick",
     "Q = 30 on grids up to 800 points, 300² and 32³ beside PyTorch (several minutes); --quick runs small grids with Q = 5"),
    ("rom train cases/fno-darcy16.h5 --out models/darcy16.h5",
     "--set training.epochs=2",
     "30 epochs take ~1 min; 2 epochs write the same model file the later predict/info examples read"),
]

# Files a user brings from elsewhere, made before the first command that names them: file -> (argv, description).
# {repo} is the repository, {scratch} the scratch folder (the commands' working directory), {tmp} a folder beside it.
FIXTURES = {
    "darcy_state_dict.pt": (
        ["/usr/bin/python3", "{repo}/src/Rom.Bench/Scripts/torch_fno.py", "statedict", "darcy_state_dict.pt",
         "{tmp}/darcy_state_dict-output.h5", "--dims", "2"],
        "a 2-D FNO state dict in neuraloperator's layout, saved by PyTorch (torch_fno.py statedict)"),
}


def strip_comment(line: str) -> str:
    """The line without a trailing '# comment' (a '#' at the start or after whitespace, outside quotes)."""
    quote = None
    for i, c in enumerate(line):
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i].rstrip()
    return line.rstrip()


def extract(readme: str) -> list[dict]:
    """The README's commands in order: {'command', 'line', 'expect_exit', 'expect_stderr'}."""
    commands, lines = [], readme.splitlines()
    i = 0
    while i < len(lines):
        fence = re.match(r"^```(\S*)\s*$", lines[i])
        if not fence:
            i += 1
            continue
        lang, start = fence.group(1), i + 1
        end = start
        while end < len(lines) and not lines[end].startswith("```"):
            end += 1
        body = lines[start:end]
        if lang == "sh":
            pending, first = [], None
            for k, raw in enumerate(body):
                text = strip_comment(raw)
                if not text.strip() and not pending:
                    continue
                if first is None:
                    first = start + k + 1
                cont = text.endswith("\\")
                pending.append(text[:-1].strip() if cont else text.strip())
                if not cont:
                    commands.append(dict(command=" ".join(p for p in pending if p), line=first, expect_exit=0,
                                         expect_stderr=None))
                    pending, first = [], None
            if pending:
                commands.append(dict(command=" ".join(p for p in pending if p), line=first, expect_exit=0,
                                     expect_stderr=None))
        elif lang == "":
            # A shown session: '$ rom ...' followed by its output; an 'error:' line means the README shows it failing
            # on purpose, with exit code 2 (bad input), as the README's exit-code paragraph says.
            for k, raw in enumerate(body):
                if raw.startswith("$ rom "):
                    shown = []
                    for out in body[k + 1:]:
                        if out.startswith("$ "):
                            break
                        shown.append(out)
                    error = next((s for s in shown if s.startswith("error:")), None)
                    commands.append(dict(command=raw[2:].strip(), line=start + k + 1,
                                         expect_exit=2 if error else 0, expect_stderr=error))
        i = end + 1
    return commands


def quick_override(command: str) -> tuple[str, str] | None:
    for prefix, extra, reason in QUICK:
        if " ".join(command.split()).startswith(prefix):
            return extra, reason
    return None


def stale_quick_entries(commands: list[dict]) -> list[str]:
    """QUICK prefixes that match no README command (the README changed: the heavy command would run in full)."""
    texts = [" ".join(DOTNET_RUN.sub("rom ", c["command"]).split()) for c in commands]
    return [prefix for prefix, _, _ in QUICK if not any(t.startswith(prefix) for t in texts)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rom", required=True, help="the rom executable (an apphost such as "
                    "src/Rom.Cli/bin/Release/net10.0/Rom.Cli)")
    ap.add_argument("--quick", action="store_true", help="smaller settings for the heavy commands listed in QUICK")
    ap.add_argument("--readme", default=os.path.join(REPO, "README.md"), help="the README to run (default: this one)")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder and print where it is")
    ap.add_argument("--timeout", type=float, default=None,
                    help="seconds per command (default 900 with --quick, 7200 without)")
    args = ap.parse_args()

    rom = os.path.abspath(args.rom)
    if not (os.path.isfile(rom) and os.access(rom, os.X_OK)):
        print(f"FAIL readme: --rom {args.rom} is not an executable file")
        print("0 passed, 1 failed")
        return 1
    timeout = args.timeout or (900 if args.quick else 7200)
    with open(args.readme, encoding="utf-8") as f:
        commands = extract(f.read())

    # Scratch copy: cases/ (the only repository files the examples read); everything they write lands here.
    top = tempfile.mkdtemp(prefix="rom-readme-")
    scratch, tmp, bindir = (os.path.join(top, d) for d in ("repo", "tmp", "bin"))
    for d in (scratch, tmp, bindir):
        os.makedirs(d)
    shutil.copytree(os.path.join(REPO, "cases"), os.path.join(scratch, "cases"))
    with open(os.path.join(bindir, "rom"), "w") as f:
        f.write(f"#!/bin/sh\nexec {shlex.quote(rom)} \"$@\"\n")
    os.chmod(os.path.join(bindir, "rom"), 0o755)
    env = {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", ""), "DOTNET_gcServer": "0"}
    print(f"README: {len(commands)} commands from {args.readme}; scratch {scratch}"
          f"{'; quick' if args.quick else ''}", flush=True)

    passed = failed = 0
    if args.quick:
        for prefix, extra, reason in QUICK:
            print(f"quick: {prefix} ... + {extra}: {reason}")
        for prefix in stale_quick_entries(commands):
            print(f"FAIL readme: the quick table's entry '{prefix}' matches no README command (update QUICK)")
            failed += 1
    made = set()
    begin = time.monotonic()
    for c in commands:
        shown = c["command"]
        command = DOTNET_RUN.sub("rom ", shown)
        reason = next((r for p, r in SKIP if re.match(p, command)), None)
        if reason:
            print(f"skip readme: {shown}: {reason}", flush=True)
            continue

        for name, (argv, what) in FIXTURES.items():
            if name in command and name not in made:
                made.add(name)
                argv = [a.format(repo=REPO, scratch=scratch, tmp=tmp) for a in argv]
                p = subprocess.run(argv, cwd=scratch, capture_output=True, text=True, env=env)
                line = f"setup: {name}: {what}: {' '.join(argv)}"
                if p.returncode == 0 and os.path.isfile(os.path.join(scratch, name)):
                    print(line, flush=True)
                else:
                    last = (p.stderr.strip().splitlines() or ["no output"])[-1]
                    print(f"FAIL {line}: exit {p.returncode}, {last}", flush=True)
                    failed += 1

        note = ""
        if args.quick and (q := quick_override(command)):
            command += " " + q[0]
            note = f" (quick: + {q[0]})"
        start = time.monotonic()
        try:
            p = subprocess.run(["bash", "-c", command], cwd=scratch, capture_output=True, text=True, env=env,
                               timeout=timeout)
            rc, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            rc, out, err = None, "", f"timed out after {timeout:.0f} s"
        seconds = time.monotonic() - start

        problem = None
        lines = [s for s in err.strip().splitlines() if s.strip()]
        last = next((s for s in reversed(lines) if s.startswith("error:")), lines[-1] if lines else "no standard error")
        if rc is None:
            problem = err
        elif rc != c["expect_exit"]:
            problem = f"exit {rc}, {last}" if c["expect_exit"] == 0 else \
                f"exit {rc} (the README shows exit {c['expect_exit']}), {last}"
        elif c["expect_stderr"] and c["expect_stderr"] not in err:
            problem = f"exit {rc}, but standard error lacks the README's line {c['expect_stderr']!r}; it says: {last}"
        elif re.match(r"rom \S+.* --json\b", command) and "&&" not in command:
            try:
                if not isinstance(json.loads(out), dict):
                    problem = f"exit {rc}, but --json printed no JSON object"
            except ValueError:
                problem = f"exit {rc}, but --json printed no JSON object: {out.strip()[:200]!r}"
        if problem:
            failed += 1
            print(f"FAIL readme: {shown}{note}: {problem} [{seconds:.1f} s]", flush=True)
        else:
            passed += 1
            if c["expect_exit"]:
                note += f" (exit {rc} and the README's error line, as shown)"
            print(f"PASS readme: {shown}{note} [{seconds:.1f} s]", flush=True)

    if passed + failed == 0:
        print(f"FAIL readme: no command found in {args.readme}")
        failed += 1
    print(f"README examples took {time.monotonic() - begin:.0f} s", flush=True)
    if args.keep:
        print(f"kept {top}")
    else:
        shutil.rmtree(top, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
