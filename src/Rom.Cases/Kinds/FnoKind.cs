using Rom.Cases.Neural;

namespace Rom.Cases.Kinds;

/// <summary>
/// A neural-operator training case: data files, an FNO architecture, optimiser and schedule (<see cref="FnoCase"/>).
/// It is trained into a model file (<c>rom train</c>, through <see cref="FnoTraining.Run"/>), not run into results.
/// </summary>
public sealed class FnoKind : ICaseKind
{
    /// <inheritdoc />
    public string Name => "fno";

    /// <inheritdoc />
    public string Summary => "train a Fourier neural operator on input/output fields into a model file (rom train, rom predict)";

    /// <inheritdoc />
    public string DefaultTitle => "FNO on neuraloperator's 16×16 Darcy flow (1,000 training and 50 test samples)";

    /// <inheritdoc />
    public IReadOnlyList<SettingDefinition> Settings => FnoCase.Settings;

    /// <summary>Refuses: an fno case is trained into a model file, which <c>rom run</c> does not write.</summary>
    /// <exception cref="CaseInputException">Always, pointing at <c>rom train</c>.</exception>
    public CaseRunOutcome Run(CaseRun run) =>
        throw new CaseInputException("/@kind", "'fno'", "a case kind rom run runs; an fno case is trained: rom train CASE --out MODEL.h5", run.Document.Path);
}
