using Rom.LinearAlgebra;
using Rom.Reduction.Interpolation;

namespace Rom.Reduction.Residuals;

/// <summary>
/// Casenave, Ern, Lelièvre, "Accurate and online-efficient evaluation of the a posteriori error bound in the reduced
/// basis method", ESAIM M2AN 48 (2014) 207–229: the squared dual norm of the residual is a sum of local terms,
/// ‖r̂(μ)‖²_X = Σ_i g_i(μ) with g_i = r̂_i (X r̂)_i, r̂ = Σ_j y_j ξ_j the Riesz representer. The map μ ↦ g(μ) is
/// approximated by empirical interpolation on the training set, g ≈ Σ_m β_m(μ) q_m with β fixed by g at M magic
/// points p_m, so ‖r̂‖² ≈ Σ_m w_m g_{p_m}(μ) with w = Q_P⁻ᵀ (Σ_i q_m[i])_m. Online, g_{p_m} = (ξ[p_m, :]·y)((Xξ)[p_m, :]·y)
/// needs only M rows of the representers and of their X-images: O(M·J), and no O(1) terms cancel in a square, so the
/// result keeps about ε (not √ε) relative accuracy down to round-off.
/// <para>
/// This is an approximation, not a bound: its error is the EIM error of Σ_i g_i. Points are added greedily — the
/// training parameter whose squared norm is worst approximated, at its largest remaining local term — until the
/// largest relative error of ‖r̂‖² over the training set is at most the tolerance (or M reaches its cap); that
/// training error is returned as <see cref="ResidualNormData.InterpolationError"/>. The norm's relative error is
/// about half of it; off the training set it is not guaranteed.
/// </para>
/// </summary>
public static class InterpolatedResidualNorm
{
    /// <summary>Training parameters processed together when the local terms are formed (one pass over ψ per block).</summary>
    private const int ParameterBlock = 16;

    /// <summary>Rows of ψ processed together, so a block of representers stays in cache.</summary>
    private const int RowChunk = 2048;

    /// <summary>
    /// Builds the interpolated online data from the stable estimator's X-orthonormal range ψ and coefficients B
    /// (ξ_j = Σ_k B_kj ψ_k) and the residual coefficients y(μ) (length J) at the training parameters.
    /// </summary>
    /// <param name="stable">The stable estimator that holds ψ and B for the J representers.</param>
    /// <param name="coefficients">y(μ) at each training parameter.</param>
    /// <param name="tolerance">Largest relative error of ‖r̂‖² allowed on the training set, in (0, 1).</param>
    /// <param name="maxPoints">Most interpolation points M.</param>
    public static ResidualNormData Build(StableResidualNorm stable, IReadOnlyList<double[]> coefficients, double tolerance, int maxPoints)
    {
        ArgumentNullException.ThrowIfNull(stable);
        ArgumentNullException.ThrowIfNull(coefficients);
        if (!(tolerance > 0 && tolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The interpolation tolerance must lie in (0, 1).");
        if (maxPoints < 1)
            throw new ArgumentOutOfRangeException(nameof(maxPoints), maxPoints, "At least one interpolation point is needed.");
        if (coefficients.Count == 0)
            throw new ArgumentException("The training set is empty; the interpolation needs at least one parameter.", nameof(coefficients));
        var b = stable.ToData().Matrix;
        int terms = b.GetLength(1);
        foreach (var y in coefficients)
            if (y.Length != terms)
                throw new ArgumentException($"A coefficient vector has length {y.Length}, expected the number of representers {terms}.", nameof(coefficients));

        var range = stable.Range;
        var densities = LocalDensities(range, b, coefficients);
        var (points, weights, error) = Interpolate(densities, tolerance, Math.Min(maxPoints, range.Dimension));

        // Row m of the online data: ξ[p_m, :] = Σ_k ψ_k[p_m] B_k,: and w_m (Xξ)[p_m, :].
        int m = points.Length;
        var matrix = new double[2 * m, terms];
        for (int i = 0; i < m; i++)
            for (int k = 0; k < range.Count; k++)
            {
                double psi = range.Vectors[k][points[i]], image = weights[i] * range.ProductImages[k][points[i]];
                for (int j = 0; j < terms; j++)
                {
                    matrix[i, j] += psi * b[k, j];
                    matrix[m + i, j] += image * b[k, j];
                }
            }
        return new ResidualNormData(InterpolatedResidualEstimator.EstimatorName, matrix) { InterpolationError = error };
    }

    /// <summary>g_i(μ) = r̂_i (X r̂)_i for every training parameter, with r̂ = ψ c and c = B y(μ).</summary>
    private static double[][] LocalDensities(OrthonormalBasis range, double[,] b, IReadOnlyList<double[]> coefficients)
    {
        int n = range.Dimension, count = coefficients.Count, rangeSize = range.Count, terms = b.GetLength(1);
        var c = coefficients.Select(y =>
        {
            var ck = new double[rangeSize];
            for (int k = 0; k < rangeSize; k++)
            {
                double sum = 0;
                for (int j = 0; j < terms; j++) sum += b[k, j] * y[j];
                ck[k] = sum;
            }
            return ck;
        }).ToArray();
        var g = coefficients.Select(_ => new double[n]).ToArray();
        int chunks = (n + RowChunk - 1) / RowChunk;
        Parallel.For(0, chunks, chunk =>
        {
            int start = chunk * RowChunk, length = Math.Min(RowChunk, n - start);
            var r = new double[ParameterBlock * length];
            var xr = new double[ParameterBlock * length];
            for (int first = 0; first < count; first += ParameterBlock)
            {
                int block = Math.Min(ParameterBlock, count - first);
                Array.Clear(r);
                Array.Clear(xr);
                for (int k = 0; k < rangeSize; k++)
                {
                    var psi = range.Vectors[k].AsSpan(start, length);
                    var image = range.ProductImages[k].AsSpan(start, length);
                    for (int t = 0; t < block; t++)
                    {
                        Vectors.Axpy(c[first + t][k], psi, r.AsSpan(t * length, length));
                        Vectors.Axpy(c[first + t][k], image, xr.AsSpan(t * length, length));
                    }
                }
                for (int t = 0; t < block; t++)
                {
                    var target = g[first + t].AsSpan(start, length);
                    for (int i = 0; i < length; i++) target[i] = r[t * length + i] * xr[t * length + i];
                }
            }
        });
        return g;
    }

    /// <summary>
    /// The EIM greedy on the densities (overwritten by their interpolation residuals e(μ) = g(μ) − I_M g(μ)): each
    /// new point updates every residual by e −= e[p]·q in O(n), and Σ_i e_i(μ), the error of the squared norm, by
    /// e[p]·Σ_i q_i. Returns the points, the weights w = Q_P⁻ᵀ s and the largest relative training error.
    /// </summary>
    private static (int[] Points, double[] Weights, double Error) Interpolate(double[][] g, double tolerance, int maxPoints)
    {
        int n = g[0].Length, count = g.Length;
        var norms = g.Select(v => Sum(v)).ToArray();   // ‖r̂(μ)‖²_X
        var errors = (double[])norms.Clone();          // Σ_i e_i(μ)
        double RelativeError(int t) => norms[t] > 0 ? Math.Abs(errors[t]) / norms[t] : 0;
        var points = new List<int>();
        var basis = new List<double>();
        var sums = new List<double>();
        while (true)
        {
            int worst = Enumerable.Range(0, count).MaxBy(RelativeError);
            if (RelativeError(worst) <= tolerance || points.Count >= maxPoints)
                break;
            var e = g[worst];
            int p = 0;
            for (int i = 1; i < n; i++)
                if (Math.Abs(e[i]) > Math.Abs(e[p])) p = i;
            if (e[p] == 0)
                break;
            double pivot = e[p];
            var q = e.Select(v => v / pivot).ToArray();
            double s = Sum(q);
            Parallel.For(0, count, t =>
            {
                double a = g[t][p];
                if (a == 0) return;
                Vectors.Axpy(-a, q, g[t]);
                errors[t] -= a * s;
            });
            points.Add(p);
            basis.AddRange(q);
            sums.Add(s);
        }
        double error = Enumerable.Range(0, count).Max(RelativeError);
        if (points.Count == 0)
            return ([], [], error);
        // ‖r̂‖² ≈ Σ_i (I_M g)_i = sᵀ β with Q_P β = g_P, so the weights are w_k = Σ_m s_m (Q_P⁻¹)_mk.
        var interpolant = new EmpiricalInterpolant(basis.ToArray(), n, points.ToArray());
        var weights = new double[points.Count];
        var unit = new double[points.Count];
        for (int k = 0; k < weights.Length; k++)
        {
            unit[k] = 1;
            weights[k] = Vectors.Dot(sums.ToArray(), interpolant.Coefficients(unit));
            unit[k] = 0;
        }
        return (points.ToArray(), weights, error);
    }

    private static double Sum(ReadOnlySpan<double> v)
    {
        double sum = 0;
        foreach (double x in v) sum += x;
        return sum;
    }
}
