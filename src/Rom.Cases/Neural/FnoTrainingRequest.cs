using Rom.Neural.Training;

namespace Rom.Cases.Neural;

/// <summary>What <see cref="FnoTraining.Run"/> is asked to do: which case, where the model goes, how to report and when to stop.</summary>
/// <param name="CasePath">The <c>fno</c> case file.</param>
/// <param name="ModelPath">The model file to write; the checkpoint is <c>ModelPath.partial</c> and plots go beside it.</param>
public sealed record FnoTrainingRequest(string CasePath, string ModelPath)
{
    /// <summary><c>key=value</c> overrides of the case's settings (<c>--set</c>).</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>The engine; Rom.Neural's trainer by default.</summary>
    public IFnoTrainer Trainer { get; init; } = new FnoTrainer();

    /// <summary>Told of the stages (data, resume, evaluation, writing, plots).</summary>
    public IProgress<ProgressUpdate>? Progress { get; init; }

    /// <summary>Told after every batch and every epoch.</summary>
    public IProgress<TrainingProgress>? TrainingProgress { get; init; }

    /// <summary>Stops training before its next batch; the checkpoint keeps the last complete epoch.</summary>
    public CancellationToken Cancellation { get; init; }
}
