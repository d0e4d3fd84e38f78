using Rom.Cases.Running;
using Rom.Cases.Settings;
using Rom.LinearAlgebra;

namespace Rom.Cases.Tests.Running;

public class LinearSystemStepTests
{
    private sealed class Silent : IProgress<ProgressUpdate>
    {
        public List<ProgressUpdate> Updates { get; } = [];

        public void Report(ProgressUpdate value) => Updates.Add(value);
    }

    // The 1-D Laplacian (SPD) and its negative (symmetric negative definite).
    private static CsrMatrix Laplacian(int n, double sign)
    {
        var rows = new List<int>();
        var cols = new List<int>();
        var values = new List<double>();
        for (int i = 0; i < n; i++)
        {
            rows.Add(i); cols.Add(i); values.Add(2 * sign);
            if (i > 0) { rows.Add(i); cols.Add(i - 1); values.Add(-sign); }
            if (i + 1 < n) { rows.Add(i); cols.Add(i + 1); values.Add(-sign); }
        }
        return CsrMatrix.FromTriplets(n, n, rows.ToArray(), cols.ToArray(), values.ToArray());
    }

    private static CaseSettings Settings(params string[] assignments)
    {
        var settings = CaseSettings.Defaults(LinearSystemStep.Settings);
        foreach (string assignment in assignments) settings.Override(assignment);
        return settings;
    }

    [Test]
    public void SolvesWithTheChosenMethodAndPreconditionerAndReportsProgress()
    {
        var a = Laplacian(50, 1);
        var b = Enumerable.Repeat(1.0, 50).ToArray();
        var progress = new Silent();
        var result = LinearSystemStep.Solve(a, b, Settings("solver.method=gmres", "solver.preconditioner=ilu0", "solver.relative_tolerance=1e-12"), progress);
        Assert.That(result.Converged, result.Message);
        Assert.That(result.FinalRelativeResidual, Is.LessThanOrEqualTo(1e-12));
        Assert.That(progress.Updates[0].Detail, Is.EqualTo("GMRES (ilu0) on 50 unknowns"));
        Assert.That(progress.Updates[^1].Detail, Is.EqualTo(result.Message));
        var direct = LinearSystemStep.Solve(a, b, Settings("solver.method=cholesky", "solver.preconditioner=ic0"), new Silent());
        Assert.That(direct.Iterations, Is.Zero, "a direct solve ignores the preconditioner setting");
        Assert.That(direct.Solution, Is.EqualTo(result.Solution).Within(1e-9));
    }

    [Test]
    public void APreconditionerThatRejectsTheMatrixIsBlamedOnItsSetting()
    {
        var a = Laplacian(20, -1);
        var b = Enumerable.Repeat(1.0, 20).ToArray();
        var e = Assert.Throws<CaseInputException>(() => LinearSystemStep.Solve(a, b, Settings("solver.method=minres", "solver.preconditioner=ic0"), new Silent()))!;
        Assert.That(e.Field, Is.EqualTo("solver.preconditioner"));
        Assert.That(e.Value, Is.EqualTo("'ic0'"));
        Assert.That(e.Expected, Does.StartWith("a choice that suits this matrix, which it rejects: ").And.Not.Contain("(Parameter"));
    }

    [Test]
    public void ADirectMethodThatRejectsTheMatrixIsBlamedOnTheMethod()
    {
        var a = Laplacian(20, -1);
        var b = Enumerable.Repeat(1.0, 20).ToArray();
        var e = Assert.Throws<CaseInputException>(() => LinearSystemStep.Solve(a, b, Settings("solver.method=cholesky"), new Silent()))!;
        Assert.That((e.Field, e.Value), Is.EqualTo(("solver.method", "'cholesky'")));
        Assert.That(e.Expected, Does.Contain("not positive definite"));
    }
}
