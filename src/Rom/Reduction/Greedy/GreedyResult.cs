using Rom.Parameters;

namespace Rom.Reduction.Greedy;

/// <summary>What <see cref="WeakGreedy"/> did: the error history, the chosen parameters, the time and why it stopped.</summary>
/// <param name="MaxErrors">Largest estimated error over the training set before each extension and after the last (always Extensions + 1 values).</param>
/// <param name="MaxErrorParameters">Where each value of <paramref name="MaxErrors"/> was attained.</param>
/// <param name="Steps">One record per successful extension.</param>
/// <param name="StopReason">Why the loop stopped.</param>
/// <param name="Elapsed">Wall-clock time of the whole run.</param>
public sealed record GreedyResult(
    IReadOnlyList<double> MaxErrors,
    IReadOnlyList<Parameter> MaxErrorParameters,
    IReadOnlyList<GreedyStep> Steps,
    GreedyStopReason StopReason,
    TimeSpan Elapsed)
{
    /// <summary>Number of successful extensions.</summary>
    public int Extensions => Steps.Count;

    /// <summary>The parameters added, in order.</summary>
    public IEnumerable<Parameter> ChosenParameters => Steps.Select(s => s.Parameter);
}
