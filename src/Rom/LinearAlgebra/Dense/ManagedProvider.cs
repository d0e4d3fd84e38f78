using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Rom.LinearAlgebra.Direct;

namespace Rom.LinearAlgebra.Dense;

/// <summary>
/// Dense linear algebra in managed code, on every platform: GEMM (double and float) through Rom's own blocked, SIMD,
/// multi-threaded kernel (MathNet's managed product is about 16× slower than OpenBLAS), the factorisations through
/// MathNet.Numerics.
/// </summary>
public sealed class ManagedProvider : IDenseProvider
{
    /// <summary>The shared instance; the provider holds no state.</summary>
    public static ManagedProvider Instance { get; } = new();

    private ManagedProvider()
    {
    }

    /// <inheritdoc />
    public string Name => "managed";

    /// <inheritdoc />
    public void Gemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
    {
        DenseChecks.Gemm(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        ManagedGemm<double>.Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <inheritdoc />
    public void Gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        DenseChecks.Gemm(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        ManagedGemm<float>.Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <inheritdoc />
    public SymmetricEigen SymmetricEigen(Matrix<double> a)
    {
        DenseChecks.Symmetric(a, nameof(a));
        var evd = a.Evd(Symmetricity.Symmetric);
        return new SymmetricEigen(evd.EigenValues.Real(), evd.EigenVectors);
    }

    /// <inheritdoc />
    public ThinSvd Svd(Matrix<double> a)
    {
        int r = Math.Min(a.RowCount, a.ColumnCount);
        var svd = a.Svd(computeVectors: true);
        return new ThinSvd(svd.U.SubMatrix(0, a.RowCount, 0, r), svd.S.SubVector(0, r), svd.VT.SubMatrix(0, r, 0, a.ColumnCount));
    }

    /// <inheritdoc />
    public Matrix<double> Cholesky(Matrix<double> a)
    {
        DenseChecks.Square(a, nameof(a));
        // Rom's own left-looking panel kernel reports the failing column, which MathNet's factorisation does not.
        int n = a.RowCount;
        var l = a.Clone();
        double[] values = l.AsColumnMajorArray() ?? l.ToColumnMajorArray();
        int failed = DenseKernels.FactorPanel(values, n, n, out double pivot);
        if (failed >= 0)
            throw new NotPositiveDefiniteException(failed, pivot, nameof(a));
        var factor = Matrix<double>.Build.Dense(n, n, values);
        return factor.LowerTriangle();
    }

    /// <inheritdoc />
    public Matrix<double> CholeskySolve(Matrix<double> factor, Matrix<double> b)
    {
        DenseChecks.CholeskySolve(factor, b);
        int n = factor.RowCount;
        var x = b.Clone();
        for (int col = 0; col < b.ColumnCount; col++)
        {
            // L y = b by forward substitution, then Lᵀ x = y by back substitution, both reading L by columns.
            for (int j = 0; j < n; j++)
            {
                double yj = x[j, col] /= factor[j, j];
                for (int i = j + 1; i < n; i++)
                    x[i, col] -= factor[i, j] * yj;
            }
            for (int j = n - 1; j >= 0; j--)
            {
                double s = x[j, col];
                for (int i = j + 1; i < n; i++)
                    s -= factor[i, j] * x[i, col];
                x[j, col] = s / factor[j, j];
            }
        }
        return x;
    }

    /// <inheritdoc />
    public ThinQr Qr(Matrix<double> a)
    {
        DenseChecks.Tall(a, nameof(a));
        var qr = a.QR(QRMethod.Thin);
        return new ThinQr(qr.Q, qr.R);
    }
}
