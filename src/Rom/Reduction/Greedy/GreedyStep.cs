using Rom.Parameters;

namespace Rom.Reduction.Greedy;

/// <summary>One extension of <see cref="WeakGreedy"/>, as reported to the monitor.</summary>
/// <param name="Extension">1 for the first extension, 2 for the second, ….</param>
/// <param name="MaxError">The largest estimated error before this extension.</param>
/// <param name="Parameter">The training parameter where it was attained, now added.</param>
/// <param name="EvaluationTime">Time spent estimating the errors of all candidates.</param>
/// <param name="ExtensionTime">Time spent extending the surrogate.</param>
public sealed record GreedyStep(int Extension, double MaxError, Parameter Parameter, TimeSpan EvaluationTime, TimeSpan ExtensionTime);
