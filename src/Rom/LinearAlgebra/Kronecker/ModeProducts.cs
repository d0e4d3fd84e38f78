using System.Buffers;
using Rom.LinearAlgebra.Dense;

namespace Rom.LinearAlgebra.Kronecker;

/// <summary>
/// y = (op(K₁) ⊗ … ⊗ op(K_d)) x for a batch of vectors, one mode product per factor (T. Kolda and B. Bader,
/// "Tensor decompositions and applications", SIAM Review 51(3), 2009, §2.5): x is a row-major tensor
/// n₁ × … × n_d (the last index fastest, NumPy's <c>kron</c> order) and the product along mode k is a GEMM on its
/// unfolding, so the N × N matrix is never formed and the cost is N Σ n_k instead of N².
/// </summary>
internal static class ModeProducts
{
    /// <summary>
    /// Applies the product of the column-major n_k × n_k <paramref name="factors"/> (each transposed when
    /// <paramref name="transpose"/> says so) to <paramref name="count"/> vectors stored one after another.
    /// x and y must not overlap.
    /// </summary>
    public static void Apply(IReadOnlyList<double[]> factors, IReadOnlyList<int> sizes, Transpose transpose,
        ReadOnlySpan<double> x, Span<double> y, int count, IDenseProvider provider)
    {
        int d = factors.Count, length = x.Length;
        if (count == 0)
            return;
        double[]? rented = d > 1 ? ArrayPool<double>.Shared.Rent(length) : null;
        try
        {
            Span<double> spare = rented is null ? default : rented.AsSpan(0, length);
            // The products alternate between y and the spare buffer, arranged so that the last one lands in y.
            ReadOnlySpan<double> source = x;
            int after = 1; // n_{k+1} ⋯ n_d, the extent of the indices faster than mode k
            for (int k = d - 1; k >= 0; k--)
            {
                Span<double> target = k % 2 == 0 ? y : spare;
                int n = sizes[k];
                Mode(factors[k], n, after, length / (n * after), transpose, source, target, provider);
                source = target;
                after *= n;
            }
        }
        finally
        {
            if (rented is not null)
                ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Multiplies one mode of size n by op(K): the data are <paramref name="before"/> slabs, each a row-major
    /// n × <paramref name="after"/> block, i.e. a column-major after × n matrix X_l, which becomes X_l op(K)ᵀ.
    /// When after = 1 all slabs form one column-major n × before matrix and a single GEMM op(K) X does the mode.
    /// </summary>
    internal static void Mode(double[] k, int n, int after, int before, Transpose transpose,
        ReadOnlySpan<double> x, Span<double> y, IDenseProvider provider) =>
        Mode(k, n, n, after, before, transpose, x, y, provider);

    /// <summary>
    /// <see cref="Mode(double[], int, int, int, Transpose, ReadOnlySpan{double}, Span{double}, IDenseProvider)"/> for a
    /// rectangular op(K) of <paramref name="rows"/> × n (K stored column-major, rows × n untransposed or n × rows
    /// transposed): the mode's extent becomes <paramref name="rows"/>, so y holds before · rows · after values.
    /// </summary>
    internal static void Mode(double[] k, int rows, int n, int after, int before, Transpose transpose,
        ReadOnlySpan<double> x, Span<double> y, IDenseProvider provider)
    {
        int ldk = transpose == Transpose.None ? rows : n;
        if (after == 1)
        {
            provider.Gemm(transpose, Transpose.None, rows, before, n, 1, k, ldk, x, n, 0, y, rows);
            return;
        }
        // X_l op(K)ᵀ: op(K)ᵀ is Kᵀ for K and K itself for Kᵀ.
        var right = transpose == Transpose.None ? Transpose.Transposed : Transpose.None;
        int slab = n * after, outSlab = rows * after;
        for (int l = 0; l < before; l++)
            provider.Gemm(Transpose.None, right, after, rows, n, 1, x.Slice(l * slab, slab), after, k, ldk, 0, y.Slice(l * outSlab, outSlab), after);
    }
}
