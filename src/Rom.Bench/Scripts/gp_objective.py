"""GP-HM's objective and its gradient in PyTorch (Debian's python3-torch, float64, autograd): the independent
reference for Rom.GaussianProcesses.GpObjective (value, gradient with respect to every kernel parameter, the log noises
and the grid values U) and its timing.

    /usr/bin/python3 gp_objective.py INPUT.json OUTPUT.json   (embedded in Rom.Bench; rom bench gp runs it)

INPUT: {"sizes": [n_1, ...], "start": [...], "end": [...], "family": "StudentT"|"Gaussian", "components": Q,
        "boundary_weight": w, "jitter": j, "phi": [...], "u": [...], "f": [...], "g": [...], "boundary": [indices],
        "terms": [[axis, order, coefficient], ...], "repeats": k, "threads": t}
OUTPUT: {"objective": J, "grad_phi": [...], "grad_u": [...], "seconds": the best of the repeats' seconds for one value + gradient}

The objective, as Fang et al. (ICLR 2024, eq. 9) and their code pose it, with K = K_1 ⊗ ... ⊗ K_D:
    J = ½ Uᵀ K⁻¹ U + ½ log det K + w (½ τ ‖U_B − g‖² − ½ N_B log τ) + ½ v ‖L U − f‖² − ½ N log v,
L U = Σ_t c_t (K_d^(k) K_d⁻¹) ×_d U. Written here from the textbook forms, not from Rom's code: the Matérn-5/2
derivatives in closed form (g'' = 5ℓ²/3 (5ℓ²r² − √5ℓ|r| − 1) e^(−√5ℓ|r|)), the Gaussian ones and every product
rule by autograd, K⁻¹ and log det K by Cholesky factor by factor.
"""
import json
import math
import sys
import time

import torch

torch.set_default_dtype(torch.float64)


def envelope(r, rate, family, order):
    """The component envelope g(r) or its first/second derivative in r."""
    if family == "Gaussian":
        rr = r.clone().requires_grad_(True) if order > 0 else r
        g = torch.exp(-rate * rr * rr)
        for _ in range(order):
            (g,) = torch.autograd.grad(g.sum(), rr, create_graph=True)
        return g
    s5 = math.sqrt(5.0)
    a = r.abs()
    e = torch.exp(-s5 * rate * a)
    if order == 0:
        return (1 + s5 * rate * a + 5.0 / 3.0 * rate ** 2 * r ** 2) * e
    if order == 1:
        return -5.0 / 3.0 * rate ** 2 * r * (1 + s5 * rate * a) * e
    return 5.0 / 3.0 * rate ** 2 * (5 * rate ** 2 * r ** 2 - s5 * rate * a - 1) * e


def cosine(r, f, order):
    w = 2 * math.pi * f
    return [torch.cos(w * r), -w * torch.sin(w * r), -w * w * torch.cos(w * r)][order]


def kernel(r, theta, family, order):
    """∂^order/∂r^order of Σ_q w_q g(r; ℓ_q) cos(2π f_q r), θ = (log w, log ℓ, f)."""
    q = theta.shape[0] // 3
    total = torch.zeros_like(r)
    binomial = [[1], [1, 1], [1, 2, 1]][order]
    for c in range(q):
        weight, rate, freq = torch.exp(theta[c]), torch.exp(theta[q + c]), theta[2 * q + c]
        total = total + weight * sum(b * envelope(r, rate, family, order - j) * cosine(r, freq, j) for j, b in enumerate(binomial))
    return total


def mode(matrix, tensor, axis):
    """matrix ×_axis tensor."""
    moved = torch.movedim(tensor, axis, 0)
    shape = moved.shape
    out = (matrix @ moved.reshape(shape[0], -1)).reshape(shape)
    return torch.movedim(out, 0, axis)


def objective(spec, phi, u):
    sizes, dims = spec["sizes"], len(spec["sizes"])
    q3 = 3 * spec["components"]
    n = u.numel()
    field = u.reshape(sizes)
    alpha, logdet, operator = field, 0.0, torch.zeros_like(field)
    factors = []
    for d in range(dims):
        x = torch.linspace(spec["start"][d], spec["end"][d], sizes[d])
        r = x[:, None] - x[None, :]
        theta = phi[q3 * d:q3 * (d + 1)]
        k = kernel(r, theta, spec["family"], 0) + spec["jitter"] * torch.eye(sizes[d])
        chol = torch.linalg.cholesky(k)
        factors.append((r, theta, chol))
        alpha = mode(torch.cholesky_inverse(chol), alpha, d)
        logdet = logdet + n / sizes[d] * 2 * torch.log(torch.diagonal(chol)).sum()
    for axis, order, coefficient in spec["terms"]:
        r, theta, chol = factors[axis]
        derivative = kernel(r, theta, spec["family"], order) @ torch.cholesky_inverse(chol)
        operator = operator + coefficient * mode(derivative, field, axis)
    tau, v = torch.exp(phi[-2]), torch.exp(phi[-1])
    boundary = torch.tensor(spec["boundary"], dtype=torch.long)
    g = torch.tensor(spec["g"])[boundary]
    f = torch.tensor(spec["f"]).reshape(sizes)
    gap_b = ((u[boundary] - g) ** 2).sum()
    gap_e = ((operator - f) ** 2).sum()
    w = spec["boundary_weight"]
    return (0.5 * (field * alpha).sum() + 0.5 * logdet + w * (0.5 * tau * gap_b - 0.5 * len(spec["boundary"]) * torch.log(tau))
            + 0.5 * v * gap_e - 0.5 * n * torch.log(v))


def main():
    if sys.argv[1] == "--check":
        return
    spec = json.load(open(sys.argv[1]))
    torch.set_num_threads(spec.get("threads", torch.get_num_threads()))
    times, result = [], None
    for _ in range(max(1, spec.get("repeats", 1))):
        start = time.perf_counter()
        phi = torch.tensor(spec["phi"], requires_grad=True)
        u = torch.tensor(spec["u"], requires_grad=True)
        value = objective(spec, phi, u)
        grad_phi, grad_u = torch.autograd.grad(value, (phi, u))
        times.append(time.perf_counter() - start)
        result = (value, grad_phi, grad_u)
    value, grad_phi, grad_u = result
    json.dump({"objective": value.item(), "grad_phi": grad_phi.tolist(), "grad_u": grad_u.tolist(),
               "seconds": min(times), "threads": torch.get_num_threads()}, open(sys.argv[2], "w"))


if __name__ == "__main__":
    main()
