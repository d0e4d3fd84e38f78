namespace Rom.GaussianProcesses;

/// <summary>
/// Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, 2nd ed., Algorithms 7.4–7.5) with a backtracking
/// Armijo line search (sufficient and strict decrease, factor 1e-4, halving, non-finite trial values count as too long a step).
/// </summary>
public static class LbfgsOptimizer
{
    private const int MaxBacktracks = 40;

    /// <summary>
    /// Minimises f from <paramref name="start"/>; <paramref name="residual"/> as for <see cref="AdamOptimizer.Minimize"/>.
    /// Stops when the line search finds no decrease even along −∇f, or as the options say.
    /// </summary>
    public static OptimizationResult Minimize(ObjectiveFunction f, double[] start, OptimizerOptions options, Func<double>? residual = null)
    {
        options.Validate();
        int n = start.Length;
        var x = (double[])start.Clone();
        var g = new double[n];
        var trace = new OptimizationTrace(options, residual);
        double value = f(x, g);
        if (!OptimizationTrace.IsFinite(value, g))
            return trace.Finish(0, true, "non-finite objective at the start");
        var s = new List<double[]>();
        var y = new List<double[]>();
        var trialG = new double[n];
        for (int k = 0; ; k++)
        {
            if (trace.Accept(k, x, value) is { } reason)
                return trace.Finish(k, false, reason);
            if (k == options.MaxIterations)
                return trace.Finish(k, false, "iteration limit");
            var (accepted, trialValue) = LineSearch(f, x, value, g, Direction(g, s, y), s.Count == 0, trialG, trace);
            if (accepted is null && trace.OverTime)
                return trace.Finish(k, false, trace.TimeLimitReason);
            if (accepted is null && s.Count > 0)
            {
                // The quasi-Newton model misled the search: forget it and try steepest descent.
                s.Clear();
                y.Clear();
                (accepted, trialValue) = LineSearch(f, x, value, g, g.Select(v => -v).ToArray(), true, trialG, trace);
            }
            if (accepted is null && trace.OverTime)
                return trace.Finish(k, false, trace.TimeLimitReason);
            if (accepted is null)
                return trace.Finish(k, false, "line search found no decrease along the gradient");
            var sk = new double[n];
            var yk = new double[n];
            for (int i = 0; i < n; i++)
            {
                sk[i] = accepted[i] - x[i];
                yk[i] = trialG[i] - g[i];
            }
            if (Dot(sk, yk) > 1e-12 * Math.Sqrt(Dot(sk, sk) * Dot(yk, yk)))
            {
                s.Add(sk);
                y.Add(yk);
                if (s.Count > options.Memory)
                {
                    s.RemoveAt(0);
                    y.RemoveAt(0);
                }
            }
            x = accepted;
            value = trialValue;
            trialG.CopyTo(g, 0);
        }
    }

    /// <summary>
    /// Backtracks from step 1 (or, without curvature pairs, from a unit move) along <paramref name="direction"/>
    /// (replaced by −∇f when it does not descend) until the Armijo condition holds; null when it never does, or when
    /// the time limit passes first (each trial is a full objective evaluation: on large grids, seconds).
    /// </summary>
    private static (double[]? X, double Value) LineSearch(ObjectiveFunction f, double[] x, double value, double[] g,
        double[] direction, bool firstStep, double[] trialG, OptimizationTrace trace)
    {
        double slope = Dot(direction, g);
        if (!(slope < 0))
        {
            direction = g.Select(v => -v).ToArray();
            slope = Dot(direction, g);
            firstStep = true;
        }
        double step = firstStep ? Math.Min(1, 1 / Math.Sqrt(-slope)) : 1;
        for (int b = 0; b < MaxBacktracks; b++, step *= 0.5)
        {
            var trial = new double[x.Length];
            for (int i = 0; i < x.Length; i++)
                trial[i] = x[i] + step * direction[i];
            double trialValue = f(trial, trialG);
            // Armijo's condition implies a strict decrease; in floating point a step too small to change f would pass
            // it with equality and "converge" forever, one full search per iteration, without moving f at all.
            if (OptimizationTrace.IsFinite(trialValue, trialG) && trialValue < value && trialValue <= value + 1e-4 * step * slope)
                return (trial, trialValue);
            if (trace.OverTime)
                break;
        }
        return (null, double.NaN);
    }

    /// <summary>−H ∇f by the two-loop recursion, H₀ = (sᵀy / yᵀy) I.</summary>
    private static double[] Direction(double[] g, List<double[]> s, List<double[]> y)
    {
        var q = (double[])g.Clone();
        int m = s.Count;
        var a = new double[m];
        for (int i = m - 1; i >= 0; i--)
        {
            a[i] = Dot(s[i], q) / Dot(y[i], s[i]);
            for (int j = 0; j < q.Length; j++)
                q[j] -= a[i] * y[i][j];
        }
        double gamma = m > 0 ? Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]) : 1;
        for (int j = 0; j < q.Length; j++)
            q[j] *= gamma;
        for (int i = 0; i < m; i++)
        {
            double b = Dot(y[i], q) / Dot(y[i], s[i]);
            for (int j = 0; j < q.Length; j++)
                q[j] += (a[i] - b) * s[i][j];
        }
        for (int j = 0; j < q.Length; j++)
            q[j] = -q[j];
        return q;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }
}
