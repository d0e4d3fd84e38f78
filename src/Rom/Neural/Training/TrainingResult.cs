using System.Numerics;

namespace Rom.Neural.Training;

/// <summary>The outcome of <see cref="Trainer{T}.Train"/>.</summary>
/// <param name="StopReason">Why the run ended.</param>
/// <param name="Message">One line on how it ended, naming the epoch and batch of a non-finite loss.</param>
/// <param name="EpochsRun">The epochs completed, earlier calls of a resumed run included.</param>
/// <param name="Seconds">The wall time, earlier calls included.</param>
/// <param name="FinalTrainLoss">The last completed epoch's training loss per sample (NaN if none).</param>
/// <param name="TestL2">The validation relative L2 per sample of the weights left in the model (NaN without validation).</param>
/// <param name="TestH1">Their validation relative H¹ per sample.</param>
/// <param name="BestEpoch">The epoch with the lowest validation relative L2 (from 1), or 0.</param>
/// <param name="History">Every completed epoch.</param>
/// <param name="FailedEpoch">The epoch (from 1) of a non-finite loss, else null.</param>
/// <param name="FailedBatch">Its batch (from 1), else null.</param>
/// <param name="State">The state to save, and to pass back to continue.</param>
public sealed record TrainingResult<T>(
    StopReason StopReason,
    string Message,
    int EpochsRun,
    double Seconds,
    double FinalTrainLoss,
    double TestL2,
    double TestH1,
    int BestEpoch,
    IReadOnlyList<EpochRecord> History,
    int? FailedEpoch,
    int? FailedBatch,
    TrainingState<T> State) where T : unmanaged, IFloatingPointIeee754<T>;
