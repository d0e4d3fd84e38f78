using Rom.Neural.Training;

namespace Rom.Cases.Neural;

/// <summary>How one call of <see cref="IFnoTrainer.Train"/> runs: where it starts, whom it tells, when it stops.</summary>
public sealed record FnoTrainingRun
{
    /// <summary>The state of an earlier run of the same case and settings to continue, or null for a fresh network.</summary>
    public TrainingState<float>? Resume { get; init; }

    /// <summary>Called synchronously with the state after each complete epoch (where a checkpoint is saved).</summary>
    public Action<TrainingState<float>>? EpochCompleted { get; init; }

    /// <summary>Told after every batch and every epoch.</summary>
    public IProgress<TrainingProgress>? Progress { get; init; }

    /// <summary>Stops the run before its next batch, leaving the weights of the last complete epoch.</summary>
    public CancellationToken Cancellation { get; init; }
}
