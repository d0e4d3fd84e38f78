namespace Rom.Reduction.Residuals;

/// <summary>
/// Online data of the residual dual norm ‖r(μ)‖_{X'} = ‖Σ_j y_j(μ) ξ_j‖_X over J representers, as plain arrays
/// (for saving), made and read by the estimator <see cref="Estimator"/> names (<see cref="ResidualEstimators"/>).
/// Classical: the J × J Gram matrix G_ij = (ξ_i, ξ_j)_X. Stable: the K × J matrix B_kj = (ψ_k, ξ_j)_X of coefficients
/// in an X-orthonormal basis ψ of span{ξ_j}, upper trapezoidal. Interpolated ("eim"): the 2M × J matrix whose rows
/// 0..M−1 are ξ_j[p_m] at the M interpolation points and rows M..2M−1 are w_m (Xξ_j)[p_m] (see
/// <see cref="InterpolatedResidualNorm"/>). Sketched: the k × J matrix S = Ω B / √q_δ (see <see cref="SketchedResidualNorm"/>).
/// </summary>
/// <param name="Estimator">The name of the estimator whose matrix <paramref name="Matrix"/> is.</param>
/// <param name="Matrix">G (J × J), B (K × J), the interpolation rows (2M × J) or the sketch S (k × J).</param>
public sealed record ResidualNormData(string Estimator, double[,] Matrix)
{
    /// <summary>Number J of representers (columns of the matrix).</summary>
    public int Terms => Matrix.GetLength(1);

    /// <summary>
    /// For the interpolated estimator: the largest relative error of the interpolated ‖r‖² on the training set it was
    /// built on (the EIM's own error estimate); 0 for the exact ones.
    /// </summary>
    public double InterpolationError { get; init; }

    /// <summary>
    /// For a <see cref="IResidualEstimator.Probabilistic"/> estimator: δ, the probability per parameter that its norm is
    /// below the true one; 0 for the others.
    /// </summary>
    public double FailureProbability { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> when the estimator is unknown or the data do not fit it.</summary>
    public void Validate() => Checked();

    /// <summary>The data for the first <paramref name="terms"/> representers only.</summary>
    public ResidualNormData Truncate(int terms)
    {
        if (terms < 1 || terms > Terms)
            throw new ArgumentOutOfRangeException(nameof(terms), terms, $"The number of representers must lie in 1..{Terms}.");
        int rows = Checked().TruncatedRows(this, terms);
        var m = new double[rows, terms];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < terms; j++)
                m[i, j] = Matrix[i, j];
        return this with { Matrix = m };
    }

    /// <summary>The online evaluator of these data.</summary>
    internal IOnlineResidualNorm ToOnline() => Checked().Online(this);

    /// <summary>One past the last non-zero row of column j.</summary>
    internal int ColumnHeight(int j)
    {
        int h = Matrix.GetLength(0);
        while (h > 0 && Matrix[h - 1, j] == 0) h--;
        return h;
    }

    /// <summary>The estimator of these data, after checking that they fit it.</summary>
    private IResidualEstimator Checked()
    {
        ArgumentNullException.ThrowIfNull(Matrix);
        var estimator = ResidualEstimators.Find(Estimator)
            ?? throw new ArgumentOutOfRangeException(nameof(Estimator), Estimator, $"Unknown residual estimator; expected one of {string.Join(", ", ResidualEstimators.Names)}.");
        estimator.Validate(this);
        if (estimator.Probabilistic ? !(FailureProbability > 0 && FailureProbability < 1) : FailureProbability != 0)
            throw new ArgumentOutOfRangeException(nameof(FailureProbability), FailureProbability,
                estimator.Probabilistic ? $"The {Estimator} estimator's failure probability δ must lie in (0, 1)." : $"Only a probabilistic estimator has a failure probability, not the {Estimator} one; expected 0.");
        if (!(InterpolationError >= 0))
            throw new ArgumentOutOfRangeException(nameof(InterpolationError), InterpolationError, "The interpolation error must be non-negative.");
        return estimator;
    }
}
