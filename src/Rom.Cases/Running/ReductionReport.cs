namespace Rom.Cases.Running;

/// <summary>What <see cref="ReducedBasisStep"/> built and measured, for the results file, plots and summary.</summary>
/// <param name="Model">The reduced model on the final basis.</param>
/// <param name="Results">The /reduction group (diagnostics) and the /reduced_model group (for <c>rom eval</c>).</param>
/// <param name="Plots">Convergence and effectivity plots.</param>
/// <param name="Summary">Basis size, errors, bounds, effectivities, times and speed-up.</param>
/// <param name="Succeeded">False when a bound fell below its true error (a certification failure).</param>
/// <param name="Message">One line on the outcome.</param>
/// <param name="TestParameters">The random test parameters the model was certified on.</param>
public sealed record ReductionReport(
    ReducedModel Model,
    IReadOnlyList<(string Name, DataGroup Group)> Results,
    IReadOnlyList<PlotRequest> Plots,
    IReadOnlyList<SummaryItem> Summary,
    bool Succeeded,
    string Message,
    IReadOnlyList<Parameter> TestParameters)
{
    /// <summary>A case's outcome: the full-order solve's results, plots and summary, then this reduction's.</summary>
    public CaseRunOutcome After(DataGroup results, IReadOnlyList<PlotRequest> plots, IReadOnlyList<SummaryItem> summary, string solveMessage)
    {
        foreach (var (name, group) in Results)
            results.Groups[name] = group;
        return new CaseRunOutcome(results, [.. plots, .. Plots], [.. summary, .. Summary], Succeeded, $"{solveMessage}; {Message}");
    }
}
