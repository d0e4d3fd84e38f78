using System.Diagnostics;
using Rom.Parameters;

namespace Rom.Reduction.Greedy;

/// <summary>
/// The weak greedy algorithm (Haasdonk, Reduced Basis Methods for Parametrized PDEs — A Tutorial, 2017,
/// Def. 2.39; pyMOR algorithms/greedy.py): repeatedly extend with the training parameter of largest estimated
/// error, until a tolerance, the extension cap, or a linearly dependent extension. Written once for every surrogate.
/// </summary>
public static class WeakGreedy
{
    /// <summary>Runs the greedy loop over <paramref name="trainingSet"/>; <paramref name="monitor"/> hears of every extension.</summary>
    public static GreedyResult Run(IGreedySurrogate surrogate, IReadOnlyList<Parameter> trainingSet, GreedyOptions options,
        Action<GreedyStep>? monitor = null)
    {
        ArgumentNullException.ThrowIfNull(surrogate);
        ArgumentNullException.ThrowIfNull(trainingSet);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (trainingSet.Count == 0)
            throw new ArgumentException("The training set is empty; the greedy needs at least one candidate.", nameof(trainingSet));

        var clock = Stopwatch.StartNew();
        var maxErrors = new List<double>();
        var maxErrorParameters = new List<Parameter>();
        var steps = new List<GreedyStep>();
        while (true)
        {
            var evaluationStart = clock.Elapsed;
            var errors = surrogate.Evaluate(trainingSet);
            if (errors is null || errors.Length != trainingSet.Count)
                throw new InvalidOperationException($"The surrogate returned {errors?.Length} estimates for {trainingSet.Count} candidates.");
            // μ* = argmax_μ Δ(μ); the first of equal maxima, so the run is deterministic.
            int best = 0;
            for (int i = 0; i < errors.Length; i++)
            {
                if (double.IsNaN(errors[i]))
                    throw new InvalidOperationException($"The surrogate's estimate at candidate {i} ({trainingSet[i]}) is NaN.");
                if (errors[i] > errors[best]) best = i;
            }
            var evaluationTime = clock.Elapsed - evaluationStart;
            double maxError = errors[best];
            maxErrors.Add(maxError);
            maxErrorParameters.Add(trainingSet[best]);

            GreedyStopReason? stop =
                maxError <= options.AbsoluteTolerance ? GreedyStopReason.AbsoluteToleranceReached
                : maxError <= options.RelativeTolerance * maxErrors[0] ? GreedyStopReason.RelativeToleranceReached
                : steps.Count >= options.MaxExtensions ? GreedyStopReason.MaxExtensionsReached
                : null;
            if (stop is null)
            {
                var extensionStart = clock.Elapsed;
                if (!surrogate.Extend(trainingSet[best]))
                    stop = GreedyStopReason.LinearlyDependent;
                else
                {
                    var step = new GreedyStep(steps.Count + 1, maxError, trainingSet[best], evaluationTime, clock.Elapsed - extensionStart);
                    steps.Add(step);
                    monitor?.Invoke(step);
                }
            }
            if (stop is not null)
                return new GreedyResult(maxErrors, maxErrorParameters, steps, stop.Value, clock.Elapsed);
        }
    }
}
