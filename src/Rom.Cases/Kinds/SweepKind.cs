using Rom.Cases.Sweeps;
using Rom.Sweeps;

namespace Rom.Cases.Kinds;

/// <summary>
/// A data-generation sweep: every system of a family (SKR Darcy or Helmholtz, SPD Darcy in 2-D/3-D, the FNO paper's
/// Darcy data, or the case's own CSR matrices) solved in a computed order, with recycling, into one dataset of inputs
/// and solutions.
/// <c>rom run</c> solves it in one go; <c>rom sweep</c> adds shards, checkpoints and resume (<see cref="SweepRunner"/>).
/// </summary>
public sealed class SweepKind : ICaseKind
{
    /// <inheritdoc />
    public string Name => "sweep";

    /// <inheritdoc />
    public string Summary => "solve a family of linear systems in a sorted order with Krylov recycling into a dataset (rom sweep)";

    /// <inheritdoc />
    public string DefaultTitle => "100 SKR Darcy systems (34×34 grid, n = 1,024), sorted GCRO-DR(40, 20) to 1e-8";

    /// <inheritdoc />
    public IReadOnlyList<SettingDefinition> Settings => SweepCase.Settings;

    /// <inheritdoc />
    public CaseRunOutcome Run(CaseRun run)
    {
        var solver = SweepCase.Start(run.Document, run.Settings, SweepShard.All);
        var samples = new List<SweepSample>();
        SweepRunner.SolveAll(solver, run.Settings, samples, run.Progress);
        return SweepRunner.Outcome(solver, samples, SweepCase.Identity(run.Document, run.Settings));
    }
}
