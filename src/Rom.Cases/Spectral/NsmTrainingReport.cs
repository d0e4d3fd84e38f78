using Rom.Neural.Training;

namespace Rom.Cases.Spectral;

/// <summary>How <see cref="NsmTraining.Run"/> ended and what it wrote.</summary>
/// <param name="ModelPath">The model file (written only when completed).</param>
/// <param name="CheckpointPath">The checkpoint, kept when training stopped early, removed when it completed.</param>
/// <param name="StopReason">Completed, a non-finite loss or cancellation.</param>
/// <param name="Message">One line on how it ended.</param>
/// <param name="ResumedFromStep">The steps a checkpoint had done when this run started (0: a fresh start).</param>
/// <param name="Summary">problem, method, steps, seconds, test_rel_l2, loss, parameters, …</param>
/// <param name="PlotFiles">The plots written.</param>
public sealed record NsmTrainingReport(string ModelPath, string CheckpointPath, StopReason StopReason, string Message, int ResumedFromStep,
    IReadOnlyList<SummaryItem> Summary, IReadOnlyList<string> PlotFiles);
