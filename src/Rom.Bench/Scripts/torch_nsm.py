#!/usr/bin/python3
"""The neural spectral method of Rom.SpectralSolvers.Nsm on the periodic Poisson problem, written out in plain PyTorch
(Debian's python3-torch 1.13), for checks and timings.

Embedded in Rom.Bench (src/Rom.Bench/Scripts): `rom bench nsm --torch` runs its `bench` subcommand, and
tests/Rom.IO.Tests/Neural/NsmTorchReferenceTests.cs its `reference` subcommand.

Everything is built here from the definitions, not read from Rom: the real Fourier basis of [0, 1) on n slots
(phi_0 = 1, phi_{2k-1} = cos 2 pi k x, phi_{2k} = sin 2 pi k x, collocation points j / n; n odd), the network

    u <- [s, coefficients of the coordinates x_a at the collocation points]
    u <- sigma(Dense_h(sigma(Dense_4h(u))))                  lifting
    repeat depth: u <- sigma(W_k u_k + Dense(u))             a real h x h matrix W_k for every slot k
    u <- scale * Dense_1(sigma(Dense_4h(sigma(Dense_h(u)))))  projection
    u <- u - u(0)                                            the periodic gauge

with sigma(u) = analysis(relu(synthesis(u))) on every axis and Dense acting on channels with a bias on every slot, and
the spectral residual loss: the exact L2 norm of -Lap u - s over [0, 1)^2 by Parseval (the Gram weights 1 and 1/2),
averaged over the batch.

  torch_nsm.py reference IN.h5 OUT.h5
      IN.h5 (Rom): attributes width, depth, modes, output_scale; /parameters/<Rom name> (float32; a dense weight
      (out, in), its bias (out), a spectral weight (modes..., h, h)); /input (B, 1, modes...). OUT.h5: /output (the
      constrained u), /loss, /gradients/<name>.
  torch_nsm.py bench [--width 16] [--depth 4] [--modes 31] [--batch 16] [--threads 2] [--warmup 3] [--repeats 10]
      the median seconds of one training step (forward, loss, backward, Adam) on random sources; prints one JSON object.
"""
import json
import math
import statistics
import sys
import time

import numpy as np
import torch

torch.set_default_dtype(torch.float32)


def wave(n, slot):
    return 0 if slot == 0 else (slot + 1) // 2


def is_cosine(slot):
    return slot == 0 or slot % 2 == 1


def basis_value(n, slot, x):
    k = wave(n, slot)
    return math.cos(2 * math.pi * k * x) if is_cosine(slot) else math.sin(2 * math.pi * k * x)


def synthesis(n):
    """S[j, s] = phi_s(j / n)."""
    return torch.tensor([[basis_value(n, s, j / n) for s in range(n)] for j in range(n)], dtype=torch.float64)


def analysis(n):
    """The inverse of synthesis(n): discrete orthogonality of the trigonometric basis on n points."""
    w = [1.0 / n if s == 0 else 2.0 / n for s in range(n)]
    return torch.tensor([[w[s] * basis_value(n, s, j / n) for j in range(n)] for s in range(n)], dtype=torch.float64)


def along_axes(u, matrices):
    """Matrix a along spatial axis a of (B, C, n1, n2): two two-operand einsums, each one large GEMM (the fastest of
    a three-operand einsum, broadcast matmuls, tensordot and this, timed in full training steps)."""
    return torch.einsum("bcik,lk->bcil", torch.einsum("ij,bcjk->bcik", matrices[0], u), matrices[1])


class Nsm(torch.nn.Module):
    def __init__(self, width, depth, modes, scale=1e-3):
        super().__init__()
        n = modes
        self.scale = scale
        self.syn = synthesis(n).float()
        self.ana = analysis(n).float()
        x = torch.arange(n, dtype=torch.float64) / n
        grids = torch.stack(torch.meshgrid(x, x, indexing="ij"))[None]
        self.coordinates = along_axes(grids, [analysis(n), analysis(n)]).float()
        origin = torch.zeros(n, n)
        origin[0] = torch.tensor([1.0 if is_cosine(s) else 0.0 for s in range(n)])
        self.origin = origin

        def dense(i, o):
            layer = torch.nn.Linear(i, o)
            torch.nn.init.normal_(layer.weight, std=1 / math.sqrt(i))
            torch.nn.init.zeros_(layer.bias)
            return layer

        h = width
        self.lifting = torch.nn.ModuleList([dense(3, 4 * h), dense(4 * h, h)])
        self.spectral = torch.nn.ParameterList([torch.nn.Parameter(torch.randn(n, n, h, h) / (h * h)) for _ in range(depth)])
        self.dense = torch.nn.ModuleList([dense(h, h) for _ in range(depth)])
        self.projection = torch.nn.ModuleList([dense(h, h), dense(h, 4 * h), dense(4 * h, 1)])

    def names(self):
        """Rom's parameter names, in Rom's order."""
        out = {}
        for i, l in enumerate(self.lifting):
            out[f"lifting.{i}.weight"], out[f"lifting.{i}.bias"] = l.weight, l.bias
        for i, w in enumerate(self.spectral):
            out[f"blocks.{i}.spectral"] = w
        for i, l in enumerate(self.dense):
            out[f"blocks.{i}.dense.weight"], out[f"blocks.{i}.dense.bias"] = l.weight, l.bias
        for i, l in enumerate(self.projection):
            out[f"projection.{i}.weight"], out[f"projection.{i}.bias"] = l.weight, l.bias
        return out

    def sigma(self, u):
        return along_axes(torch.relu(along_axes(u, [self.syn, self.syn])), [self.ana, self.ana])

    @staticmethod
    def channels(layer, u):
        return torch.einsum("oi,bixy->boxy", layer.weight, u) + layer.bias[None, :, None, None]

    def forward(self, s):
        u = torch.cat([s, self.coordinates.expand(s.shape[0], -1, -1, -1)], dim=1)
        for layer in self.lifting:
            u = self.sigma(self.channels(layer, u))
        for w, layer in zip(self.spectral, self.dense):
            u = self.sigma(torch.einsum("xyoi,bixy->boxy", w, u) + self.channels(layer, u))
        p = self.projection
        u = self.channels(p[2], self.sigma(self.channels(p[1], self.sigma(self.channels(p[0], u))))) * self.scale
        return u - along_axes(u, [self.origin, self.origin])


def residual_loss(u, s):
    """Batch mean of the exact L2 norm squared of -Lap u - s over [0, 1)^2 (Parseval with the Gram weights)."""
    n = u.shape[-1]
    k = torch.tensor([2 * math.pi * wave(n, t) for t in range(n)])
    lam = k[:, None] ** 2 + k[None, :] ** 2
    g = torch.tensor([1.0 if t == 0 else 0.5 for t in range(n)])
    gram = g[:, None] * g[None, :]
    r = u * lam - s
    return (gram * r * r).sum() / u.shape[0]


def reference(inp, out):
    import h5py
    with h5py.File(inp, "r") as f:
        a = f.attrs
        modes = [int(m) for m in np.atleast_1d(a["modes"])]
        if len(modes) != 2 or modes[0] != modes[1] or modes[0] % 2 == 0:
            raise SystemExit(f"reference: modes {modes}; this script has square odd 2-D slot counts")
        model = Nsm(int(a["width"]), int(a["depth"]), modes[0], float(a["output_scale"]))
        with torch.no_grad():
            for name, p in model.names().items():
                p.copy_(torch.from_numpy(f["parameters"][name][()]))
        s = torch.from_numpy(f["input"][()].astype(np.float32))
    u = model(s)
    loss = residual_loss(u, s)
    loss.backward()
    with h5py.File(out, "w") as f:
        f["output"] = u.detach().numpy()
        f["loss"] = loss.item()
        g = f.create_group("gradients")
        for name, p in model.names().items():
            g[name] = p.grad.numpy()
        f.attrs["torch_version"] = "".join(torch.__version__)


def bench(opts):
    o = dict(width=16, depth=4, modes=31, batch=16, threads=2, warmup=3, repeats=10, seed=0)
    for k, v in opts.items():
        if k not in o:
            raise SystemExit(f"bench: unknown key --{k}")
        o[k] = int(v)
    torch.set_num_threads(o["threads"])
    torch.manual_seed(o["seed"])
    n = o["modes"]
    model = Nsm(o["width"], o["depth"], n)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    k = torch.tensor([1.0 + wave(n, t) for t in range(n)])
    decay = 1 / (k[:, None] * k[None, :]) ** 2

    def step():
        s = torch.randn(o["batch"], 1, n, n) * decay
        s[:, :, 0, 0] = 0
        optimizer.zero_grad()
        loss = residual_loss(model(s), s)
        loss.backward()
        optimizer.step()

    for _ in range(o["warmup"]):
        step()
    times = []
    for _ in range(o["repeats"]):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    print(json.dumps(dict(reference="PyTorch " + "".join(torch.__version__), threads=torch.get_num_threads(),
                          parameters=sum(p.numel() for p in model.parameters()), train_step_seconds=statistics.median(times))))


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "reference" and len(args) == 3:
        reference(args[1], args[2])
    elif args and args[0] == "bench":
        bench({k.lstrip("-"): v for k, v in zip(args[1::2], args[2::2])})
    else:
        sys.exit(__doc__)
