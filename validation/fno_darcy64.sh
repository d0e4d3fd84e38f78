#!/usr/bin/env bash
# The FNO paper's Darcy problem at 64² (65² grid points with the boundary) trained by Rom within one hour:
# generates the data with rom sweep when missing (1,000 training samples, seed 0; 100 test samples, seed 1, at 65²
# and the same 100 at 129²), trains an FNO with `rom train`, evaluates the same weights zero-shot at 129², and writes
# docs/benchmarks/fno-darcy64.{json,txt} ending with a PASS/FAIL line (test relative L2 ≤ 2% within 3,600 s).
#   validation/fno_darcy64.sh [DATA_FOLDER]        (default: results/fno-darcy64; EPOCHS=150 to change the epochs)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-results/fno-darcy64}"
epochs="${EPOCHS:-150}"
mkdir -p "$data" docs/benchmarks
rom() { dotnet src/Rom.Cli/bin/Release/net10.0/Rom.Cli.dll "$@"; }
[ -f src/Rom.Cli/bin/Release/net10.0/Rom.Cli.dll ] || dotnet build src/Rom.Cli -c Release >/dev/null

[ -f "$data/train.h5" ] || rom sweep cases/fno-darcy-sweep.h5 --out "$data/train.h5"
[ -f "$data/test.h5" ] || rom sweep cases/fno-darcy-sweep.h5 --set problem.count=100 --set problem.seed=1 --out "$data/test.h5"
[ -f "$data/test-129.h5" ] || rom sweep cases/fno-darcy-sweep.h5 --set problem.count=100 --set problem.seed=1 \
  --set problem.output_size=129 --out "$data/test-129.h5"

rom new fno --force --out "$data/case.h5" --title "FNO paper Darcy at 64², $epochs epochs" \
  --set data.train_file=train.h5 --set data.test_file=test.h5 --set data.resolution_test_files=test-129.h5 \
  --set model.n_modes=16,16 --set model.hidden_channels=32 --set model.n_layers=4 \
  --set training.epochs="$epochs" --set training.batch_size=32 --set training.learning_rate=5e-3 \
  --set training.weight_decay=1e-4 --set training.optimizer=adamw --set training.schedule=cosine \
  --set training.loss=l2 --set training.normalize_inputs=1 --set training.normalize_outputs=1 >/dev/null

rom train "$data/case.h5" --out "$data/model.h5" --json > docs/benchmarks/fno-darcy64.json
/usr/bin/python3 - docs/benchmarks/fno-darcy64.json <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
lines = [f"FNO paper Darcy, 1,000 training / 100 test samples at 65x65 made by rom sweep (cases/fno-darcy-sweep.h5), "
         f"FNO n_modes 16x16 width 32 x4, AdamW 5e-3 cosine, L2 loss, batch 32, {r['epochs']} epochs, {r['parameters']} parameters",
         f"training {r['seconds']:.0f} s, final train loss {r['train_loss']:.4f}, test relative L2 {r['test_rel_l2']:.4f}, H1 {r['test_h1']:.4f}"]
for t in r.get("resolution_tests", []):
    lines.append(f"zero-shot at {t['resolution']}: relative L2 {t['rel_l2']:.4f}, H1 {t['h1']:.4f} (same weights)")
ok = r["test_rel_l2"] <= 0.02 and r["seconds"] <= 3600
lines.append(f"{'PASS' if ok else 'FAIL'} test relative L2 {100 * r['test_rel_l2']:.2f}% (<= 2%) after {r['seconds']:.0f} s of training (<= 3600)")
open(sys.argv[1][:-5] + ".txt", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
