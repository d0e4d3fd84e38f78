namespace Rom.Cases.Running;

/// <summary>What <see cref="CaseRunner.Run"/> did: the case, what it computed, and the files it wrote.</summary>
/// <param name="Document">The case that ran.</param>
/// <param name="Outcome">What the kind computed.</param>
/// <param name="ResultsPath">The results file written.</param>
/// <param name="PlotFiles">SVG and PNG files written.</param>
/// <param name="TotalSeconds">Wall-clock time of the whole run.</param>
/// <param name="SettingChanges">The settings <c>--set</c> changed from the case file's values ("key: file → used"); the file's title describes the file, not these.</param>
public sealed record RunReport(CaseDocument Document, CaseRunOutcome Outcome, string ResultsPath, IReadOnlyList<string> PlotFiles, double TotalSeconds,
    IReadOnlyList<string> SettingChanges);
