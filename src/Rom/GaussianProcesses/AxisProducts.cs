using Rom.LinearAlgebra.Dense;
using Rom.LinearAlgebra.Kronecker;

namespace Rom.GaussianProcesses;

/// <summary>
/// Products of an n_d × n_d matrix with one mode of a row-major tensor, and the mode-d Gram matrix of two tensors,
/// each a GEMM on the unfolding (Kolda and Bader, SIAM Review 51(3), 2009, §2.5), so the N × N Kronecker matrix is never formed.
/// A tensor is seen as `before` slabs, each a row-major n_d × after block, i.e. a column-major after × n_d matrix.
/// </summary>
internal static class AxisProducts
{
    /// <summary>y = op(M) ×_axis x for the column-major n × n matrix M; x and y must not overlap.</summary>
    public static void Apply(double[] m, Transpose transpose, int axis, IReadOnlyList<int> sizes,
        ReadOnlySpan<double> x, Span<double> y, IDenseProvider provider)
    {
        var (n, before, after) = Shape(axis, sizes);
        ModeProducts.Mode(m, n, after, before, transpose, x, y, provider);
    }

    /// <summary>G[i, j] = Σ x[…, i, …] y[…, j, …], the sum over every index but the axis's (column-major n × n).</summary>
    public static void Gram(int axis, IReadOnlyList<int> sizes, ReadOnlySpan<double> x, ReadOnlySpan<double> y,
        Span<double> g, IDenseProvider provider)
    {
        var (n, before, after) = Shape(axis, sizes);
        if (after == 1)
        {
            provider.Gemm(Transpose.None, Transpose.Transposed, n, n, before, 1, x, n, y, n, 0, g, n);
            return;
        }
        int slab = n * after;
        for (int l = 0; l < before; l++)
            provider.Gemm(Transpose.Transposed, Transpose.None, n, n, after, 1, x.Slice(l * slab, slab), after,
                y.Slice(l * slab, slab), after, l == 0 ? 0 : 1, g, n);
    }

    /// <summary>y = (op(M₁) ⊗ … ⊗ op(M_D)) x, one axis after another; x and y must not overlap.</summary>
    public static void ApplyAll(IReadOnlyList<double[]> factors, Transpose transpose, IReadOnlyList<int> sizes,
        ReadOnlySpan<double> x, Span<double> y, IDenseProvider provider)
    {
        var spare = factors.Count > 1 ? new double[x.Length] : null;
        ReadOnlySpan<double> source = x;
        for (int d = 0; d < factors.Count; d++)
        {
            // Alternate between y and the spare buffer so that the last product lands in y.
            Span<double> target = (factors.Count - 1 - d) % 2 == 0 ? y : spare;
            Apply(factors[d], transpose, d, sizes, source, target, provider);
            source = target;
        }
    }

    private static (int N, int Before, int After) Shape(int axis, IReadOnlyList<int> sizes)
    {
        int before = 1, after = 1;
        for (int d = 0; d < axis; d++)
            before *= sizes[d];
        for (int d = axis + 1; d < sizes.Count; d++)
            after *= sizes[d];
        return (sizes[axis], before, after);
    }
}
