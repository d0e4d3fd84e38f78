namespace Rom.GaussianProcesses;

/// <summary>
/// Adam (Kingma and Ba, ICLR 2015, Algorithm 1) with β₁ = 0.9, β₂ = 0.999, ε = 1e-8, the optimiser of the GP-HM
/// reference code (optax.adam, learning rate 1e-2).
/// </summary>
public static class AdamOptimizer
{
    /// <summary>
    /// Minimises f from <paramref name="start"/>. <paramref name="residual"/>, when given, is called right after an
    /// evaluation and reports the caller's residual for the history and the residual stop. A non-finite value or
    /// gradient stops the run as failed, keeping the last finite iterate.
    /// </summary>
    public static OptimizationResult Minimize(ObjectiveFunction f, double[] start, OptimizerOptions options, Func<double>? residual = null)
    {
        options.Validate();
        const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        int n = start.Length;
        var x = (double[])start.Clone();
        var g = new double[n];
        var m = new double[n];
        var v = new double[n];
        var trace = new OptimizationTrace(options, residual);
        for (int k = 0; ; k++)
        {
            double value = f(x, g);
            if (!OptimizationTrace.IsFinite(value, g))
                return trace.Finish(Math.Max(k - 1, 0), true, $"non-finite objective at step {k}");
            if (trace.Accept(k, x, value) is { } reason)
                return trace.Finish(k, false, reason);
            if (k == options.MaxIterations)
                return trace.Finish(k, false, "iteration limit");
            double c1 = 1 - Math.Pow(beta1, k + 1), c2 = 1 - Math.Pow(beta2, k + 1);
            for (int i = 0; i < n; i++)
            {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                x[i] -= options.LearningRate * (m[i] / c1) / (Math.Sqrt(v[i] / c2) + epsilon);
            }
        }
    }
}
