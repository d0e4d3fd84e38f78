namespace Rom.Bench.Neural;

/// <summary>
/// One line of <c>rom bench neural</c>: Rom's seconds for a task next to PyTorch's on the same configuration and
/// thread count, and each side's peak resident memory when the task's timings were done. A missing PyTorch side is
/// null and the note says why.
/// </summary>
/// <param name="Name">The configuration and task, e.g. "fno 2-D 64² b32 w32 m12 l4 train step".</param>
/// <param name="RomSeconds">Rom's median seconds (per training step, or per sample for inference).</param>
/// <param name="Reference">"PyTorch" and its version, or the reason it is missing.</param>
/// <param name="ReferenceSeconds">PyTorch's median seconds, or null.</param>
/// <param name="RomPeakBytes">Peak RSS of Rom's process when the task's timings were done.</param>
/// <param name="ReferencePeakBytes">Peak RSS of PyTorch's process at the same point, or null.</param>
/// <param name="RomBaselineBytes">Rom's process before the model was built (the .NET runtime and the tool).</param>
/// <param name="ReferenceBaselineBytes">PyTorch's process before the model was built (Python and torch), or null.</param>
/// <param name="Threads">Threads each side was allowed.</param>
/// <param name="Parameters">Real parameters of Rom's model (PyTorch's count is checked to be the same).</param>
/// <param name="Note">How it was measured, or why the reference is missing.</param>
public sealed record NeuralBenchRow(string Name, double RomSeconds, string Reference, double? ReferenceSeconds,
    long RomPeakBytes, long? ReferencePeakBytes, long RomBaselineBytes, long? ReferenceBaselineBytes, int Threads, long Parameters, string Note)
{
    /// <summary>Rom's time ÷ PyTorch's (below 1: Rom is faster), or null without a reference.</summary>
    public double? Ratio => ReferenceSeconds is { } reference && reference > 0 ? RomSeconds / reference : null;
}
