using static Rom.Tests.Reduction.ReductionTestProblems;

namespace Rom.Tests.Reduction;

public class CoerciveReductorTests
{
    private static ReducedBasisResult BuildSmall(ThermalBlockModel model, int extensions, IResidualEstimator? estimator = null) =>
        ReducedBasis.Build(model, new ReducedBasisOptions(DenseCholeskyInverse.Factory, Ones(model),
            TrainingSet: ParameterSampling.Grid(model.ParameterSpace, 3), Greedy: new GreedyOptions(extensions), Estimator: estimator));

    [Test]
    public void ReducedSolutionAtAChosenParameterIsTheFullOrderSolution()
    {
        var model = SmallBlock();
        var rb = BuildSmall(model, 6);
        Assert.That(rb.Model.BasisSize, Is.EqualTo(6));
        foreach (var mu in rb.Greedy.ChosenParameters)
        {
            var u = Solve(model, mu);
            var s = rb.Model.Solve(mu);
            double error = EnergyDistance(model, u, rb.Model.Reconstruct(s.Coefficients));
            Assert.That(error, Is.LessThan(1e-12 * EnergyNorm(model, u)), mu.ToString());
            Assert.That(s.ErrorBound, Is.LessThan(1e-10 * EnergyNorm(model, u)), "the residual vanishes there too");
        }
    }

    [Test]
    public void BoundsAreCertifiedWithEffectivityAtMostTheThetaRatio()
    {
        var model = SmallBlock();
        var rb = BuildSmall(model, 5);
        foreach (var mu in ParameterSampling.Uniform(model.ParameterSpace, 15, seed: 11))
        {
            var u = Solve(model, mu);
            var s = rb.Model.Solve(mu);
            double error = EnergyDistance(model, u, rb.Model.Reconstruct(s.Coefficients));
            // Haasdonk 2017, Prop. 2.27: 1 ≤ Δ/‖e‖_X ≤ γ(μ)/α_LB(μ) = max_q μ_q / min_q μ_q here (X = Σ_q A_q).
            var theta = mu[ThermalBlockModel.ParameterName].ToArray();
            Assert.That(s.ErrorBound / error, Is.InRange(1.0, theta.Max() / theta.Min() * (1 + 1e-9)), mu.ToString());
            Assert.That(s.CoercivityLowerBound, Is.EqualTo(theta.Min()).Within(1e-15));
            double sN = s.Outputs[0], sTrue = model.Outputs[0].Evaluate(u);
            Assert.That(rb.Model.Data.Outputs[0].Compliant, Is.True, "mean with f = 1 is compliant");
            Assert.That(Math.Abs(sTrue - sN), Is.LessThanOrEqualTo(s.OutputBounds[0]));
        }
    }

    [Test]
    public void IncrementalExtensionEqualsReducingTheFinalBasisAtOnce()
    {
        var model = SmallBlock();
        var rb = BuildSmall(model, 6);
        var direct = new CoerciveReductor(model, ReductorOptions(model), rb.Reductor.Basis).ToData();
        var incremental = rb.Model.Data;
        for (int q = 0; q < 4; q++)
            Assert.That(incremental.Operators[q], Is.EqualTo(direct.Operators[q]).Within(1e-13));
        Assert.That(incremental.RightHandSide, Is.EqualTo(direct.RightHandSide).Within(1e-15));
        Assert.That(incremental.Residual.Matrix, Is.EqualTo(direct.Residual.Matrix).Within(1e-13));
        // The energy product is A(1, 1, 1, 1) and V is X-orthonormal: Σ_q Ã_q = I.
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++)
                Assert.That(Enumerable.Range(0, 4).Sum(q => direct.Operators[q][i, j]), Is.EqualTo(i == j ? 1 : 0).Within(1e-12));
    }

    [Test]
    public void TruncationAndSavedDataGiveTheSameSolutions()
    {
        var model = SmallBlock();
        var rb = BuildSmall(model, 6);
        var small = new CoerciveReductor(model, ReductorOptions(model), rb.Reductor.Basis.Take(3).ToArray()).Reduce();
        var truncated = rb.Model.Truncate(3);
        var restored = ReducedModel.FromData(rb.Model.Data);
        foreach (var mu in ParameterSampling.Uniform(model.ParameterSpace, 5, seed: 3))
        {
            var a = small.Solve(mu);
            var b = truncated.Solve(mu);
            Assert.That(b.Coefficients, Is.EqualTo(a.Coefficients).Within(1e-12));
            Assert.That(b.ErrorBound, Is.EqualTo(a.ErrorBound).Within(1e-12 * a.ErrorBound));
            var full = rb.Model.Solve(mu);
            var c = restored.Solve(mu);
            Assert.That(c.Coefficients, Is.EqualTo(full.Coefficients));
            Assert.That(c.ErrorBound, Is.EqualTo(full.ErrorBound));
        }
        var zero = rb.Model.Truncate(0).Solve(Ones(model));
        Assert.That(zero.Coefficients, Is.Empty);
        Assert.That(zero.ErrorBound, Is.EqualTo(rb.Model.Data.Outputs[0].DualNorm).Within(1e-12), "N = 0: Δ = ‖f‖_{X'} / α(μ̄)");
    }

    [Test]
    public void ClassicalAndStableEstimatorsAgreeAwayFromRoundOff()
    {
        var model = SmallBlock();
        var stable = BuildSmall(model, 4);
        var classical = new CoerciveReductor(model, ReductorOptions(model, ResidualEstimators.Classical), stable.Reductor.Basis).Reduce();
        Assert.That(classical.Data.Residual.Estimator, Is.EqualTo("classical"));
        foreach (var mu in ParameterSampling.Uniform(model.ParameterSpace, 5, seed: 5))
            Assert.That(classical.Solve(mu).ErrorBound, Is.EqualTo(stable.Model.Solve(mu).ErrorBound).Within(1e-6).Percent);
    }

    [Test]
    public void BadInputIsRejected()
    {
        var model = SmallBlock();
        var outside = Parameter.Of(ThermalBlockModel.ParameterName, 2, 1, 1, 1);
        Assert.That(Assert.Throws<ArgumentException>(() => new CoerciveReductor(model, ReductorOptions(model) with { ReferenceParameter = outside }))!.Message,
            Does.Contain("diffusion"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => new CoerciveReductor(model, ReductorOptions(model) with { ReferenceCoercivity = 0 }))!.ParamName,
            Is.EqualTo("ReferenceCoercivity"));
        var reductor = new CoerciveReductor(model, ReductorOptions(model));
        Assert.That(Assert.Throws<ArgumentException>(() => reductor.Extend(new double[3]))!.ParamName, Is.EqualTo("v"));
        var reduced = BuildSmall(model, 2).Model;
        Assert.That(Assert.Throws<ArgumentException>(() => reduced.Solve(Parameter.Of(ThermalBlockModel.ParameterName, 1, -1, 1, 1)))!.ParamName, Is.EqualTo("mu"));
        Assert.That(Assert.Throws<ArgumentException>(() => reduced.Reconstruct(new double[3]))!.ParamName, Is.EqualTo("uN"));
        Assert.Throws<ArgumentOutOfRangeException>(() => reduced.Truncate(3));
        Assert.That(Assert.Throws<ArgumentException>(() => ReducedModel.FromData(reduced.Data with { RightHandSide = new double[3] }))!.ParamName,
            Is.EqualTo("Operators"));
    }
}
