namespace Rom.Cases.Running;

/// <summary>What a case kind gets to run one case: the document, its settings with overrides applied, and a progress sink.</summary>
/// <param name="Document">The case file read into memory.</param>
/// <param name="Settings">Effective settings (file values, then <c>--set</c> overrides).</param>
/// <param name="Progress">Receives progress of long steps.</param>
public sealed record CaseRun(CaseDocument Document, CaseSettings Settings, IProgress<ProgressUpdate> Progress);
