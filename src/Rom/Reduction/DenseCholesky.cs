using Rom.LinearAlgebra;

namespace Rom.Reduction;

/// <summary>
/// In-place Cholesky A = L Lᵀ of a small dense SPD matrix stored row-major, by rows (Cholesky–Banachiewicz;
/// Golub &amp; Van Loan, Matrix Computations, 4th ed., Alg. 4.2.1), so every inner product runs over contiguous memory.
/// </summary>
internal static class DenseCholesky
{
    /// <summary>Overwrites the lower triangle of the N × N matrix a with L; throws when a is not numerically SPD.</summary>
    public static void Factor(Span<double> a, int n)
    {
        for (int j = 0; j < n; j++)
        {
            var rowJ = a.Slice(j * n, n);
            for (int k = 0; k < j; k++)
                rowJ[k] = (rowJ[k] - Vectors.Dot(rowJ[..k], a.Slice(k * n, k))) / a[k * n + k];
            double d = rowJ[j] - Vectors.Dot(rowJ[..j], rowJ[..j]);
            if (!(d > 0))
                throw new InvalidOperationException($"The reduced matrix is not positive definite (pivot {j} is {d:G3}); the basis or the parameter breaks coercivity.");
            rowJ[j] = Math.Sqrt(d);
        }
    }

    /// <summary>Overwrites b with (L Lᵀ)⁻¹ b, given the factor from <see cref="Factor"/>.</summary>
    public static void Solve(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (int i = 0; i < n; i++)
            b[i] = (b[i] - Vectors.Dot(l.Slice(i * n, i), b[..i])) / l[i * n + i];
        for (int i = n - 1; i >= 0; i--)
        {
            b[i] /= l[i * n + i];
            Vectors.Axpy(-b[i], l.Slice(i * n, i), b[..i]);
        }
    }
}
