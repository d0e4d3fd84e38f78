using System.Diagnostics;

namespace Rom.GaussianProcesses;

/// <summary>The bookkeeping both optimisers share: history, stopping tests and the last finite iterate.</summary>
internal sealed class OptimizationTrace(OptimizerOptions options, Func<double>? residual)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<OptimizationRecord> _history = [];
    private double _previous = double.NaN;

    /// <summary>Seconds since the solve started (<see cref="OptimizerOptions.StartSeconds"/> plus this run's).</summary>
    private double Now => options.StartSeconds + _clock.Elapsed.TotalSeconds;

    public double[] Best { get; private set; } = [];

    public double BestValue { get; private set; } = double.NaN;

    /// <summary>Records iterate k with value f (evaluated just before, so the residual callback sees it); returns a stop reason or null.</summary>
    public string? Accept(int k, double[] x, double f)
    {
        Best = (double[])x.Clone();
        BestValue = f;
        string? reason = null;
        if (k % options.RecordEvery == 0 || k == options.MaxIterations)
        {
            double r = residual?.Invoke() ?? double.NaN;
            _history.Add(new OptimizationRecord(k, f, r, Now));
            if (options.ResidualTolerance > 0 && r <= options.ResidualTolerance)
                reason = $"residual {r:G3} ≤ {options.ResidualTolerance:G3}";
        }
        if (reason is null && OverTime)
            reason = TimeLimitReason;
        if (reason is null && options.ObjectiveTolerance > 0 && k > 0 && Math.Abs(f - _previous) <= options.ObjectiveTolerance * Math.Max(1, Math.Abs(f)))
            reason = $"objective change ≤ {options.ObjectiveTolerance:G3} relative";
        _previous = f;
        return reason;
    }

    /// <summary>Whether the time limit (if any) has passed: a line search checks it between trials.</summary>
    public bool OverTime => options.TimeLimitSeconds > 0 && Now >= options.TimeLimitSeconds;

    /// <summary>The stop reason when <see cref="OverTime"/>.</summary>
    public string TimeLimitReason => $"time limit {options.TimeLimitSeconds:G3} s";

    public OptimizationResult Finish(int iterations, bool failed, string reason)
    {
        if (_history.Count == 0 || _history[^1].Iteration != iterations)
            _history.Add(new OptimizationRecord(iterations, BestValue, failed ? double.NaN : residual?.Invoke() ?? double.NaN, Now));
        return new OptimizationResult(Best, BestValue, iterations, failed, reason, _history);
    }

    public static bool IsFinite(double f, double[] g) => double.IsFinite(f) && g.All(double.IsFinite);
}
