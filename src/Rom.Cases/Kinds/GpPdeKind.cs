using Rom.Cases.GaussianProcesses;
using Rom.GaussianProcesses;

namespace Rom.Cases.Kinds;

/// <summary>
/// A PDE solved by a Gaussian process on a tensor grid (GP-HM: Fang et al., ICLR 2024): the paper's high-frequency
/// Poisson, advection and Allen–Cahn problems, or a linear one given by formulas; the solution, its errors against the
/// exact solution, the learned spectra and the optimiser's history (<see cref="GpCase"/>, <see cref="GpPdeSolver"/>).
/// </summary>
public sealed class GpPdeKind : ICaseKind
{
    /// <inheritdoc />
    public string Name => "gp-pde";

    /// <inheritdoc />
    public string Summary => "solve a high-frequency PDE (linear, or Allen–Cahn) with a spectral-mixture Gaussian process on a tensor grid (GP-HM), against its exact solution";

    /// <inheritdoc />
    public string DefaultTitle => "GP-HM: 1-D Poisson, u = sin(6x)·cos(100x) on [0, 2π], 300 points";

    /// <inheritdoc />
    public IReadOnlyList<SettingDefinition> Settings => GpCase.Settings;

    /// <inheritdoc />
    public CaseRunOutcome Run(CaseRun run)
    {
        var setup = GpCase.Read(run.Settings, run.Document.Root, run.Document.Path);
        var solver = new GpPdeSolver(setup.Options);
        run.Progress.Report(new ProgressUpdate("solve", null, $"{setup.Name} on {setup.Points} points per dimension ({run.Settings.Text("gp.optimizer")})"));
        var main = GpRunResult.Solve(solver, setup, setup.Points);
        var study = new List<GpRunResult>();
        foreach (int points in setup.StudyPoints)
        {
            run.Progress.Report(new ProgressUpdate("study", (double)(study.Count + 1) / setup.StudyPoints.Count, $"{points} points per dimension"));
            study.Add(GpRunResult.Solve(solver, setup, points));
        }
        return GpRunOutcome.Of(run.Document.Name, setup, main, study);
    }
}
