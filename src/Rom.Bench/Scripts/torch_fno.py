#!/usr/bin/python3
"""The FNO of Rom.Neural.Models.Fno written out in plain PyTorch (Debian's python3-torch 1.13), for checks and timings.

Embedded in Rom.Bench (src/Rom.Bench/Scripts): `rom bench neural` runs its `bench` subcommand, and
tests/Rom.IO.Tests/Neural/TorchReferenceTests.cs its `reference` subcommand, from this one copy.

The architecture is neuraloperator 1.0's FNO with its defaults (grid positional embedding, lifting and projection
channel MLPs with ratio 2, Fourier blocks of spectral convolution + linear skip, channel MLP (expansion 0.5) with a
soft-gating skip, GELU (or the non_linearity attribute: relu, tanh) except after the last block, optional symmetric
domain padding), and the module names are
neuraloperator's, so state-dict keys read the same in all three codes.

Rom's model layout (HDF5): /architecture attributes (FnoOptions in snake case) and /parameters/<state-dict key> in
float32; a 1x1 convolution's weight is stored (out, in), a bias or gate as (channels), a complex tensor with a leading
axis of 2 (real plane, imaginary plane).

  torch_fno.py reference OUT.h5 [--dims 2] [--seed 0] [--non_linearity gelu|relu|tanh]
      a random model, batch, target; writes the parameters, the input, the forward output, the relative-L2 loss (sum
      over samples) and every parameter's gradient, for Rom to reproduce.
  torch_fno.py forward MODEL.h5 INPUT.h5 OUT.h5
      loads a Rom model file into this PyTorch model and writes its output on INPUT.h5's /input.
  torch_fno.py train TRAIN.h5 TEST.h5 PRED.h5 [--key value ...]
      trains as neuraloperator's Trainer does (outputs unit-Gaussian encoded per channel for the training loss, inputs
      as they are, AdamW/Adam, cosine or step schedule stepped per epoch, loss 'h1' or 'l2' summed over the batch),
      writes the test predictions, and prints one JSON object (parameters, epochs, seconds, train_loss, test_rel_l2,
      test_h1, torch version, threads). Keys: --epochs 30 --batch 64 --lr 1e-2 --weight_decay 1e-4
      --optimizer adamw --schedule cosine --step_size 100 --gamma 0.5 --loss h1 --modes 8,8 --width 24
      --layers 4 --seed 0 --threads 2 --train_samples 0 --test_samples 0.
  torch_fno.py statedict OUT.pt OUT.h5 [--dims 2] [--factorization dense|tucker|cp|tt] [--rank 0.1] [--metadata
      kwargs|args|tfno|none] [--norm NAME] [--seed 0]
      [--non_linearity gelu|relu|tanh|silu]
      a random model saved as neuraloperator (>= 1.0) saves its FNO/TFNO: torch.save(model.state_dict()) with its key
      names, tltorch's layout of the complex spectral weights (real views with a trailing axis of 2; Tucker core and
      factors.factor_i, CP weights and factors, TT factors, ranks from the fraction as tensorly computes them) and the
      _metadata entry of BaseModel (the constructor's arguments; 'args' passes the first four positionally, 'tfno'
      only what a TFNO call names, 'none' leaves it out); OUT.h5 holds /input and the model's /output on it, the
      factorised weights applied through their reconstruction.
  torch_fno.py bench [--key value ...]
      times one configuration, as `rom bench neural` does on Rom's side: random input and target (batch, 1, size...),
      after warm-up (at least --warmup calls and --warmup_seconds) the median over repeats of an inference forward
      under torch.no_grad() (seconds per batch) and of a full training step (zero_grad, forward, relative-L2 loss
      summed over the batch, backward, Adam step); peak RSS
      (getrusage ru_maxrss) after the imports, after inference and after training, in that order, so a fresh process
      per configuration gives that configuration's peaks. Prints one JSON object. Keys: --size 64,64 --batch 32
      --width 32 --modes 12,12 --layers 4 --threads 1 --warmup 2 --warmup_seconds 1 --repeats 5 --seed 0.
"""
import collections
import json
import resource
import statistics
import time
import sys

try:
    import h5py  # the file-based subcommands only; `bench` runs without it
except ImportError:
    h5py = None
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def kept_modes(n_modes):
    kept = list(n_modes)
    kept[-1] = n_modes[-1] // 2 + 1
    return kept


class Holder(nn.Module):
    """tltorch's ComplexDenseTensor as far as the state dict sees it: one parameter named 'tensor'."""

    def __init__(self, tensor):
        super().__init__()
        self.tensor = nn.Parameter(tensor)


class SpectralConv(nn.Module):
    def __init__(self, cin, cout, n_modes):
        super().__init__()
        self.n_modes = list(n_modes)
        std = (2 / (cin + cout)) ** 0.5
        self.weight = Holder(std * torch.randn(cin, cout, *kept_modes(n_modes), dtype=torch.cfloat))
        self.bias = nn.Parameter(std * torch.randn(cout, *(1,) * len(n_modes)))

    def forward(self, x):
        d = len(self.n_modes)
        dims = list(range(-d, 0))
        size = list(x.shape[-d:])
        xf = torch.fft.rfftn(x, dim=dims, norm="forward")
        if d > 1:
            xf = torch.fft.fftshift(xf, dim=dims[:-1])
        w = self.weight.tensor
        slices = [slice(None), slice(None)]
        for n_all, n in zip(xf.shape[2:-1], w.shape[2:-1]):
            center = n_all // 2
            slices.append(slice(center - n // 2, center + n // 2 + n % 2))
        slices.append(slice(0, w.shape[-1]))
        slices = tuple(slices)
        out = torch.zeros(x.shape[0], w.shape[1], *xf.shape[2:], dtype=xf.dtype)
        out[slices] = torch.einsum("bi...,io...->bo...", xf[slices], w)
        if d > 1:
            out = torch.fft.ifftshift(out, dim=dims[:-1])
            out = torch.fft.ifftn(out, s=size[:-1], dim=dims[:-1], norm="forward")
        y = torch.fft.irfft(out, n=size[-1], dim=-1, norm="forward")
        return y + self.bias


class Flattened1dConv(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.Conv1d(cin, cout, 1, bias=False)

    def forward(self, x):
        b, c, *s = x.shape
        return self.conv(x.reshape(b, c, -1)).reshape(b, -1, *s)


ACTIVATIONS = dict(gelu=F.gelu, relu=F.relu, tanh=torch.tanh, silu=F.silu)


class ChannelMLP(nn.Module):
    def __init__(self, channels, act=F.gelu):
        super().__init__()
        self.act = act
        self.fcs = nn.ModuleList(nn.Conv1d(a, b, 1) for a, b in zip(channels[:-1], channels[1:]))

    def forward(self, x):
        b, c, *s = x.shape
        x = x.reshape(b, c, -1)
        for i, fc in enumerate(self.fcs):
            x = fc(x)
            if i < len(self.fcs) - 1:
                x = self.act(x)
        return x.reshape(b, -1, *s)


class SoftGating(nn.Module):
    def __init__(self, channels, d):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(1, channels, *(1,) * d))

    def forward(self, x):
        return x * self.weight


class FNOBlocks(nn.Module):
    def __init__(self, width, n_modes, n_layers, use_channel_mlp, expansion, act=F.gelu):
        super().__init__()
        d = len(n_modes)
        self.act = act
        self.n_layers = n_layers
        self.convs = nn.ModuleList(SpectralConv(width, width, n_modes) for _ in range(n_layers))
        self.fno_skips = nn.ModuleList(Flattened1dConv(width, width) for _ in range(n_layers))
        self.use_channel_mlp = use_channel_mlp
        if use_channel_mlp:
            hidden = round(width * expansion)
            self.channel_mlp = nn.ModuleList(ChannelMLP([width, hidden, width], act) for _ in range(n_layers))
            self.channel_mlp_skips = nn.ModuleList(SoftGating(width, d) for _ in range(n_layers))

    def forward(self, x, i):
        last = i == self.n_layers - 1
        skip_mlp = self.channel_mlp_skips[i](x) if self.use_channel_mlp else None
        x = self.convs[i](x) + self.fno_skips[i](x)
        if not last:
            x = self.act(x)
        if self.use_channel_mlp:
            x = self.channel_mlp[i](x) + skip_mlp
            if not last:
                x = self.act(x)
        return x


class FNO(nn.Module):
    def __init__(self, a):
        super().__init__()
        self.a = a
        n_modes, width = list(a["n_modes"]), a["hidden_channels"]
        d = len(n_modes)
        lift_in = a["in_channels"] + (d if a["positional_embedding"] else 0)
        act = ACTIVATIONS[a["non_linearity"]]
        self.lifting = ChannelMLP([lift_in, int(a["lifting_channel_ratio"] * width), width], act)
        self.fno_blocks = FNOBlocks(width, n_modes, a["n_layers"], a["use_channel_mlp"], a["channel_mlp_expansion"], act)
        self.projection = ChannelMLP([width, int(a["projection_channel_ratio"] * width), a["out_channels"]], act)

    def forward(self, x):
        size = list(x.shape[2:])
        if self.a["positional_embedding"]:
            axes = [torch.linspace(0, 1, n + 1)[:-1] for n in size]
            grids = torch.meshgrid(*axes, indexing="ij")
            x = torch.cat([x] + [g.expand(x.shape[0], 1, *size) for g in grids], dim=1)
        x = self.lifting(x)
        pads = [round(self.a["domain_padding"] * n) for n in size]
        if any(pads):
            x = F.pad(x, [q for p in reversed(pads) for q in (p, p)])
        for i in range(self.a["n_layers"]):
            x = self.fno_blocks(x, i)
        if any(pads):
            x = x[(Ellipsis,) + tuple(slice(p, p + n) for p, n in zip(pads, size))]
        return self.projection(x)


def to_rom(key, value):
    """A state-dict tensor in Rom's stored shape."""
    v = value.detach()
    if v.is_complex():
        return np.stack([v.real.numpy(), v.imag.numpy()]).astype(np.float32)
    v = v.numpy().astype(np.float32)
    if key.endswith("bias") or "channel_mlp_skips" in key:
        return v.reshape(-1)
    if v.ndim == 3 and v.shape[-1] == 1:  # Conv1d (out, in, 1)
        return v[:, :, 0]
    return v


def from_rom(data, like):
    """Rom's stored array back in a state-dict tensor's shape."""
    if like.is_complex():
        return torch.complex(torch.from_numpy(data[0]), torch.from_numpy(data[1])).reshape(like.shape)
    return torch.from_numpy(np.asarray(data, dtype=np.float32)).reshape(like.shape)


DEFAULTS = dict(in_channels=1, out_channels=1, hidden_channels=32, n_modes=[12, 12], n_layers=4,
                lifting_channel_ratio=2.0, projection_channel_ratio=2.0, positional_embedding=True,
                use_channel_mlp=True, channel_mlp_expansion=0.5, domain_padding=0.0, factorization="dense", rank=1.0,
                non_linearity="gelu")


def read_architecture(group):
    a = dict(DEFAULTS)
    for k in a:
        if k in group.attrs:
            v = group.attrs[k]
            a[k] = v.decode() if isinstance(v, bytes) else (list(int(m) for m in v) if k == "n_modes" else v.item() if hasattr(v, "item") else v)
    a["positional_embedding"] = bool(a["positional_embedding"])
    a["use_channel_mlp"] = bool(a["use_channel_mlp"])
    return a


def write_architecture(group, a):
    for k, v in a.items():
        group.attrs[k] = np.array(v, dtype=np.int64) if k == "n_modes" else int(v) if isinstance(v, bool) else v


def relative_l2_sum(pred, target):
    b = pred.shape[0]
    diff = (pred - target).reshape(b, -1).norm(dim=1)
    return (diff / target.reshape(b, -1).norm(dim=1)).sum()


def finite_difference(u, axis, h):
    """neuraloperator's FiniteDiff first derivative with periodic ends (its H1Loss default)."""
    return (torch.roll(u, -1, dims=axis) - torch.roll(u, 1, dims=axis)) / (2.0 * h)


def h1_terms(u):
    """u and its periodic central differences with h = 1/N per axis, flattened per sample, as H1Loss.compute_terms."""
    d = u.ndim - 2
    size = u.shape[2:]
    terms = [u] + [finite_difference(u, 2 + a, 1.0 / size[a]) for a in range(d)]
    return [t.reshape(u.shape[0], u.shape[1], -1) for t in terms]


def relative_h1(pred, target, reduce="sum"):
    """neuraloperator's H1Loss(d).rel: sqrt(sum of squared differences of u and its derivatives) over the target's."""
    diff = sum(((a - b) ** 2).sum(dim=-1) for a, b in zip(h1_terms(pred), h1_terms(target)))
    norm = sum((b ** 2).sum(dim=-1) for b in h1_terms(target))
    r = diff.sqrt() / (norm.sqrt() + 1e-8)
    return r.sum() if reduce == "sum" else r.mean()


def read_pairs(path, samples):
    with h5py.File(path, "r") as f:
        x = torch.from_numpy(f["x"][()].astype(np.float32))
        y = torch.from_numpy(f["y"][()].astype(np.float32))
    if samples:
        x, y = x[:samples], y[:samples]
    return x.unsqueeze(1), y.unsqueeze(1)


def train(train_path, test_path, pred_path, opts):
    o = dict(epochs=30, batch=64, lr=1e-2, weight_decay=1e-4, optimizer="adamw", schedule="cosine", step_size=100,
             gamma=0.5, loss="h1", modes="8,8", width=24, layers=4, seed=0, threads=2, train_samples=0, test_samples=0)
    for k, v in opts.items():
        o[k] = type(o[k])(v)
    torch.set_num_threads(o["threads"])
    torch.manual_seed(o["seed"])
    x, y = read_pairs(train_path, o["train_samples"])
    xt, yt = read_pairs(test_path, o["test_samples"])
    mean = y.mean(dim=(0, 2, 3), keepdim=True)
    std = y.std(dim=(0, 2, 3), keepdim=True)
    eps = 1e-7
    a = dict(DEFAULTS, n_modes=[int(m) for m in o["modes"].split(",")], hidden_channels=o["width"], n_layers=o["layers"])
    model = FNO(a)
    params = sum(p.numel() * (2 if p.is_complex() else 1) for p in model.parameters())
    opt_class = torch.optim.AdamW if o["optimizer"] == "adamw" else torch.optim.Adam
    opt = opt_class(model.parameters(), lr=o["lr"], weight_decay=o["weight_decay"])
    if o["schedule"] == "cosine":
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=o["epochs"])
    elif o["schedule"] == "step":
        sched = torch.optim.lr_scheduler.StepLR(opt, step_size=o["step_size"], gamma=o["gamma"])
    else:
        sched = None
    loss_fn = relative_h1 if o["loss"] == "h1" else relative_l2_sum
    yn = (y - mean) / (std + eps)
    start = time.perf_counter()
    train_loss = float("nan")
    for epoch in range(o["epochs"]):
        model.train()
        order = torch.randperm(x.shape[0])
        total = 0.0
        for i in range(0, x.shape[0], o["batch"]):
            idx = order[i:i + o["batch"]]
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), yn[idx])
            loss.backward()
            opt.step()
            total += loss.item()
        train_loss = total / x.shape[0]
        if sched is not None:
            sched.step()
    seconds = time.perf_counter() - start
    model.eval()
    with torch.no_grad():
        pred = model(xt) * (std + eps) + mean
    with h5py.File(pred_path, "w") as f:
        f["predictions"] = pred[:, 0].numpy()
    print(json.dumps(dict(parameters=params, epochs=o["epochs"], seconds=seconds, train_loss=train_loss,
                          test_rel_l2=relative_l2_sum(pred, yt).item() / xt.shape[0],
                          test_h1=relative_h1(pred, yt).item() / xt.shape[0],
                          reference="PyTorch " + "".join(torch.__version__), threads=o["threads"])))


def reference(out, dims=2, seed=0, non_linearity="gelu"):
    torch.manual_seed(seed)
    size = {1: [32], 2: [16, 12], 3: [8, 8, 10]}[dims]
    modes = {1: [8], 2: [6, 8], 3: [4, 4, 6]}[dims]
    a = dict(DEFAULTS, hidden_channels=8, n_modes=modes, n_layers=3, in_channels=2, out_channels=1, domain_padding=0.25 if dims == 2 else 0.0, non_linearity=non_linearity)
    model = FNO(a)
    x = torch.randn(3, a["in_channels"], *size)
    target = torch.randn(3, a["out_channels"], *size)
    y = model(x)
    loss = relative_l2_sum(y, target)
    loss.backward()
    with h5py.File(out, "w") as f:
        write_architecture(f.create_group("architecture"), a)
        p, g = f.create_group("parameters"), f.create_group("gradients")
        for k, v in model.named_parameters():
            p[k] = to_rom(k, v)
            g[k] = to_rom(k, v.grad)
        f["input"] = x.numpy()
        f["target"] = target.numpy()
        f["output"] = y.detach().numpy()
        f["loss"] = loss.item()
        f.attrs["torch_version"] = "".join(torch.__version__)


def load_rom_model(path):
    with h5py.File(path, "r") as f:
        a = read_architecture(f["architecture"])
        model = FNO(a)
        state = model.state_dict()
        missing = [k for k in state if k not in f["parameters"]]
        if missing:
            raise SystemExit(f"{path}: parameters {missing} are missing")
        model.load_state_dict({k: from_rom(f["parameters"][k][()], v) for k, v in state.items()})
    return model


def forward(model_path, input_path, out):
    model = load_rom_model(model_path)
    with h5py.File(input_path, "r") as f:
        x = torch.from_numpy(f["input"][()].astype(np.float32))
    with torch.no_grad():
        y = model(x)
    with h5py.File(out, "w") as f:
        f["output"] = y.numpy()


def tucker_ranks(shape, rank):
    """tensorly.tucker_tensor.validate_tucker_rank for a float rank (no fixed modes)."""
    from scipy.optimize import brentq
    n = float(np.prod(shape))
    squares = float(sum(s ** 2 for s in shape))
    c = brentq(lambda x: n * x ** len(shape) + squares * x - rank * n, 0.0, max(rank, 1.0))
    return [max(int(np.round(s * c)), 1) for s in shape]


def cp_rank(shape, rank):
    """tensorly.cp_tensor.validate_cp_rank for a float rank."""
    return int(np.round(np.prod(shape) * rank / np.sum(shape)))


def tt_ranks(shape, rank):
    """tensorly.tt_tensor.validate_tt_rank for a float rank (ranks proportional to the modes)."""
    order = len(shape)
    avg = [(shape[i] + shape[i + 1]) / 2 for i in range(order - 1)]
    a = sum(avg[i - 1] * shape[i] * avg[i] for i in range(1, order - 1)) if len(avg) > 1 else avg[0] ** 2 * shape[0]
    b = shape[0] * avg[0] + shape[-1] * avg[-1]
    c = -np.prod(shape) * rank
    scale = (-b + np.sqrt(b ** 2 - 4 * a * c)) / (2 * a)
    return [1] + [max(int(np.round(d * scale)), 1) for d in avg] + [1]


def factorized_weight(shape, factorization, rank, std):
    """Random complex factors in tltorch's order and names, scaled so that the weight they make has std `std`."""
    n = len(shape)
    full = "abcdefgh"[:n]
    inner = "pqrstuvw"[:n]

    def build(parts):
        if factorization == "tucker":
            core, *factors = parts
            return torch.einsum(inner + "," + ",".join(full[j] + inner[j] for j in range(n)) + "->" + full, core, *factors)
        if factorization == "cp":
            weights, *factors = parts
            return torch.einsum("z," + ",".join(full[j] + "z" for j in range(n)) + "->" + full, weights, *factors)
        t = parts[0].reshape(shape[0], -1)
        for f in parts[1:]:
            t = torch.tensordot(t, f, dims=([t.ndim - 1], [0]))
        return t.reshape(shape)

    if factorization == "tucker":
        r = tucker_ranks(shape, rank)
        names = ["core"] + [f"factors.factor_{j}" for j in range(n)]
        parts = [torch.randn(*r, dtype=torch.cfloat)] + [torch.randn(shape[j], r[j], dtype=torch.cfloat) for j in range(n)]
    elif factorization == "cp":
        r = cp_rank(shape, rank)
        names = ["weights"] + [f"factors.factor_{j}" for j in range(n)]
        parts = [torch.randn(r, dtype=torch.cfloat)] + [torch.randn(shape[j], r, dtype=torch.cfloat) for j in range(n)]
    else:
        r = tt_ranks(shape, rank)
        names = [f"factors.factor_{j}" for j in range(n)]
        parts = [torch.randn(r[j], shape[j], r[j + 1], dtype=torch.cfloat) for j in range(n)]
    parts[0] = parts[0] * (std / build(parts).abs().pow(2).mean().sqrt())
    return dict(zip(names, parts)), build(parts)


def statedict(out_pt, out_h5, opts):
    o = dict(dims=2, factorization="dense", rank=0.1, metadata="kwargs", norm="", seed=0, non_linearity="gelu")
    for k, v in opts.items():
        if k not in o:
            raise SystemExit(f"statedict: unknown key --{k}")
        o[k] = type(o[k])(v)
    torch.manual_seed(o["seed"])
    dims, factorization = o["dims"], o["factorization"]
    if o["metadata"] == "tfno":
        factorization, o["rank"] = "tucker", 0.1
    size = {1: [32], 2: [16, 12], 3: [8, 8, 10]}[dims]
    modes = {1: [8], 2: [6, 8], 3: [4, 4, 6]}[dims]
    padding = 0.25 if dims == 2 else None
    a = dict(DEFAULTS, hidden_channels=8, n_modes=modes, n_layers=3, in_channels=2, out_channels=1, domain_padding=padding or 0.0,
             non_linearity=o["non_linearity"])
    model = FNO(a)
    factors = {}
    for i, conv in enumerate(model.fno_blocks.convs):
        if factorization != "dense":
            std = (2 / (2 * a["hidden_channels"])) ** 0.5
            factors[i], dense = factorized_weight(list(conv.weight.tensor.shape), factorization, o["rank"], std)
            conv.weight.tensor.data = dense
    x = torch.randn(3, a["in_channels"], *size)
    with torch.no_grad():
        y = model(x)

    state = model.state_dict()
    saved = collections.OrderedDict()
    for k, v in state.items():
        if k.endswith(".weight.tensor"):
            layer = int(k.split(".")[2])
            prefix = k[: -len("tensor")]
            parts = factors[layer] if factorization != "dense" else {"tensor": v}
            for name, part in parts.items():
                saved[prefix + name] = torch.view_as_real(part.detach()).clone()
        else:
            saved[k] = v
    saved._metadata = state._metadata
    given = dict(n_modes=tuple(modes), in_channels=a["in_channels"], out_channels=a["out_channels"],
                 hidden_channels=a["hidden_channels"], n_layers=a["n_layers"])
    defaults = dict(lifting_channel_ratio=2, projection_channel_ratio=2, positional_embedding="grid",
                    non_linearity=getattr(F, o["non_linearity"]),
                    norm=o["norm"] or None, norm_groups=1, complex_data=False, use_channel_mlp=True, channel_mlp_dropout=0,
                    channel_mlp_expansion=0.5, channel_mlp_skip="soft-gating", fno_skip="linear", conv_bias_kernel=1,
                    resolution_scaling_factor=None, domain_padding=padding, fno_block_precision="full", stabilizer=None,
                    max_n_modes=None, factorization=None if factorization == "dense" else factorization.capitalize(),
                    rank=o["rank"] if factorization != "dense" else 1.0, fixed_rank_modes=False,
                    implementation="factorized", decomposition_kwargs={}, separable=False, preactivation=False,
                    conv_module=SpectralConv, enforce_hermitian_symmetry=True)
    if o["metadata"] == "kwargs":
        saved["_metadata"] = dict(given, **defaults, _version="0.1.0", args=(), _name="FNO")
    elif o["metadata"] == "args":
        positional = tuple(given.pop(k) for k in ["n_modes", "in_channels", "out_channels", "hidden_channels"])
        saved["_metadata"] = dict(given, **defaults, _version="0.1.0", args=positional, _name="FNO")
    elif o["metadata"] == "tfno":
        given.update(domain_padding=padding, **({"norm": o["norm"]} if o["norm"] else {}))
        saved["_metadata"] = dict(given, args=(), _name="TFNO")
    torch.save(saved, out_pt)
    with h5py.File(out_h5, "w") as f:
        f["input"] = x.numpy()
        f["output"] = y.numpy()
        f.attrs["torch_version"] = "".join(torch.__version__)


def peak_rss_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def median_seconds(step, warmup, warmup_seconds, repeats):
    start = time.perf_counter()
    calls = 0
    while calls < warmup or time.perf_counter() - start < warmup_seconds:
        step()
        calls += 1
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench(opts):
    o = dict(size="64,64", batch=32, width=32, modes="12,12", layers=4, threads=1, warmup=2, warmup_seconds=1.0, repeats=5,
             seed=0)
    for k, v in opts.items():
        if k not in o:
            raise SystemExit(f"bench: unknown key --{k}")
        o[k] = type(o[k])(v)
    baseline = peak_rss_bytes()
    torch.set_num_threads(o["threads"])
    torch.manual_seed(o["seed"])
    size = [int(n) for n in o["size"].split(",")]
    a = dict(DEFAULTS, n_modes=[int(m) for m in o["modes"].split(",")], hidden_channels=o["width"], n_layers=o["layers"])
    model = FNO(a)
    x = torch.randn(o["batch"], a["in_channels"], *size)
    target = torch.randn(o["batch"], a["out_channels"], *size)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)

    def infer():
        with torch.no_grad():
            model(x)

    def train_step():
        opt.zero_grad()
        loss = relative_l2_sum(model(x), target)
        loss.backward()
        opt.step()

    inference = median_seconds(infer, o["warmup"], o["warmup_seconds"], o["repeats"])
    inference_peak = peak_rss_bytes()
    training = median_seconds(train_step, o["warmup"], o["warmup_seconds"], o["repeats"])
    print(json.dumps(dict(reference="PyTorch " + "".join(torch.__version__), threads=torch.get_num_threads(),
                          parameters=sum(p.numel() * (2 if p.is_complex() else 1) for p in model.parameters()),
                          inference_seconds=inference, train_step_seconds=training, baseline_rss_bytes=baseline,
                          inference_peak_rss_bytes=inference_peak, train_peak_rss_bytes=peak_rss_bytes())))


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "reference":
        opts = dict(zip(args[2::2], args[3::2]))
        reference(args[1], int(opts.get("--dims", 2)), int(opts.get("--seed", 0)), opts.get("--non_linearity", "gelu"))
    elif args and args[0] == "forward" and len(args) == 4:
        forward(*args[1:])
    elif args and args[0] == "train" and len(args) >= 4:
        train(args[1], args[2], args[3], {k.lstrip("-"): v for k, v in zip(args[4::2], args[5::2])})
    elif args and args[0] == "statedict" and len(args) >= 3:
        statedict(args[1], args[2], {k.lstrip("-"): v for k, v in zip(args[3::2], args[4::2])})
    elif args and args[0] == "bench":
        bench({k.lstrip("-"): v for k, v in zip(args[1::2], args[2::2])})
    else:
        sys.exit(__doc__)
