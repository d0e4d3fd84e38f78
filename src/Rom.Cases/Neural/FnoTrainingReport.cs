using Rom.Neural.Training;

namespace Rom.Cases.Neural;

/// <summary>How <see cref="FnoTraining.Run"/> ended and what it wrote.</summary>
/// <param name="ModelPath">The model file (written only when <see cref="Completed"/>).</param>
/// <param name="CheckpointPath">The checkpoint, kept when training stopped early, removed when it completed.</param>
/// <param name="StopReason">Completed, a non-finite loss or cancellation.</param>
/// <param name="Message">One line on how it ended (epoch and batch of a non-finite loss; the checkpoint kept).</param>
/// <param name="ResumedFromEpoch">The epochs a checkpoint had done when this run started (0: a fresh start).</param>
/// <param name="Summary">parameters, epochs, seconds, train_loss, test_rel_l2, test_h1, best_epoch, samples_per_second, …</param>
/// <param name="ResolutionTests">The zero-shot errors on <c>data.resolution_test_files</c> (empty unless completed).</param>
/// <param name="PlotFiles">The plots written.</param>
public sealed record FnoTrainingReport(
    string ModelPath, string CheckpointPath, StopReason StopReason, string Message, int ResumedFromEpoch,
    IReadOnlyList<SummaryItem> Summary, IReadOnlyList<ResolutionTest> ResolutionTests, IReadOnlyList<string> PlotFiles)
{
    /// <summary>Whether every epoch ran and the model file was written.</summary>
    public bool Completed => StopReason == StopReason.Completed;
}
