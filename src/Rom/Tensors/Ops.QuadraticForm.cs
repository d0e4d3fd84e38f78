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
        int blocks = planes * count / block;
        // A diagonal G_a (an orthogonal basis: Fourier) scales along its axis; a dense one (Chebyshev) is a product.
        double[]?[] diagonal = [.. gram.Select(Diagonal)];
        double[][] flat = [.. gram.Select(g => g.Cast<double>().ToArray())];
        var applied = new double[planes * count];
        var partial = new double[blocks];
        Parallelism.For(blocks, (long)block * sizes.Sum(), (first, end) =>
        {
            var scratch = new double[block];
            for (int b = first; b < end; b++)
            {
                var result = applied.AsSpan(b * block, block);
                ReadOnlySpan<T> xb = x.Value.Data.AsSpan(b * block, block);
                for (int i = 0; i < block; i++)
                    result[i] = double.CreateTruncating(xb[i]);
                for (int a = 0; a < d; a++)
                    ApplyAlongAxis(diagonal[a], flat[a], result, sizes, a, scratch);
                double sum = 0;
                for (int i = 0; i < block; i++)
                    sum += double.CreateTruncating(xb[i]) * result[i];
                partial[b] = sum;
            }
        });
        double q = partial.Sum();
        var y = new Tensor<T>([], [T.CreateTruncating(q)]);
        return Tape<T>.Result(y, [x], o =>
        {
            double seed = 2 * double.CreateTruncating(o.Gradient.Data[0]);
            T[] g = x.Gradient.Data;
            for (int i = 0; i < applied.Length; i++)
                g[i] += T.CreateTruncating(seed * applied[i]);
        });
    }

    /// <summary>The diagonal of <paramref name="g"/> when every other entry is 0, else null.</summary>
    private static double[]? Diagonal(double[,] g)
    {
        int n = g.GetLength(0);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i != j && g[i, j] != 0)
                    return null;
        return [.. Enumerable.Range(0, n).Select(i => g[i, i])];
    }

    /// <summary>
    /// v ← (I ⊗ … ⊗ G ⊗ … ⊗ I) v for a row-major block of <paramref name="sizes"/>, G (n × n, row-major
    /// <paramref name="g"/>, or its <paramref name="diagonal"/> when diagonal) along <paramref name="axis"/>.
    /// </summary>
    private static void ApplyAlongAxis(double[]? diagonal, double[] g, Span<double> v, int[] sizes, int axis, double[] scratch)
    {
        int n = sizes[axis], after = 1;
        for (int a = axis + 1; a < sizes.Length; a++)
            after *= sizes[a];
        int before = v.Length / (n * after);
        if (diagonal is not null)
        {
            for (int p = 0; p < before; p++)
                for (int i = 0; i < n; i++)
                {
                    var row = v.Slice((p * n + i) * after, after);
                    Kernels.Scale<double>(row, diagonal[i], row);
                }
            return;
        }
        var copy = scratch.AsSpan(0, v.Length);
        v.CopyTo(copy);
        v.Clear();
        for (int p = 0; p < before; p++)
            for (int i = 0; i < n; i++)
            {
                var row = v.Slice((p * n + i) * after, after);
                for (int j = 0; j < n; j++)
                    Kernels.ScaleAdd<double>(row, copy.Slice((p * n + j) * after, after), g[i * n + j]);
            }
    }
}
