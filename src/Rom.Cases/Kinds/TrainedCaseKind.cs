namespace Rom.Cases.Kinds;

/// <summary>
/// A kind of case that is trained into a model file (<c>rom train</c>) rather than run into results: <c>rom run</c>
/// refuses it and points at <c>rom train</c>.
/// </summary>
/// <param name="name">The kind's name in the case file.</param>
/// <param name="summary">One line saying what training the case computes.</param>
/// <param name="defaultTitle">Title of the case <c>rom new</c> writes.</param>
/// <param name="settings">The settings the kind reads, with their defaults.</param>
public abstract class TrainedCaseKind(string name, string summary, string defaultTitle, IReadOnlyList<SettingDefinition> settings) : ICaseKind
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public string Summary => summary;

    /// <inheritdoc />
    public string DefaultTitle => defaultTitle;

    /// <inheritdoc />
    public IReadOnlyList<SettingDefinition> Settings => settings;

    /// <summary>Refuses: the case is trained into a model file, which <c>rom run</c> does not write.</summary>
    /// <exception cref="CaseInputException">Always, pointing at <c>rom train</c>.</exception>
    public CaseRunOutcome Run(CaseRun run) =>
        throw new CaseInputException("/@kind", $"'{name}'", $"a case kind rom run runs; an {name} case is trained: rom train CASE --out MODEL.h5", run.Document.Path);
}
