namespace Rom.Reduction;

/// <summary>
/// Online data of the residual dual norm ‖r(μ)‖_{X'} = ‖Σ_j y_j(μ) ξ_j‖_X over J representers, as plain arrays
/// (for saving). Classical: the J × J Gram matrix G_ij = (ξ_i, ξ_j)_X. Stable: the K × J matrix
/// B_kj = (ψ_k, ξ_j)_X of coefficients in an X-orthonormal basis ψ of span{ξ_j}, upper trapezoidal.
/// </summary>
/// <param name="Kind">Which of the two matrices <paramref name="Matrix"/> holds.</param>
/// <param name="Matrix">G (J × J) or B (K × J).</param>
public sealed record ResidualNormData(ResidualEstimatorKind Kind, double[,] Matrix)
{
    /// <summary>Number J of representers (columns of the matrix).</summary>
    public int Terms => Matrix.GetLength(1);

    /// <summary>Throws an <see cref="ArgumentException"/> when the matrix does not fit the kind.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Matrix);
        if (!Enum.IsDefined(Kind))
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown residual estimator kind.");
        if (Kind == ResidualEstimatorKind.Classical && Matrix.GetLength(0) != Matrix.GetLength(1))
            throw new ArgumentException($"The classical Gram matrix is {Matrix.GetLength(0)}×{Matrix.GetLength(1)}; expected a square matrix.", nameof(Matrix));
        if (Kind == ResidualEstimatorKind.Stable && Matrix.GetLength(0) > Matrix.GetLength(1))
            throw new ArgumentException($"The stable coefficient matrix is {Matrix.GetLength(0)}×{Matrix.GetLength(1)}; the range cannot have more vectors than there are representers.", nameof(Matrix));
    }

    /// <summary>The data for the first <paramref name="terms"/> representers only.</summary>
    public ResidualNormData Truncate(int terms)
    {
        if (terms < 1 || terms > Terms)
            throw new ArgumentOutOfRangeException(nameof(terms), terms, $"The number of representers must lie in 1..{Terms}.");
        // Representer j only reaches range vectors 0..height_j − 1, so the leading columns need the leading rows.
        int rows = Kind == ResidualEstimatorKind.Classical ? terms : Enumerable.Range(0, terms).Max(ColumnHeight);
        var m = new double[rows, terms];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < terms; j++)
                m[i, j] = Matrix[i, j];
        return this with { Matrix = m };
    }

    /// <summary>The online evaluator of these data.</summary>
    internal IOnlineResidualNorm ToOnline() => Kind == ResidualEstimatorKind.Classical
        ? new ClassicalOnlineResidualNorm(Matrix)
        : new StableOnlineResidualNorm(this);

    /// <summary>One past the last non-zero row of column j.</summary>
    internal int ColumnHeight(int j)
    {
        int h = Matrix.GetLength(0);
        while (h > 0 && Matrix[h - 1, j] == 0) h--;
        return h;
    }
}
