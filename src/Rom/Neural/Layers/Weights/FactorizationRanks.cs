namespace Rom.Neural.Layers.Weights;

/// <summary>
/// The integer ranks a factorisation gets for a rank given as a fraction of the dense parameter count, by tensorly's
/// rules (<c>validate_cp_rank</c>, <c>validate_tucker_rank</c>, <c>validate_tt_rank</c> with rounding="round", no fixed
/// modes, a proportional tensor-train rank), which tltorch and neuraloperator use. Rounding is NumPy's, half to even.
/// </summary>
public static class FactorizationRanks
{
    /// <summary>
    /// The CP rank R = round(fraction · Π n_j / Σ n_j): a CP tensor holds R·Σ n_j factor entries (plus R weights,
    /// which the rule leaves out).
    /// </summary>
    /// <exception cref="ArgumentException">The fraction rounds to rank 0.</exception>
    public static int Cp(IReadOnlyList<int> shape, double fraction)
    {
        double product = shape.Aggregate(1.0, (p, n) => p * n), sum = shape.Sum();
        int rank = (int)Math.Round(product * fraction / sum);
        if (rank < 1)
            throw new ArgumentException($"rank {fraction} of shape [{string.Join(", ", shape)}] rounds to CP rank 0.", nameof(fraction));
        return rank;
    }

    /// <summary>
    /// The Tucker ranks r_j = max(1, round(c·n_j)), where c ∈ [0, max(fraction, 1)] solves the parameter balance
    /// <code>
    /// Π n_j · c^N + Σ n_j² · c = fraction · Π n_j        (core + factors = fraction · dense)
    /// </code>
    /// (tensorly finds c with brentq; the left side increases in c, so bisection to machine precision finds the same root).
    /// </summary>
    public static int[] Tucker(IReadOnlyList<int> shape, double fraction)
    {
        double product = shape.Aggregate(1.0, (p, n) => p * n), squares = shape.Sum(n => (double)n * n);
        int order = shape.Count;
        double Balance(double c) => product * Math.Pow(c, order) + squares * c - fraction * product;
        double low = 0, high = Math.Max(fraction, 1);
        for (int i = 0; i < 200 && high - low > 0; i++)
        {
            double middle = 0.5 * (low + high);
            if (middle <= low || middle >= high)
                break;
            if (Balance(middle) < 0)
                low = middle;
            else
                high = middle;
        }
        double c = 0.5 * (low + high);
        return [.. shape.Select(n => Math.Max((int)Math.Round(n * c), 1))];
    }

    /// <summary>
    /// The tensor-train ranks (1, r₁, …, r_{N−1}, 1) with r_k = max(1, round(c·d_k)) proportional to the mean size
    /// d_k = (n_{k−1} + n_k)/2 of the two modes a rank joins (0-based: d_k = (n_k + n_{k+1})/2 for k &lt; N − 1), and c the
    /// positive root of the parameter balance a c² + b c = fraction · Π n_j with
    /// <code>
    /// a = Σ_{0&lt;k&lt;N−1} d_{k−1} n_k d_k        (inner cores r_{k−1} n_k r_k)
    /// b = n_0 d_0 + n_{N−1} d_{N−2}           (the two border cores)
    /// </code>
    /// as tensorly does for a fractional rank without <c>constant_rank</c> (an order-2 shape uses a = d₀² n₀).
    /// </summary>
    public static int[] TensorTrain(IReadOnlyList<int> shape, double fraction)
    {
        int order = shape.Count;
        if (order < 2)
            throw new ArgumentException($"a tensor train needs at least two modes; got shape [{string.Join(", ", shape)}].", nameof(shape));
        double[] mean = [.. Enumerable.Range(0, order - 1).Select(k => (shape[k] + shape[k + 1]) / 2.0)];
        double a = 0;
        if (mean.Length > 1)
            for (int k = 1; k < order - 1; k++)
                a += mean[k - 1] * shape[k] * mean[k];
        else
            a = mean[0] * mean[0] * shape[0];
        double b = shape[0] * mean[0] + shape[^1] * mean[^1];
        double c = -shape.Aggregate(1.0, (p, n) => p * n) * fraction;
        double delta = Math.Sqrt(b * b - 4 * a * c), scale = (-b + delta) / (2 * a);
        return [1, .. mean.Select(d => Math.Max((int)Math.Round(d * scale), 1)), 1];
    }
}
