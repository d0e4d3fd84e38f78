"""Reference for Rom.Models.Darcy.SkrDarcyFamily.FieldFromNoise: the SKR Darcy field (Wang et al., ICLR 2024).

Draws xi1, xi2 ~ N(0, 1) on an s x s grid with a fixed numpy seed, forms
g = Re(ifft2(sqrt_lambda * (xi1 + i xi2))), a = exp(g), and writes xi1, xi2, a to the JSON fixture read by
tests/Rom.Tests/Models/Darcy/SkrDarcyFamilyTests.cs. Run with Debian's /usr/bin/python3 (numpy).
"""
import json
import pathlib
import numpy as np

S, ALPHA, TAU, SEED = 16, 2.5, 7.0, 2024


def field(xi1, xi2, alpha=ALPHA, tau=TAU):
    s = xi1.shape[0]
    sigma = tau ** ((2 * alpha - 2) / 2)
    k = np.fft.fftfreq(s, 1 / s)
    k1, k2 = np.meshgrid(k, k, indexing="ij")
    sqrt_lambda = s * s * np.sqrt(2) * sigma * (4 * np.pi ** 2 * (k1 ** 2 + k2 ** 2) + tau ** 2) ** (-alpha / 2)
    sqrt_lambda[0, 0] = 0
    g = np.real(np.fft.ifft2(sqrt_lambda * (xi1 + 1j * xi2)))
    return np.exp(g)


def main():
    rng = np.random.default_rng(SEED)
    xi1 = rng.standard_normal((S, S))
    xi2 = rng.standard_normal((S, S))
    a = field(xi1, xi2)
    out = pathlib.Path(__file__).resolve().parent.parent / "tests/Rom.Tests/Models/Darcy/Fixtures/skr_darcy_reference.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"s": S, "alpha": ALPHA, "tau": TAU, "seed": SEED,
                               "xi1": xi1.tolist(), "xi2": xi2.tolist(), "a": a.tolist()}))
    print(f"wrote {out}: a in [{a.min():.4g}, {a.max():.4g}]")


if __name__ == "__main__":
    main()
