using Rom.Reduction.Greedy;

namespace Rom.Reduction;

/// <summary>A reduced model built by the greedy, with the diagnostics of the run.</summary>
/// <param name="Model">The reduced model on the final basis.</param>
/// <param name="Greedy">Error history, chosen parameters, times and stop reason of the greedy.</param>
/// <param name="Reductor">The reductor, for further extension.</param>
public sealed record ReducedBasisResult(ReducedModel Model, GreedyResult Greedy, CoerciveReductor Reductor);
