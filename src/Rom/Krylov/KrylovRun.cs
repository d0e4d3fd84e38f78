using System.Diagnostics;
using System.Globalization;
using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>
/// The bookkeeping every Krylov solve shares: argument checks, the iterate, the residual history and its norm, the
/// count of products with A, the clock, the stopping test, and the finished <see cref="KrylovResult"/>.
/// </summary>
internal sealed class KrylovRun
{
    private readonly ILinearOperator _a;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _zeroStart;
    private readonly ConvergenceTest? _stopping;

    /// <summary>
    /// Checks that A is square and b, x₀ fit it (throws <see cref="ArgumentException"/>); copies x₀. An iterative
    /// method passes its stopping test and the norm its history is in; a direct solve needs neither.
    /// </summary>
    public KrylovRun(string method, ILinearOperator a, ReadOnlySpan<double> b, double[]? initialGuess,
        ConvergenceTest? stopping = null, ResidualNorm norm = ResidualNorm.Unpreconditioned)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Cols)
            throw new ArgumentException($"{method} needs a square operator, got {a.Rows}×{a.Cols}.", nameof(a));
        int n = a.Rows;
        if (b.Length != n)
            throw new ArgumentException($"b has length {b.Length}, expected the operator size {n}.", nameof(b));
        if (initialGuess is not null && initialGuess.Length != n)
            throw new ArgumentException($"The initial guess has length {initialGuess.Length}, expected the operator size {n}.", nameof(initialGuess));
        _a = a;
        _zeroStart = initialGuess is null;
        _stopping = stopping;
        Norm = norm;
        X = initialGuess is null ? new double[n] : (double[])initialGuess.Clone();
    }

    /// <summary>Size of the system.</summary>
    public int N => X.Length;

    /// <summary>The current iterate x.</summary>
    public double[] X { get; }

    /// <summary>Relative residuals, one per iteration plus the initial one.</summary>
    public List<double> History { get; } = [];

    /// <summary>The norm the history is in.</summary>
    public ResidualNorm Norm { get; }

    /// <summary>The norm the history is relative to: ‖b‖ from <see cref="Start"/>, replaced by a method that measures another.</summary>
    public double Reference { get; set; } = double.NaN;

    /// <summary>Products with A so far.</summary>
    public int MatrixVectorProducts { get; private set; }

    /// <summary>Computes y = A x and counts it.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        _a.Apply(x, y);
        MatrixVectorProducts++;
    }

    /// <summary>Computes r = b − A x for the current iterate (one product with A).</summary>
    public void Residual(ReadOnlySpan<double> b, Span<double> r)
    {
        Multiply(X, r);
        for (int i = 0; i < r.Length; i++) r[i] = b[i] - r[i];
    }

    /// <summary>Computes r₀ = b − A x₀, without a product with A when no initial guess was given (x₀ = 0).</summary>
    public void InitialResidual(ReadOnlySpan<double> b, Span<double> r)
    {
        if (_zeroStart)
            b.CopyTo(r);
        else
            Residual(b, r);
    }

    /// <summary>
    /// Returns a finished result when there is nothing to iterate on (non-finite b or x₀, or b = 0, whose solution
    /// is x = 0); otherwise null and ‖b‖.
    /// </summary>
    public KrylovResult? Start(ReadOnlySpan<double> b, out double bNorm)
    {
        bNorm = double.NaN;
        if (!Vectors.AllFinite(b))
            return Stop(StopReason.NonFinite, 0, "the right-hand side contains NaN or infinity");
        if (!Vectors.AllFinite(X))
            return Stop(StopReason.NonFinite, 0, "the initial guess contains NaN or infinity");
        bNorm = Vectors.Norm(b);
        Reference = bNorm;
        if (!double.IsFinite(bNorm))
            return Stop(StopReason.NonFinite, 0, "the norm of the right-hand side overflows");
        if (bNorm == 0)
        {
            Array.Clear(X);
            History.Add(0);
            return Stop(StopReason.Converged, 0, "the right-hand side is zero, so x = 0");
        }
        return null;
    }

    /// <summary>
    /// The stopping test at this entry of the history (<see cref="ConvergenceTest.Check"/> against <see cref="Reference"/>,
    /// the first entry and <see cref="Norm"/>): the finished result, or null to go on.
    /// </summary>
    public KrylovResult? Test(int iteration, double relative, bool estimate = false)
    {
        var stopping = _stopping ?? throw new InvalidOperationException("This run was started without a convergence test.");
        return stopping.Check(iteration, relative, Reference, History[0], Norm, estimate) is { } decision ? Stop(decision, iteration) : null;
    }

    /// <summary>
    /// For methods that measure one residual per iteration (CG, deflated CG): adds it to the history, shows it to the
    /// monitor (from iteration 1 on) and applies <see cref="Test"/>.
    /// </summary>
    public KrylovResult? Record(int iteration, double relative, IterationMonitor? monitor)
    {
        History.Add(relative);
        if (iteration > 0) monitor?.Invoke(iteration, relative);
        return Test(iteration, relative);
    }

    /// <summary>Ends the solve with the current iterate.</summary>
    public KrylovResult Stop(StopReason reason, int iterations, string message) =>
        new(X, iterations, History, reason, message, _clock.Elapsed) { MatrixVectorProducts = MatrixVectorProducts, HistoryNorm = Norm };

    /// <summary>Ends the solve as <paramref name="decision"/> says.</summary>
    public KrylovResult Stop(StopDecision decision, int iterations) => Stop(decision.Reason, iterations, decision.Message);

    /// <summary>Three significant digits, invariant culture, for messages.</summary>
    public static string Format(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
