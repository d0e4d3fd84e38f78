namespace Rom.Cases.Spectral;

/// <summary>What <see cref="NsmTraining.Run"/> is asked to do: which case, where the model goes, how to report and when to stop.</summary>
/// <param name="CasePath">The <c>nsm</c> case file.</param>
/// <param name="ModelPath">The model file to write; the checkpoint is <c>ModelPath.partial</c> and plots go beside it.</param>
public sealed record NsmTrainingRequest(string CasePath, string ModelPath)
{
    /// <summary><c>key=value</c> overrides of the case's settings (<c>--set</c>).</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>Told of the stages and, during training, of the steps done (a fraction) at every record.</summary>
    public IProgress<ProgressUpdate>? Progress { get; init; }

    /// <summary>Stops training before its next step; the checkpoint keeps the last record.</summary>
    public CancellationToken Cancellation { get; init; }
}
