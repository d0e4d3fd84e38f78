namespace Rom.Cases.Running;

/// <summary>What a case kind computed: results to save, plots to draw, a summary to show, and whether it succeeded.</summary>
/// <param name="Results">Groups and datasets for the results file (the runner adds the envelope and provenance).</param>
/// <param name="Plots">Plots to write beside the results file.</param>
/// <param name="Summary">Lines of the summary table and keys of the JSON output.</param>
/// <param name="Succeeded">False when the computation ran but failed (e.g. the solver did not converge).</param>
/// <param name="Message">One line on the outcome, e.g. the solver's stop message.</param>
public sealed record CaseRunOutcome(
    DataGroup Results,
    IReadOnlyList<PlotRequest> Plots,
    IReadOnlyList<SummaryItem> Summary,
    bool Succeeded,
    string Message);
