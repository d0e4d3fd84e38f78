using System.Diagnostics;
using System.Globalization;
using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>
/// Preconditioned conjugate gradient method for symmetric positive definite systems A x = b
/// (Saad, Iterative Methods for Sparse Linear Systems, 2nd ed., Algorithm 9.1).
/// </summary>
public sealed class ConjugateGradient
{
    private readonly KrylovOptions _options;

    /// <summary>Creates a solver with the given stopping settings.</summary>
    public ConjugateGradient(KrylovOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>
    /// Solves A x = b. Stops when the recurrence residual satisfies ‖r‖/‖b‖ ≤ tolerance; a non-positive-definite
    /// operator or preconditioner and non-finite numbers are reported in the result, never thrown.
    /// </summary>
    public KrylovResult Solve(ILinearOperator a, ReadOnlySpan<double> b, IPreconditioner? preconditioner = null,
        double[]? initialGuess = null, IterationMonitor? monitor = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Cols)
            throw new ArgumentException($"CG needs a square operator, got {a.Rows}×{a.Cols}.", nameof(a));
        int n = a.Rows;
        if (b.Length != n)
            throw new ArgumentException($"b has length {b.Length}, expected the operator size {n}.", nameof(b));
        if (initialGuess is not null && initialGuess.Length != n)
            throw new ArgumentException($"The initial guess has length {initialGuess.Length}, expected the operator size {n}.", nameof(initialGuess));

        var clock = Stopwatch.StartNew();
        var x = initialGuess is null ? new double[n] : (double[])initialGuess.Clone();
        var history = new List<double>();
        KrylovResult Stop(StopReason reason, int iterations, string message) =>
            new(x, iterations, history, reason, message, clock.Elapsed);

        if (!Vectors.AllFinite(b))
            return Stop(StopReason.NonFinite, 0, "the right-hand side contains NaN or infinity");
        if (!Vectors.AllFinite(x))
            return Stop(StopReason.NonFinite, 0, "the initial guess contains NaN or infinity");
        double bNorm = Vectors.Norm(b);
        if (!double.IsFinite(bNorm))
            return Stop(StopReason.NonFinite, 0, "the norm of the right-hand side overflows");
        if (bNorm == 0)
        {
            Array.Clear(x);
            history.Add(0);
            return Stop(StopReason.Converged, 0, "the right-hand side is zero, so x = 0");
        }

        // r₀ = b − A x₀, z₀ = M⁻¹ r₀, p₀ = z₀.
        var r = new double[n];
        var p = new double[n];
        var ap = new double[n];
        var z = preconditioner is null ? r : new double[n];
        a.Apply(x, r);
        for (int i = 0; i < n; i++) r[i] = b[i] - r[i];

        double previousRz = 0;
        for (int j = 0; ; j++)
        {
            double relative = Vectors.Norm(r) / bNorm;
            history.Add(relative);
            if (j > 0) monitor?.Invoke(j, relative);
            if (!double.IsFinite(relative))
                return Stop(StopReason.NonFinite, j, $"the residual became non-finite at iteration {j}");
            if (relative <= _options.RelativeTolerance)
                return Stop(StopReason.Converged, j, $"converged to {Format(relative)} in {j} iterations");
            if (j == _options.MaxIterations)
                return Stop(StopReason.MaxIterations, j, $"reached the cap of {j} iterations at relative residual {Format(relative)}");

            preconditioner?.Apply(r, z);
            double rz = Vectors.Dot(r, z);
            if (!double.IsFinite(rz))
                return Stop(StopReason.NonFinite, j, $"the preconditioned residual became non-finite at iteration {j}");
            if (rz <= 0)
                return Stop(StopReason.IndefiniteOperator, j, $"rᵀM⁻¹r = {Format(rz)} ≤ 0 at iteration {j}: the preconditioner is not positive definite");

            // p_j = z_j + β_{j−1} p_{j−1}, β_{j−1} = (r_j, z_j)/(r_{j−1}, z_{j−1}).
            Vectors.Xpby(z, j == 0 ? 0 : rz / previousRz, p);
            previousRz = rz;

            a.Apply(p, ap);
            double pap = Vectors.Dot(p, ap);
            if (!double.IsFinite(pap))
                return Stop(StopReason.NonFinite, j, $"pᵀAp became non-finite at iteration {j}");
            if (pap <= 0)
                return Stop(StopReason.IndefiniteOperator, j, $"pᵀAp = {Format(pap)} ≤ 0 at iteration {j}: the operator is not positive definite");

            // α_j = (r_j, z_j)/(A p_j, p_j); x_{j+1} = x_j + α_j p_j; r_{j+1} = r_j − α_j A p_j.
            double alpha = rz / pap;
            Vectors.Axpy(alpha, p, x);
            Vectors.Axpy(-alpha, ap, r);
        }
    }

    private static string Format(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
