using MathNet.Numerics.LinearAlgebra;
using Rom.LinearAlgebra.Dense;

namespace Rom.LinearAlgebra.Kronecker;

/// <summary>
/// The Kronecker product K₁ ⊗ … ⊗ K_d of square factors as an operator on vectors of length N = n₁ ⋯ n_d,
/// ordered as NumPy's <c>kron(K1, K2, …) @ x.ravel()</c>: entry (i₁, …, i_d) of x sits at
/// (…(i₁ n₂ + i₂) n₃ + …) + i_d, the last index fastest. Products go one factor at a time
/// (<see cref="ModeProducts"/>), never through the N × N matrix; <see cref="Eigendecompose"/> gives solves and
/// log-determinants, also of ⊗K_i + σ²I.
/// </summary>
public sealed class KroneckerOperator : ILinearOperator
{
    private readonly double[][] columnMajor;
    private readonly int[] sizes;

    /// <summary>
    /// Wraps square <paramref name="factors"/> (copied), multiplying through <paramref name="provider"/>
    /// (default <see cref="DenseProviders.Default"/>).
    /// </summary>
    public KroneckerOperator(IReadOnlyList<Matrix<double>> factors, IDenseProvider? provider = null)
    {
        Require.NotEmpty(factors, "factors is empty; a Kronecker product needs at least one factor.");
        long length = 1;
        for (int i = 0; i < factors.Count; i++)
        {
            if (factors[i].RowCount != factors[i].ColumnCount || factors[i].RowCount == 0)
                throw new ArgumentException(
                    $"factors[{i}] is {factors[i].RowCount} × {factors[i].ColumnCount}; every factor must be square and non-empty.", nameof(factors));
            length *= factors[i].RowCount;
        }
        if (length > Array.MaxLength)
            throw new ArgumentException($"The product of the factor sizes, {length}, exceeds the longest vector .NET can hold.", nameof(factors));
        Factors = factors.Select(f => f.Clone()).ToArray();
        columnMajor = Factors.Select(f => f.ToColumnMajorArray()).ToArray();
        sizes = Factors.Select(f => f.RowCount).ToArray();
        Length = (int)length;
        Provider = provider ?? DenseProviders.Default;
    }

    /// <summary>The factors K₁, …, K_d (copies of those given).</summary>
    public IReadOnlyList<Matrix<double>> Factors { get; }

    /// <summary>The factor sizes n₁, …, n_d.</summary>
    public IReadOnlyList<int> Sizes => sizes;

    /// <summary>The backend that does the products.</summary>
    public IDenseProvider Provider { get; }

    /// <summary>N = n₁ ⋯ n_d.</summary>
    public int Length { get; }

    /// <inheritdoc />
    public int Rows => Length;

    /// <inheritdoc />
    public int Cols => Length;

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        OperatorChecks.Apply(this, x.Length, y.Length);
        ModeProducts.Apply(columnMajor, sizes, Transpose.None, x, y, 1, Provider);
    }

    /// <summary>Applies the product to <paramref name="count"/> vectors stored one after another, one batched GEMM per factor.</summary>
    public void ApplyBlock(ReadOnlySpan<double> x, Span<double> y, int count)
    {
        OperatorChecks.Block(this, x.Length, y.Length, count);
        ModeProducts.Apply(columnMajor, sizes, Transpose.None, x, y, count, Provider);
    }

    /// <summary>
    /// The eigendecompositions K_i = Q_i Λ_i Q_iᵀ of all factors, which give solves and log-determinants of the
    /// product. Throws <see cref="ArgumentException"/> when a factor is not symmetric or not positive semi-definite.
    /// </summary>
    public KroneckerEigendecomposition Eigendecompose() => new(Factors, Provider);
}
