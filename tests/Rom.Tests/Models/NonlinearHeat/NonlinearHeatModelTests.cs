using Rom.Models.NonlinearHeat;

namespace Rom.Tests.Models.NonlinearHeat;

public class NonlinearHeatModelTests
{
    [Test]
    public void NewtonConvergesQuadratically()
    {
        var model = new NonlinearHeatModel(new NonlinearHeatOptions(SquaresPerSide: 12, Beta: 5, TimeStep: 0.05, Steps: 4, NewtonTolerance: 1e-13));
        var first = model.Step(new double[model.Mesh.NodeCount], 0);
        var step = model.Step(first.State, 1);
        var r = step.ResidualNorms;
        TestContext.Out.WriteLine(string.Join(", ", r.Select(x => x.ToString("e2"))));
        Assert.That(step.Iterations, Is.InRange(3, 8));
        // Quadratic: each residual (relative to the first) is at most a modest multiple of the square of the one before.
        int checkedSteps = 0;
        for (int k = 1; k + 1 < r.Count; k++)
        {
            double previous = r[k] / r[0], next = r[k + 1] / r[0];
            if (next < 1e-13 || previous > 0.1) continue;
            Assert.That(next, Is.LessThan(10 * previous * previous), $"iteration {k + 1}");
            checkedSteps++;
        }
        Assert.That(checkedSteps, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void WithoutTemperatureDependenceItIsTheLinearHeatEquation()
    {
        var options = new NonlinearHeatOptions(SquaresPerSide: 10, Beta: 0, Kappa0: 0.7, Steps: 20, TimeStep: 0.02);
        var model = new NonlinearHeatModel(options);
        var trajectory = model.SolveTrajectory();
        Assert.That(trajectory.NewtonIterations, Is.All.EqualTo(1));

        // Independent: (M/Δt + κ₀K) u_{k+1} = M u_k/Δt + b(t_{k+1}) on the interior, one sparse Cholesky solve per step.
        var mesh = model.Mesh;
        var interior = model.InteriorNodes;
        var mass = P1Assembly.Mass(mesh).Submatrix(interior, interior);
        var stiffness = P1Assembly.Stiffness(mesh, Enumerable.Repeat(0.7, mesh.TriangleCount).ToArray()).Submatrix(interior, interior);
        var system = new CsrLinearCombination([mass, stiffness]).Assemble([1 / options.TimeStep, 1.0]);
        var cholesky = SparseCholesky.Factor(system);
        var u = new double[interior.Count];
        for (int k = 0; k < options.Steps; k++)
        {
            var rhs = new double[interior.Count];
            mass.Apply(u, rhs);
            var b = model.Load((k + 1) * options.TimeStep);
            for (int i = 0; i < rhs.Length; i++) rhs[i] = rhs[i] / options.TimeStep + b[interior[i]];
            cholesky.Solve(rhs, u);
            var expected = trajectory.States[k + 1];
            double error = 0;
            for (int i = 0; i < u.Length; i++) error = Math.Max(error, Math.Abs(u[i] - expected[interior[i]]));
            Assert.That(error, Is.LessThan(1e-10 * u.Max(Math.Abs)), $"step {k}");
        }
    }

    [Test]
    public void ImplicitEulerErrorIsFirstOrderInTheTimeStep()
    {
        const double finalTime = 0.2;
        double[] Final(int steps) =>
            new NonlinearHeatModel(new NonlinearHeatOptions(SquaresPerSide: 8, Beta: 2, Steps: steps, TimeStep: finalTime / steps)).SolveTrajectory().States[^1];
        var reference = Final(640);
        var errors = new[] { 10, 20, 40 }.Select(steps =>
        {
            var u = Final(steps);
            return Math.Sqrt(u.Select((v, i) => (v - reference[i]) * (v - reference[i])).Sum());
        }).ToArray();
        TestContext.Out.WriteLine(string.Join(", ", errors.Select(x => x.ToString("e3"))));
        for (int k = 0; k + 1 < errors.Length; k++)
            Assert.That(errors[k] / errors[k + 1], Is.InRange(1.7, 2.3));
    }

    [Test]
    public void RejectsBadOptionsAndStates()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NonlinearHeatModel(new NonlinearHeatOptions(SquaresPerSide: 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NonlinearHeatModel(new NonlinearHeatOptions(TimeStep: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NonlinearHeatModel(new NonlinearHeatOptions(Beta: -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NonlinearHeatModel(new NonlinearHeatOptions(SourceStations: 1)));
        var model = new NonlinearHeatModel(new NonlinearHeatOptions(SquaresPerSide: 4));
        Assert.Throws<ArgumentException>(() => model.Step(new double[3], 0));
    }

    [Test]
    public void SourceMovesAlongItsPath()
    {
        var model = new NonlinearHeatModel(new NonlinearHeatOptions(SquaresPerSide: 10, Steps: 60));
        double[] Centre(double t)
        {
            var b = model.Load(t);
            double total = b.Sum();
            return [b.Select((v, i) => v * model.Mesh.X[i]).Sum() / total, b.Select((v, i) => v * model.Mesh.Y[i]).Sum() / total];
        }
        double final = model.Options.Steps * model.Options.TimeStep;
        Assert.That(Centre(0), Is.EqualTo(new[] { 0.2, 0.2 }).Within(0.03));
        Assert.That(Centre(final / 2), Is.EqualTo(new[] { 0.5, 0.5 }).Within(0.03));
        Assert.That(Centre(final), Is.EqualTo(new[] { 0.8, 0.8 }).Within(0.03));
        Assert.That(model.LoadCoefficients(final / 3).Sum(), Is.EqualTo(1).Within(1e-14));
    }
}
