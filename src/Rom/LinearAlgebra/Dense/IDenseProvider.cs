using MathNet.Numerics.LinearAlgebra;

namespace Rom.LinearAlgebra.Dense;

/// <summary>
/// Dense linear algebra on one backend: the system OpenBLAS/LAPACK (<see cref="OpenBlasProvider"/>) or managed
/// code (<see cref="ManagedProvider"/>); <see cref="DenseProviders.Default"/> picks one.
/// <para>
/// GEMM, the hot path of Kronecker products and of every projection, comes in double and in single precision and
/// works on column-major spans with leading dimensions, exactly as BLAS does, so callers multiply sub-blocks of
/// their own buffers without copies. The factorisations take MathNet matrices (column-major storage too): LAPACK
/// overwrites its input, so each costs one copy whatever the signature, and the results are matrices the rest of
/// Rom already uses.
/// </para>
/// </summary>
public interface IDenseProvider
{
    /// <summary>Short name for reports: "openblas" or "managed".</summary>
    string Name { get; }

    /// <summary>
    /// C ← α op(A) op(B) + β C with op(A) m × k, op(B) k × n and C m × n, all column-major: element (i, j) of a
    /// stored matrix X with leading dimension ldx is x[i + j·ldx]. When β = 0, C is not read (NaNs in it vanish).
    /// </summary>
    void Gemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc);

    /// <summary>
    /// C ← α op(A) op(B) + β C in single precision (for float32 work such as training networks), with the same
    /// contract as the double overload: op(A) m × k, op(B) k × n and C m × n, all column-major, element (i, j) of a
    /// stored matrix X with leading dimension ldx being x[i + j·ldx]. When β = 0, C is not read (NaNs in it vanish).
    /// </summary>
    void Gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc);

    /// <summary>A = V Λ Vᵀ of a symmetric matrix, eigenvalues ascending; throws <see cref="ArgumentException"/> when A is not symmetric.</summary>
    SymmetricEigen SymmetricEigen(Matrix<double> a);

    /// <summary>The thin singular value decomposition A = U Σ Vᵀ, singular values descending.</summary>
    ThinSvd Svd(Matrix<double> a);

    /// <summary>
    /// The lower Cholesky factor L of a symmetric positive definite matrix, A = L Lᵀ (only the lower triangle of
    /// A is read); throws <see cref="Direct.NotPositiveDefiniteException"/> when A is not positive definite.
    /// </summary>
    Matrix<double> Cholesky(Matrix<double> a);

    /// <summary>Solves A X = B given the lower Cholesky factor L of A (from <see cref="Cholesky"/>); returns X.</summary>
    Matrix<double> CholeskySolve(Matrix<double> factor, Matrix<double> b);

    /// <summary>The thin QR decomposition A = Q R of an m × n matrix with m ≥ n: Q is m × n with orthonormal columns, R is n × n upper triangular.</summary>
    ThinQr Qr(Matrix<double> a);
}

/// <summary>A symmetric eigendecomposition A = V Λ Vᵀ.</summary>
/// <param name="Values">Eigenvalues λ₁ ≤ … ≤ λₙ.</param>
/// <param name="Vectors">Orthonormal eigenvectors, column i belonging to λᵢ.</param>
public sealed record SymmetricEigen(Vector<double> Values, Matrix<double> Vectors);

/// <summary>A thin singular value decomposition A = U Σ Vᵀ of an m × n matrix, with r = min(m, n).</summary>
/// <param name="U">m × r, orthonormal columns.</param>
/// <param name="S">The r singular values, descending.</param>
/// <param name="VT">r × n, orthonormal rows.</param>
public sealed record ThinSvd(Matrix<double> U, Vector<double> S, Matrix<double> VT);

/// <summary>A thin QR decomposition A = Q R.</summary>
/// <param name="Q">m × n with orthonormal columns.</param>
/// <param name="R">n × n upper triangular.</param>
public sealed record ThinQr(Matrix<double> Q, Matrix<double> R);
