using static Rom.Tests.Reduction.ReductionTestProblems;

namespace Rom.Tests.Reduction;

public class CertificationTests
{
    /// <summary>An output bound below its error fails the certification, unless that error is round-off in s itself.</summary>
    [Test]
    public void AnOutputBoundBelowItsErrorFailsTheCertification()
    {
        var mu = Parameter.Of("a", 1.0);
        var curve = new[] { new ErrorCurvePoint(1, [1e-6, 1e-6], [2e-6, 2e-6]) };
        var roundOff = new OutputCertification("compliance", [2.0, 2.0], [1e-7, 1e-14], [2e-7, 1e-17]);
        var violated = new OutputCertification("mean", [2.0, 2.0], [1e-7, 1e-8], [2e-7, 5e-9]);
        Assert.Multiple(() =>
        {
            Assert.That((roundOff.Violation, roundOff.BelowRoundOff), Is.EqualTo((-1, 1)));
            Assert.That(violated.Violation, Is.EqualTo(1));
            Assert.That(new CertificationResult([mu, mu], curve, 1, 1, [roundOff]).Succeeded, Is.True);
            Assert.That(new CertificationResult([mu, mu], curve, 1, 1, [roundOff, violated]).Succeeded, Is.False);
            Assert.That(violated.MaxRelativeError, Is.EqualTo(5e-8).Within(1e-20));
        });
    }

    [Test]
    public void ABoundBelowARoundOffErrorIsNeitherAFailureNorSilentlyOk()
    {
        // Errors 1e-6 (bound holds), 1.7e-13 with bound 7.2e-14 (both at round-off), 1e-8 with a bound below it.
        var mu = Parameter.Of("a", 1.0);
        CertificationResult Result(params (double Error, double Bound)[] points) =>
            new([.. points.Select(_ => mu)], [new ErrorCurvePoint(1, [.. points.Select(p => p.Error)], [.. points.Select(p => p.Bound)])], 1, 1, []);

        var roundOff = Result((1e-6, 2e-6), (1.7e-13, 7.2e-14));
        Assert.That((roundOff.Succeeded, roundOff.BelowRoundOff), Is.EqualTo((true, new[] { 1 })));
        var failed = Result((1e-6, 2e-6), (1.7e-13, 7.2e-14), (1e-8, 5e-9));
        Assert.That((failed.Succeeded, failed.Violation), Is.EqualTo((false, 2)));
        Assert.That(Result((1e-6, 2e-6)).BelowRoundOff, Is.Empty);
    }

    [Test]
    public void AReducedModelRefusesParametersOutsideItsSpaceNamingThem()
    {
        var model = SmallBlock();
        var rom = ReducedBasis.Build(model, new ReducedBasisOptions(DenseCholeskyInverse.Factory, Ones(model),
            TrainingSet: ParameterSampling.Grid(model.ParameterSpace, 2), Greedy: new GreedyOptions(MaxExtensions: 3))).Model;
        int blocks = model.ParameterSpace.TotalDimension;
        Assert.Multiple(() =>
        {
            Assert.That(() => rom.Solve(Parameter.Of("diffusion", 0.5)), Throws.ArgumentException
                .With.Property("ParamName").EqualTo("mu").And.Message.Contains($"has 1 values, expected {blocks}"));
            Assert.That(() => rom.Solve(Parameter.Of("diffusion", Enumerable.Repeat(5.0, blocks).ToArray())), Throws.ArgumentException
                .With.Message.Contains("= 5 is outside its range"));
            Assert.That(() => rom.Solve(Parameter.Of("conductivity", 1.0)), Throws.ArgumentException
                .With.Message.Contains("'diffusion' is missing"));
            Assert.That(() => rom.Truncate(2).Solve(Parameter.Of("diffusion", 0.5)), Throws.ArgumentException, "a truncated model keeps its space");
        });
    }

    [Test]
    public void ACertifiedBasisHoldsOnRandomParameters()
    {
        var model = SmallBlock();
        var built = ReducedBasis.Build(model, new ReducedBasisOptions(DenseCholeskyInverse.Factory, Ones(model),
            TrainingSet: ParameterSampling.Grid(model.ParameterSpace, 3), Greedy: new GreedyOptions(MaxExtensions: 6)));
        var test = ParameterSampling.Uniform(model.ParameterSpace, 5, seed: 4);
        var stages = new List<string>();
        var result = Certification.Run(model, built, DenseCholeskyInverse.Factory, test, step => stages.Add(step.Stage));

        Assert.That(result.Curve.Select(p => p.BasisSize), Is.EqualTo(Enumerable.Range(1, 6)), "every size up to 6");
        Assert.That(result.Final.Errors, Has.Length.EqualTo(test.Count));
        for (int i = 0; i < test.Count; i++)
        {
            double error = EnergyDistance(model, Solve(model, test[i]), built.Model.Reconstruct(built.Model.Solve(test[i]).Coefficients)) / EnergyNorm(model, Solve(model, test[i]));
            Assert.That(result.Final.Errors[i], Is.EqualTo(error).Within(1e-12), $"true error at {test[i]}");
        }
        Assert.That(result.Effectivities, Has.All.GreaterThanOrEqualTo(1.0));
        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.SpeedUp, Is.EqualTo(result.FullOrderSeconds / result.OnlineSeconds));
        Assert.That(stages, Does.Contain("truth").And.Contain("certify"));
    }

    [Test]
    public void ABoundBelowAnErrorAboveRoundOffFails()
    {
        var mu = Parameter.Of("mu", 1.0);
        var below = new CertificationResult([mu, mu, mu], [new ErrorCurvePoint(1, [1e-12, 1e-6, 1e-6], [1e-13, 2e-6, 0.5e-6])], 1, 2, []);
        Assert.That(below.Violation, Is.EqualTo(2), "the round-off error at 0 is not held against its bound");
        Assert.That(below.Succeeded, Is.False);
    }
}
