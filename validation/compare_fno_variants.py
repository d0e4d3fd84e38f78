#!/usr/bin/python3
"""Dense FNO against tensorised FNOs (Tucker, CP, TT) on neuraloperator's 16x16 Darcy set, in one run.

Each variant is `rom train cases/fno-darcy16.h5` with model.factorization / model.rank set (neuraloperator's rank: the
factorised spectral weights' size as a fraction of the dense ones'), the same seeds, epochs and threads. Reports the
spectral parameter count (from `rom info`'s JSON), the total count, mean test L2/H1 over the seeds and the training time.

  /usr/bin/python3 validation/compare_fno_variants.py [--epochs 30] [--seeds 0,1] [--out docs/benchmarks/fno-variants]

Ends with a PASS/FAIL line per Tucker row: >= 10x fewer spectral parameters than dense at <= 1.2x its test L2.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASE = os.path.join(ROOT, "cases", "fno-darcy16.h5")
VARIANTS = [("dense", "dense", 1.0), ("tucker 0.1", "tucker", 0.1), ("tucker 0.08", "tucker", 0.08), ("tucker 0.05", "tucker", 0.05),
            ("cp 0.1", "cp", 0.1), ("tt 0.1", "tt", 0.1)]


def rom(*args):
    dll = os.path.join(ROOT, "src", "Rom.Cli", "bin", "Release", "net10.0", "Rom.Cli.dll")
    cmd = (["dotnet", dll] if os.path.exists(dll) else ["rom"]) + list(args)
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({out.returncode}):\n{out.stderr[-2000:]}")
    return json.loads(out.stdout)


def main():
    opts = dict(epochs="30", seeds="0,1", out="")
    args = sys.argv[1:]
    for k, v in zip(args[::2], args[1::2]):
        opts[k.lstrip("-")] = v
    seeds = [int(s) for s in opts["seeds"].split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, factorization, rank in VARIANTS:
            runs = []
            for seed in seeds:
                model = os.path.join(tmp, f"{factorization}-{rank}-{seed}.h5")
                r = rom("train", CASE, "--out", model, "--json", "--set", f"model.factorization={factorization}",
                        "--set", f"model.rank={rank}", "--set", f"training.seed={seed}", "--set", f"model.seed={seed}",
                        "--set", f"training.epochs={opts['epochs']}", "--set", "output.plots=0")
                runs.append(r)
            rows.append(dict(name=name, factorization=factorization, rank=rank, parameters=runs[0]["parameters"],
                             spectral_parameters=runs[0].get("spectral_parameters"),
                             l2=statistics.mean(r["test_rel_l2"] for r in runs), h1=statistics.mean(r["test_h1"] for r in runs),
                             seconds=statistics.mean(r["seconds"] for r in runs)))
    dense = rows[0]
    lines = [f"FNO variants on neuraloperator Darcy 16x16 (cases/fno-darcy16.h5 settings), {opts['epochs']} epochs, seeds {seeds}",
             f"{'variant':12} {'spectral':>9} {'total':>8} {'fewer':>6} {'test L2':>8} {'x dense':>7} {'test H1':>8} {'train s':>8}"]
    for r in rows:
        fewer = dense["spectral_parameters"] / r["spectral_parameters"] if r["spectral_parameters"] else float("nan")
        r["fewer_spectral"] = fewer
        r["l2_over_dense"] = r["l2"] / dense["l2"]
        lines.append(f"{r['name']:12} {r['spectral_parameters'] or 0:9d} {r['parameters']:8d} {fewer:6.1f} {r['l2']:8.4f} "
                     f"{r['l2_over_dense']:7.3f} {r['h1']:8.4f} {r['seconds']:8.1f}")
    for r in rows:
        if r["factorization"] == "tucker":
            ok = r["fewer_spectral"] >= 10 and r["l2_over_dense"] <= 1.2
            r["criterion_met"] = ok
            lines.append(f"{'PASS' if ok else 'FAIL'} {r['name']}: {r['fewer_spectral']:.1f}x fewer spectral parameters than dense "
                         f"(>= 10) at {r['l2_over_dense']:.3f}x its test L2 (<= 1.2)")
    print("\n".join(lines))
    if opts["out"]:
        with open(opts["out"] + ".txt", "w") as f:
            f.write("\n".join(lines) + "\n")
        with open(opts["out"] + ".json", "w") as f:
            json.dump(dict(rows=rows, epochs=int(opts["epochs"]), seeds=seeds), f, indent=1)


if __name__ == "__main__":
    main()
