using Rom.Cases.Running;
using Rom.Cases.Settings;
using Rom.Cases.Sweeps;
using Rom.Krylov;

namespace Rom.Cases.Tests.Settings;

public class SolverChoicesTests
{
    private static SettingDefinition Setting(IReadOnlyList<SettingDefinition> definitions, string key) => definitions.Single(d => d.Key == key);

    [Test]
    public void TheSingleSolveOffersTheIndependentMethodsAndPerMatrixPreconditionersOfTheRegistry()
    {
        var method = Setting(LinearSystemStep.Settings, "solver.method");
        Assert.That(method.Default, Is.EqualTo("cg"));
        Assert.That(method.Choices, Is.EqualTo(new[] { "cg", "minres", "gmres", "bicgstab", "cholesky" }));
        Assert.That(method.Description, Is.EqualTo(
            "Solver: 'cg' (SPD), 'minres' (symmetric), 'gmres' (any square matrix), 'bicgstab' (any square matrix) or 'cholesky' (sparse direct, SPD)."));
        var preconditioner = Setting(LinearSystemStep.Settings, "solver.preconditioner");
        Assert.That(preconditioner.Default, Is.EqualTo("jacobi"));
        Assert.That(preconditioner.Choices, Is.EqualTo(new[] { "none", "jacobi", "ssor", "ilu0", "ic0", "amg" }));
    }

    [Test]
    public void TheSweepOffersEveryNameOfTheRegistry()
    {
        Assert.That(Setting(SweepCase.Settings, "sweep.method").Choices, Is.EqualTo(KrylovSolvers.Methods.Select(m => m.Name)));
        Assert.That(Setting(SweepCase.Settings, "sweep.preconditioner").Choices, Is.EqualTo(KrylovSolvers.Preconditioners.Select(p => p.Name)));
        Assert.That(Setting(SweepCase.Settings, "sweep.method").Default, Is.EqualTo("gcro-dr"));
        Assert.That(Setting(SweepCase.Settings, "problem.spd").Description,
            Does.Contain("(allows cg, minres, cholesky, deflated-cg, ic0, amg, amg-reuse)"));
    }

    [Test]
    public void ABadNameIsAnsweredWithTheRegistrysNames()
    {
        var settings = CaseSettings.Defaults(LinearSystemStep.Settings);
        var e = Assert.Throws<CaseInputException>(() => settings.Override("solver.method=gcro-dr"))!;
        Assert.That(e.Message, Is.EqualTo("solver.method: got 'gcro-dr'; expected one of 'cg', 'minres', 'gmres', 'bicgstab', 'cholesky'."));
    }
}
