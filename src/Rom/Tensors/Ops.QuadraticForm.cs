using System.Numerics;

namespace Rom.Tensors;

public static partial class Ops
{
    /// <summary>
    /// q = Σ_l x_lᴴ (G₁ ⊗ … ⊗ G_d) x_l: the quadratic form of symmetric matrices G_a, one per trailing axis of x, summed
    /// over x's leading indices l (batch, channels) — for real or complex x (a complex x counts its real and imaginary
    /// planes: q = Reᵀ G Re + Imᵀ G Im). With G_a the Gram matrix ∫ φ_i φ_j of axis a's basis this is the exact squared
    /// L2 norm of the series whose coefficients x holds (Parseval), the spectral residual loss of neural spectral
    /// methods; with a kernel's inverse it is a Gaussian prior's quadratic term. The gradient is 2 (⊗G) x.
    /// </summary>
    /// <param name="x">Coefficients (…, n₁, …, n_d).</param>
    /// <param name="gram">One symmetric n_a × n_a matrix per trailing axis, outermost first.</param>
    public static Variable<T> KroneckerQuadraticForm<T>(Variable<T> x, IReadOnlyList<double[,]> gram) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(gram);
        int d = gram.Count, rank = x.Value.Rank;
        Require(d >= 1 && d <= rank, $"{d} matrices for a tensor {x.Value.ShapeText}; give one per trailing axis, at least one.");
        int[] sizes = new int[d];
        for (int a = 0; a < d; a++)
        {
            var g = gram[a];
            int n = x.Value.Extent(rank - d + a);
            Require(g is not null && g.GetLength(0) == n && g.GetLength(1) == n, $"matrix {a} must be {n} × {n} for axis {rank - d + a} of {x.Value.ShapeText}.");
            for (int i = 0; i < n; i++)
                for (int j = 0; j < i; j++)
                    Require(g![i, j] == g[j, i], $"matrix {a} is not symmetric at ({i}, {j}).");
            sizes[a] = n;
        }
        int block = sizes.Aggregate(1, (p, n) => p * n), count = x.Value.Count, planes = x.Value.IsComplex ? 2 : 1;
        var applied = new double[planes * count];
        var scratch = new double[block];
        double q = 0;
        for (int start = 0; start < planes * count; start += block)
        {
            var result = applied.AsSpan(start, block);
            for (int i = 0; i < block; i++)
                result[i] = double.CreateTruncating(x.Value.Data[start + i]);
            for (int a = 0; a < d; a++)
                ApplyAlongAxis(gram[a], result, sizes, a, scratch);
            for (int i = 0; i < block; i++)
                q += double.CreateTruncating(x.Value.Data[start + i]) * result[i];
        }
        var y = new Tensor<T>([], [T.CreateTruncating(q)]);
        return Tape<T>.Result(y, [x], o =>
        {
            double seed = 2 * double.CreateTruncating(o.Gradient.Data[0]);
            T[] g = x.Gradient.Data;
            for (int i = 0; i < applied.Length; i++)
                g[i] += T.CreateTruncating(seed * applied[i]);
        });
    }

    /// <summary>v ← (I ⊗ … ⊗ G ⊗ … ⊗ I) v for a row-major block of <paramref name="sizes"/>, G along <paramref name="axis"/>.</summary>
    private static void ApplyAlongAxis(double[,] g, Span<double> v, int[] sizes, int axis, double[] scratch)
    {
        int n = sizes[axis], after = 1;
        for (int a = axis + 1; a < sizes.Length; a++)
            after *= sizes[a];
        int before = v.Length / (n * after);
        var copy = scratch.AsSpan(0, v.Length);
        v.CopyTo(copy);
        for (int p = 0; p < before; p++)
            for (int i = 0; i < n; i++)
                for (int q = 0; q < after; q++)
                {
                    double sum = 0;
                    for (int j = 0; j < n; j++)
                        sum += g[i, j] * copy[(p * n + j) * after + q];
                    v[(p * n + i) * after + q] = sum;
                }
    }
}
