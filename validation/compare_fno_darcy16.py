#!/usr/bin/python3
"""Rom against plain PyTorch on neuraloperator's 16x16 Darcy set, same FNO, same settings, three seeds each, in one run.

The settings are those of neuraloperator's Darcy example (examples/models/plot_FNO_darcy.py), which cases/fno-darcy16.h5
holds: n_modes 8x8, width 24, 4 layers, AdamW 1e-2 with weight decay 1e-4, cosine schedule over the epochs, H1 training
loss, batch 64, outputs unit-Gaussian encoded. Both sides run on the same threads, one after the other. Test errors are
computed here, by the same functions, from each side's predictions on the 50 test samples (Rom's through `rom predict`);
Rom's own reported errors are printed beside them as a check of its metrics.

  /usr/bin/python3 validation/compare_fno_darcy16.py [--epochs 30] [--seeds 0,1,2] [--threads 2] [--out docs/benchmarks/fno-darcy16]

Prints PASS/FAIL lines for: mean test L2 and H1 of Rom within 1.05x of PyTorch's; Rom's mean training time <= 0.7x.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile

import h5py
import numpy as np
import torch

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "src", "Rom.Bench", "Scripts"))
from torch_fno import relative_h1, relative_l2_sum  # noqa: E402

TRAIN = os.path.join(ROOT, "cases", "data", "darcy_train_16.h5")
TEST = os.path.join(ROOT, "cases", "data", "darcy_test_16.h5")
CASE = os.path.join(ROOT, "cases", "fno-darcy16.h5")
SETTINGS = dict(epochs=30, batch=64, lr=1e-2, weight_decay=1e-4, optimizer="adamw", schedule="cosine", loss="h1",
                modes="8,8", width=24, layers=4)


def rom_command():
    dll = os.path.join(ROOT, "src", "Rom.Cli", "bin", "Release", "net10.0", "Rom.Cli.dll")
    return ["dotnet", dll] if os.path.exists(dll) else ["rom"]


def metrics(pred_file):
    with h5py.File(pred_file, "r") as f:
        pred = torch.from_numpy(f["predictions"][()].astype(np.float32))
    with h5py.File(TEST, "r") as f:
        y = torch.from_numpy(f["y"][()].astype(np.float32))
    pred = pred.reshape(y.shape).unsqueeze(1)
    y = y.unsqueeze(1)
    n = y.shape[0]
    return relative_l2_sum(pred, y).item() / n, relative_h1(pred, y).item() / n


def run(cmd, env=None):
    out = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({out.returncode}):\n{out.stderr[-2000:]}")
    return json.loads(out.stdout)


def main():
    opts = dict(epochs="30", seeds="0,1,2", threads=str(os.cpu_count()), out="")
    args = sys.argv[1:]
    for k, v in zip(args[::2], args[1::2]):
        opts[k.lstrip("-")] = v
    epochs, threads = int(opts["epochs"]), int(opts["threads"])
    seeds = [int(s) for s in opts["seeds"].split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            pred = os.path.join(tmp, f"torch-{seed}.h5")
            cmd = ["/usr/bin/python3", os.path.join(ROOT, "src", "Rom.Bench", "Scripts", "torch_fno.py"), "train", TRAIN, TEST, pred,
                   "--seed", str(seed), "--threads", str(threads), "--epochs", str(epochs)]
            for k, v in SETTINGS.items():
                if k != "epochs":
                    cmd += [f"--{k}", str(v)]
            t = run(cmd)
            print(f"pytorch seed {seed}: {t['seconds']:.1f} s", file=sys.stderr, flush=True)
            l2, h1 = metrics(pred)
            rows.append(dict(code="pytorch", seed=seed, seconds=t["seconds"], l2=l2, h1=h1, reported_l2=t["test_rel_l2"],
                             reported_h1=t["test_h1"], parameters=t["parameters"], reference=t["reference"]))
            model = os.path.join(tmp, f"rom-{seed}.h5")
            env = dict(os.environ, DOTNET_PROCESSOR_COUNT=str(threads))
            r = run(rom_command() + ["train", CASE, "--out", model, "--json", "--set", f"training.seed={seed}",
                                     "--set", f"model.seed={seed}", "--set", f"training.epochs={epochs}", "--set", "output.plots=0"], env)
            print(f"rom seed {seed}: {r['seconds']:.1f} s", file=sys.stderr, flush=True)
            pred = os.path.join(tmp, f"rom-pred-{seed}.h5")
            run(rom_command() + ["predict", model, "--input", TEST, "--out", pred, "--json"], env)
            l2, h1 = metrics(pred)
            rows.append(dict(code="rom", seed=seed, seconds=r["seconds"], l2=l2, h1=h1, reported_l2=r["test_rel_l2"],
                             reported_h1=r["test_h1"], parameters=r["parameters"]))
    summary = {}
    for code in ("rom", "pytorch"):
        sel = [r for r in rows if r["code"] == code]
        summary[code] = {k: statistics.mean(r[k] for r in sel) for k in ("seconds", "l2", "h1")}
    ratio = {k: summary["rom"][k] / summary["pytorch"][k] for k in ("seconds", "l2", "h1")}
    lines = [f"neuraloperator Darcy 16x16, FNO n_modes 8x8 width 24 x4, AdamW 1e-2 wd 1e-4, cosine, H1 loss, batch 64, "
             f"{epochs} epochs, seeds {seeds}, {threads} threads; reference {rows[0]['reference']}",
             f"{'code':8} {'seed':>4} {'train s':>8} {'test L2':>8} {'test H1':>8} {'(own L2':>8} {'own H1)':>8} {'params':>8}"]
    for r in rows:
        lines.append(f"{r['code']:8} {r['seed']:4d} {r['seconds']:8.1f} {r['l2']:8.4f} {r['h1']:8.4f} {r['reported_l2']:8.4f} "
                     f"{r['reported_h1']:8.4f} {r['parameters']:8d}")
    for code in ("rom", "pytorch"):
        s = summary[code]
        lines.append(f"mean {code:8} train {s['seconds']:.1f} s, test L2 {s['l2']:.4f}, H1 {s['h1']:.4f}")
    lines.append(f"{'PASS' if ratio['l2'] <= 1.05 else 'FAIL'} Rom's mean test L2 is {ratio['l2']:.3f}x PyTorch's (<= 1.05)")
    lines.append(f"{'PASS' if ratio['h1'] <= 1.05 else 'FAIL'} Rom's mean test H1 is {ratio['h1']:.3f}x PyTorch's (<= 1.05)")
    lines.append(f"{'PASS' if ratio['seconds'] <= 0.7 else 'FAIL'} Rom's mean training time is {ratio['seconds']:.3f}x PyTorch's (<= 0.7)")
    print("\n".join(lines))
    if opts["out"]:
        with open(opts["out"] + ".txt", "w") as f:
            f.write("\n".join(lines) + "\n")
        with open(opts["out"] + ".json", "w") as f:
            json.dump(dict(rows=rows, summary=summary, ratio=ratio, epochs=epochs, threads=threads), f, indent=1)


if __name__ == "__main__":
    main()
