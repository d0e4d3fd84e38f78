using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Rom.Reduction.Residuals;

/// <summary>
/// A Gaussian sketch of the stable residual norm (Balabanov &amp; Nouy, "Randomized linear algebra for model reduction.
/// Part I", Adv. Comput. Math. 45, 2019, §3–4; the ε-embedding there is here taken one-sided at a chosen δ).
/// With ‖r(μ)‖_{X'} = ‖B y(μ)‖₂ (<see cref="StableResidualNorm"/>) and Ω a k × K matrix of independent standard normal
/// entries drawn once, ‖Ω z‖₂² / ‖z‖₂² follows χ²_k for every fixed z (rotation invariance), so with q_δ the δ-quantile
/// of χ²_k, S = Ω B / √q_δ satisfies, for each parameter,
/// <code>P( ‖S y(μ)‖₂ &lt; ‖r(μ)‖_{X'} ) = δ</code>
/// exactly. ‖S y‖ is evaluated as a vector norm, like the stable estimator, so it follows the true residual down to
/// round-off; online it costs k·J multiply-adds instead of the stable estimator's ~J²/2. The price: the bound holds
/// with probability 1 − δ per parameter, not always, and it is larger by a factor of about √(k / q_δ).
/// </summary>
public static class SketchedResidualNorm
{
    /// <summary>The sketched online data of the stable estimator's <paramref name="stable"/> data.</summary>
    public static ResidualNormData Build(ResidualNormData stable, SketchOptions options)
    {
        ArgumentNullException.ThrowIfNull(stable);
        ArgumentNullException.ThrowIfNull(options);
        if (stable.Estimator != StableResidualEstimator.EstimatorName)
            throw new ArgumentException($"The sketch is drawn on the stable estimator's coefficients; these data are {stable.Estimator}.", nameof(stable));
        options.Validate();
        var b = stable.Matrix;
        int range = b.GetLength(0), terms = b.GetLength(1), rows = options.Rows;
        double scale = 1 / Math.Sqrt(Quantile(rows, options.FailureProbability));
        var random = new Random(options.Seed);
        var s = new double[rows, terms];
        var omega = new double[range];
        for (int i = 0; i < rows; i++)
        {
            for (int k = 0; k < range; k++) omega[k] = Normal.Sample(random, 0, 1);
            for (int k = 0; k < range; k++)
            {
                double w = omega[k] * scale;
                for (int j = 0; j < terms; j++) s[i, j] += w * b[k, j];
            }
        }
        return new ResidualNormData(SketchedResidualEstimator.EstimatorName, s) { FailureProbability = options.FailureProbability };
    }

    /// <summary>
    /// q_δ with P(χ²_k &lt; q_δ) = δ, for δ ≤ ½, by bisection on the logarithm of the regularised lower incomplete gamma
    /// function P(k/2, q/2) (MathNet's χ² inverse loses accuracy in this tail and returns 0 below about 1e-14).
    /// </summary>
    public static double Quantile(int rows, double failureProbability)
    {
        if (rows < 1)
            throw new ArgumentOutOfRangeException(nameof(rows), rows, "The sketch needs at least one row.");
        if (!(failureProbability > 0 && failureProbability <= 0.5))
            throw new ArgumentOutOfRangeException(nameof(failureProbability), failureProbability, "The failure probability δ must lie in (0, ½].");
        // The median of χ²_k is below k, so q_δ ∈ (0, k] for δ ≤ ½; log P grows with q.
        double target = Math.Log(failureProbability), low = 0, high = rows;
        for (int i = 0; i < 200 && high - low > 1e-15 * high; i++)
        {
            double middle = 0.5 * (low + high);
            if (LogLowerGammaRatio(0.5 * rows, 0.5 * middle) < target) low = middle;
            else high = middle;
        }
        return 0.5 * (low + high);
    }

    /// <summary>
    /// log P(a, x) for 0 &lt; x ≤ a by the series P(a, x) = x^a e^(−x) / Γ(a + 1) · Σ_n x^n / ((a + 1)…(a + n))
    /// (Abramowitz &amp; Stegun 6.5.29), summed in full precision even where P underflows.
    /// </summary>
    private static double LogLowerGammaRatio(double a, double x)
    {
        if (x <= 0) return double.NegativeInfinity;
        double term = 1, sum = 1;
        for (int n = 1; n < 10_000 && term > 1e-17 * sum; n++)
        {
            term *= x / (a + n);
            sum += term;
        }
        return a * Math.Log(x) - x - SpecialFunctions.GammaLn(a + 1) + Math.Log(sum);
    }
}
