namespace Rom.Reduction.Residuals;

/// <summary>
/// Online data of the residual dual norm ‖r(μ)‖_{X'} = ‖Σ_j y_j(μ) ξ_j‖_X over J representers, as plain arrays
/// (for saving). Classical: the J × J Gram matrix G_ij = (ξ_i, ξ_j)_X. Stable: the K × J matrix
/// B_kj = (ψ_k, ξ_j)_X of coefficients in an X-orthonormal basis ψ of span{ξ_j}, upper trapezoidal. Interpolated:
/// the 2M × J matrix whose rows 0..M−1 are ξ_j[p_m] at the M interpolation points and rows M..2M−1 are w_m (Xξ_j)[p_m]
/// (see <see cref="InterpolatedResidualNorm"/>). Sketched: the k × J matrix S = Ω B / √q_δ (see <see cref="SketchedResidualNorm"/>).
/// </summary>
/// <param name="Kind">Which of the four matrices <paramref name="Matrix"/> holds.</param>
/// <param name="Matrix">G (J × J), B (K × J), the interpolation rows (2M × J) or the sketch S (k × J).</param>
public sealed record ResidualNormData(ResidualEstimatorKind Kind, double[,] Matrix)
{
    /// <summary>Number J of representers (columns of the matrix).</summary>
    public int Terms => Matrix.GetLength(1);

    /// <summary>
    /// For <see cref="ResidualEstimatorKind.Interpolated"/>: the largest relative error of the interpolated ‖r‖² on
    /// the training set it was built on (the EIM's own error estimate); 0 for the exact kinds.
    /// </summary>
    public double InterpolationError { get; init; }

    /// <summary>
    /// For <see cref="ResidualEstimatorKind.Sketched"/>: δ, the probability per parameter that the sketched norm is below
    /// the true one; 0 for the other kinds.
    /// </summary>
    public double FailureProbability { get; init; }

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
        if (Kind == ResidualEstimatorKind.Interpolated && Matrix.GetLength(0) % 2 != 0)
            throw new ArgumentException($"The interpolation matrix has {Matrix.GetLength(0)} rows; expected 2M (representer rows, then weighted X-image rows).", nameof(Matrix));
        if (Kind == ResidualEstimatorKind.Sketched ? !(FailureProbability > 0 && FailureProbability < 1) : FailureProbability != 0)
            throw new ArgumentOutOfRangeException(nameof(FailureProbability), FailureProbability,
                Kind == ResidualEstimatorKind.Sketched ? "A sketch's failure probability δ must lie in (0, 1)." : "Only a sketched estimator has a failure probability; expected 0.");
        if (!(InterpolationError >= 0))
            throw new ArgumentOutOfRangeException(nameof(InterpolationError), InterpolationError, "The interpolation error must be non-negative.");
    }

    /// <summary>The data for the first <paramref name="terms"/> representers only.</summary>
    public ResidualNormData Truncate(int terms)
    {
        if (terms < 1 || terms > Terms)
            throw new ArgumentOutOfRangeException(nameof(terms), terms, $"The number of representers must lie in 1..{Terms}.");
        // Representer j only reaches range vectors 0..height_j − 1, so the leading columns need the leading rows.
        // The interpolation keeps its points: the truncated model's densities at them are exact, but the weights
        // were trained on the full basis, so the interpolation error of a truncation is not controlled.
        int rows = Kind switch
        {
            ResidualEstimatorKind.Classical => terms,
            ResidualEstimatorKind.Interpolated or ResidualEstimatorKind.Sketched => Matrix.GetLength(0),
            _ => Enumerable.Range(0, terms).Max(ColumnHeight),
        };
        var m = new double[rows, terms];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < terms; j++)
                m[i, j] = Matrix[i, j];
        return this with { Matrix = m };
    }

    /// <summary>The online evaluator of these data.</summary>
    internal IOnlineResidualNorm ToOnline() => Kind switch
    {
        ResidualEstimatorKind.Classical => new ClassicalOnlineResidualNorm(Matrix),
        ResidualEstimatorKind.Interpolated => new InterpolatedOnlineResidualNorm(Matrix),
        ResidualEstimatorKind.Sketched => new SketchedOnlineResidualNorm(Matrix),
        _ => new StableOnlineResidualNorm(this),
    };

    /// <summary>One past the last non-zero row of column j.</summary>
    internal int ColumnHeight(int j)
    {
        int h = Matrix.GetLength(0);
        while (h > 0 && Matrix[h - 1, j] == 0) h--;
        return h;
    }
}
