using Rom.LinearAlgebra;

namespace Rom.Reduction;

/// <summary>
/// In-place Cholesky A = L Lᵀ of a small dense SPD matrix stored as its packed lower triangle by rows (row i holds
/// A[i, 0..i] from offset i(i+1)/2), by rows (Cholesky–Banachiewicz; Golub &amp; Van Loan, Matrix Computations,
/// 4th ed., Alg. 4.2.1), so every inner product runs over contiguous memory and half the matrix is never touched.
/// </summary>
internal static class DenseCholesky
{
    /// <summary>Length N(N+1)/2 of a packed lower triangle.</summary>
    public static int PackedLength(int n) => n * (n + 1) / 2;

    /// <summary>Overwrites the packed lower triangle of the N × N matrix a with L; throws when a is not numerically SPD.</summary>
    public static void Factor(Span<double> a, int n)
    {
        for (int j = 0; j < n; j++)
        {
            var rowJ = a.Slice(j * (j + 1) / 2, j + 1);
            for (int k = 0; k < j; k++)
            {
                var rowK = a.Slice(k * (k + 1) / 2, k + 1);
                rowJ[k] = (rowJ[k] - Vectors.Dot(rowJ[..k], rowK[..k])) / rowK[k];
            }
            double d = rowJ[j] - Vectors.Dot(rowJ[..j], rowJ[..j]);
            if (!(d > 0))
                throw new InvalidOperationException($"The reduced matrix is not positive definite (pivot {j} is {d:G3}); the basis or the parameter breaks coercivity.");
            rowJ[j] = Math.Sqrt(d);
        }
    }

    /// <summary>Overwrites b with (L Lᵀ)⁻¹ b, given the packed factor from <see cref="Factor"/>.</summary>
    public static void Solve(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (int i = 0; i < n; i++)
        {
            var row = l.Slice(i * (i + 1) / 2, i + 1);
            b[i] = (b[i] - Vectors.Dot(row[..i], b[..i])) / row[i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            var row = l.Slice(i * (i + 1) / 2, i + 1);
            b[i] /= row[i];
            Vectors.Axpy(-b[i], row[..i], b[..i]);
        }
    }
}
