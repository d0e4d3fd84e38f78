using Rom.Models.ThermalBump;
using Rom.Reduction.Greedy;
using Rom.Reduction.Interpolation;

namespace Rom.Cli.Tests;

/// <summary>The reduced basis end to end: `rom run` builds and saves it, `rom eval` and C# load and evaluate it.</summary>
public class ReducedModelTests : TempFolderTest
{
    private static readonly string[] SmallReduction = Cli.Set("problem.squares_per_side=24", "reduction.max_basis_size=25",
        "reduction.training_points=200", "reduction.test_parameters=6", "output.plots=0");

    private string RunCase(string estimator = "stable")
    {
        string casePath = Cli.New("thermal-block", PathOf("tb.h5")), results = PathOf("r.h5");
        var root = Cli.Json(["run", casePath, "--out", results, "--json", "--set", $"reduction.estimator={estimator}", .. SmallReduction]);
        foreach (var key in new[] { "basis_size", "max_rel_error", "max_bound", "min_effectivity", "max_effectivity", "offline_seconds", "online_seconds", "fom_seconds", "speedup" })
            Assert.That(root.TryGetProperty(key, out _), key);
        Assert.That(root.GetProperty("min_effectivity").GetDouble(), Is.GreaterThanOrEqualTo(1.0), "certified: every bound ≥ its true error");
        Assert.That(root.GetProperty("max_bound").GetDouble(), Is.GreaterThanOrEqualTo(root.GetProperty("max_rel_error").GetDouble()));
        Assert.That(root.TryGetProperty("bound_failure_probability", out _), Is.EqualTo(estimator == "sketched"), "a probabilistic bound says so");
        return results;
    }

    [TestCase("stable", 0.0)]
    [TestCase("sketched", 1e-12)]
    public void SavedModelEvaluatesLikeTheOneThatWasBuilt(string estimator, double failureProbability)
    {
        string results = RunCase(estimator);
        var (rom, space) = ReducedModelGroup.Load(results);
        Assert.That(rom.Data.Residual.Estimator, Is.EqualTo(estimator));
        Assert.That(rom.Data.Residual.FailureProbability, Is.EqualTo(failureProbability));
        Assert.That(rom.BasisSize, Is.InRange(1, 25));
        Assert.That(space.Ranges.Single().Name, Is.EqualTo("diffusion"));

        // The saved model against a full-order solve at a parameter it has not seen: the bound must hold.
        var mu = Parameter.Of("diffusion", 0.15, 0.9, 0.33, 0.7, 0.2, 0.55, 1.0, 0.12, 0.4);
        var model = new ThermalBlockModel(new ThermalBlockOptions(3, 3, 24, TriangleSplit.FourAroundCentre));
        var u = new double[model.Dimension];
        SparseCholesky.Factor((Rom.LinearAlgebra.CsrMatrix)model.Operator(mu)).Solve(model.RightHandSide(mu), u);
        var s = rom.Solve(mu);
        var e = rom.Reconstruct(s.Coefficients).Select((v, i) => u[i] - v).ToArray();
        double error = Certification.EnergyNorm(model.EnergyProduct, e);
        Assert.That(s.ErrorBound, Is.GreaterThanOrEqualTo(error));
        Assert.That(Math.Abs(model.Outputs[0].Evaluate(u) - s.Outputs[0]), Is.LessThanOrEqualTo(s.OutputBounds[0]));

        // rom eval prints the same numbers.
        var json = Cli.Json("eval", results, "--set", "diffusion=0.15,0.9,0.33,0.7,0.2,0.55,1.0,0.12,0.4", "--json");
        Assert.That(json.GetProperty("error_bound").GetDouble(), Is.EqualTo(s.ErrorBound).Within(1e-12 * s.ErrorBound));
        Assert.That(json.GetProperty("mean").GetProperty("value").GetDouble(), Is.EqualTo(s.Outputs[0]).Within(1e-14));
    }

    [Test]
    public void EvalRejectsBadParametersAndFilesWithoutAModel()
    {
        string results = RunCase();
        var outside = Cli.Run("eval", results, "--set", "mu=5");
        Assert.That(outside.ExitCode, Is.EqualTo(2), outside.ToString());
        Assert.That(outside.Error, Is.EqualTo("error: --set diffusion: got 5; expected values in [0.1, 1], the range the model was built for.\n"));
        var count = Cli.Run("eval", results, "--set", "diffusion=0.5,0.5");
        Assert.That(count.Error, Is.EqualTo("error: --set diffusion: got 2 values; expected 9 values in [0.1, 1] (or one for all).\n"), "one statement, ending in one full stop");
        Assert.That(Cli.Run("eval", results, "--set", "conductivity=0.5").ExitCode, Is.EqualTo(2));
        Assert.That(Cli.Run("eval", results).ExitCode, Is.EqualTo(2), "the parameter is required");

        string noModel = PathOf("plain.h5");
        Cli.Run(["run", PathOf("tb.h5"), "--out", noModel, "--set", "reduction.enabled=0", .. SmallReduction]);
        var missing = Cli.Run("eval", noModel, "--set", "mu=0.5");
        Assert.That(missing.ExitCode, Is.EqualTo(2), missing.ToString());
        Assert.That(missing.Error, Does.Contain("reduced_model"));
    }

    /// <summary>
    /// The EIM-affine thermal bump: its coefficients (the bump's EIM at the magic centroids) and its bound
    /// (min μ − h·ε̂) are plain data, so the model saved to a file evaluates exactly like the one that was built, and the
    /// bound holds against the EIM-affine full-order solve at a parameter outside the training set.
    /// </summary>
    [Test]
    public void ThermalBumpModelRoundTripsThroughTheResultsFile()
    {
        var model = new ThermalBumpModel(new ThermalBumpOptions(new ThermalBlockOptions(2, 2, 16, TriangleSplit.Two)));
        var eim = ThermalBumpInterpolation.Build(model, ParameterSampling.LatinHypercube(model.ParameterSpace, 200, 3), new GreedyOptions(MaxExtensions: 20));
        var built = ReducedBasis.Build(eim, new ReducedBasisOptions(SparseCholesky.Factory(), model.ReferenceParameter,
            TrainingSet: ParameterSampling.LatinHypercube(model.ParameterSpace, 100, 5), Greedy: new GreedyOptions(MaxExtensions: 12),
            Coercivity: eim.CoercivityBound)).Model;
        Assert.That(ReducedModelGroup.CanWrite(built.Data));
        string path = PathOf("bump-model.h5");
        var root = new Rom.IO.Hdf5.DataGroup();
        root.Groups[ReducedModelGroup.GroupName] = ReducedModelGroup.Write(built.Data, model.ParameterSpace);
        Rom.IO.Hdf5.Hdf5File.Write(path, root);
        var (loaded, space) = ReducedModelGroup.Load(path);
        Assert.That(loaded.Data.Coercivity, Is.EqualTo(eim.CoercivityBound));
        Assert.That(space.Ranges.Select(r => r.Name), Is.EquivalentTo(model.ParameterSpace.Ranges.Select(r => r.Name)));

        foreach (var mu in ParameterSampling.Uniform(model.ParameterSpace, 5, seed: 11))
        {
            var (a, b) = (built.Solve(mu), loaded.Solve(mu));
            Assert.That(b.Coefficients, Is.EqualTo(a.Coefficients), $"u_N at {mu}");
            Assert.That(b.ErrorBound, Is.EqualTo(a.ErrorBound), $"Δ at {mu}");
            var u = new double[model.Dimension];
            SparseCholesky.Factor((Rom.LinearAlgebra.CsrMatrix)eim.Operator(mu)).Solve(eim.RightHandSide(mu), u);
            var e = loaded.Reconstruct(b.Coefficients).Select((v, i) => u[i] - v).ToArray();
            Assert.That(b.ErrorBound, Is.GreaterThanOrEqualTo(Certification.EnergyNorm(model.EnergyProduct, e)), $"certified at {mu}");
        }
    }

    [Test]
    public void ThermalBumpRunSavesAModelThatRomEvalEvaluates()
    {
        string casePath = Cli.New("thermal-bump", PathOf("bump.h5")), results = PathOf("bump-results.h5");
        var run = Cli.Run("run", casePath, "--out", results, "--set", "problem.squares_per_side=12", "--set", "reduction.max_basis_size=8",
            "--set", "reduction.training_points=40", "--set", "reduction.test_parameters=4", "--set", "eim.training_points=100", "--set", "output.plots=0");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var (rom, _) = ReducedModelGroup.Load(results);
        var mu = new Parameter(new Dictionary<string, double[]>
        {
            ["diffusion"] = [0.3, 0.7, 0.5, 0.9], ["bump_centre"] = [0.4, 0.6], ["bump_width"] = [0.3],
        });
        var json = Cli.Json("eval", results, "--set", "diffusion=0.3,0.7,0.5,0.9", "--set", "bump_centre=0.4,0.6", "--set", "bump_width=0.3", "--json");
        Assert.That(json.GetProperty("error_bound").GetDouble(), Is.EqualTo(rom.Solve(mu).ErrorBound).Within(1e-12 * rom.Solve(mu).ErrorBound));
    }

    [Test]
    public void ReadmeEmbeddingExampleRuns()
    {
        // The README's C# example, on a smaller mesh.
        var model = new ThermalBlockModel(new ThermalBlockOptions(3, 3, 20, TriangleSplit.FourAroundCentre));
        var mu = Parameter.Of("diffusion", 0.8, 0.2, 0.5, 0.1, 1.0, 0.3, 0.6, 0.9, 0.4);
        var result = model.Solve(mu);
        double mean = model.Outputs[0].Evaluate(result.Solution);
        var ones = Parameter.Of("diffusion", Enumerable.Repeat(1.0, 9).ToArray());
        var rb = ReducedBasis.Build(model, new ReducedBasisOptions(SparseCholesky.Factory(), ones,
            TrainingSet: ParameterSampling.Grid(model.ParameterSpace, 2), Greedy: new GreedyOptions(MaxExtensions: 60)));
        var s = rb.Model.Solve(mu);
        var check = Certification.Run(model, rb, SparseCholesky.Factory(), ParameterSampling.Uniform(model.ParameterSpace, 3, seed: 1));
        Assert.That(result.Converged);
        Assert.That(Math.Abs(s.Outputs[0] - mean), Is.LessThanOrEqualTo(s.OutputBounds[0] + 1e-9 * mean));
        Assert.That(check.Succeeded, "every bound holds on the test parameters");
    }

    [Test]
    public void MatricesFromAnotherCodeGetACertifiedReducedBasis()
    {
        // rom new affine-system: only the matrices A_q and f are known to the run (nonintrusive).
        string casePath = Cli.New("affine-system", PathOf("a.h5")), results = PathOf("ra.h5");
        var json = Cli.Json("run", casePath, "--out", results, "--json", "--set", "output.plots=0", "--set", "reduction.training_points=200",
            "--set", "reduction.test_parameters=8");
        Assert.That(json.GetProperty("min_effectivity").GetDouble(), Is.GreaterThanOrEqualTo(1.0));
        Assert.That(json.GetProperty("max_rel_error").GetDouble(), Is.LessThan(1e-5));
        foreach (string output in new[] { "compliance", "right_half_mean" })
            Assert.That(json.GetProperty($"output_{output}_max_rel_bound").GetDouble(),
                Is.GreaterThanOrEqualTo(json.GetProperty($"output_{output}_max_rel_error").GetDouble()).Or.LessThan(1e-11), output);
        Assert.That(json.GetProperty("greedy_stop").GetString(), Does.Contain("reduction.target_error"));

        // rom eval --out: V u_N at full size, checked against a solve of Σ μ_q A_q assembled here from the case's matrices.
        string solutionPath = PathOf("u.h5");
        var e = Cli.Json("eval", results, "--set", "mu=0.3,0.9,0.5,0.7", "--json", "--out", solutionPath);
        var input = Hdf5File.Read(casePath);
        var terms = Enumerable.Range(0, 4).Select(q => CsrGroup.Read(input.Group($"data/operators/{q}"), casePath, "A_q")).ToArray();
        var a = new CsrLinearCombination(terms).Assemble([0.3, 0.9, 0.5, 0.7]);
        var x = new CsrLinearCombination(terms).Assemble([1.0, 1.0, 1.0, 1.0]);
        var rhs = input.Dataset("data/rhs").AsDoubles();
        var u = new double[rhs.Length];
        SparseCholesky.Factor(a).Solve(rhs, u);
        var written = Hdf5File.Read(solutionPath);
        var uN = written.Dataset("solution/u").AsDoubles();
        double bound = e.GetProperty("error_bound").GetDouble();
        Assert.That(Certification.EnergyNorm(x, u.Select((v, i) => v - uN[i]).ToArray()), Is.LessThanOrEqualTo(bound).And.GreaterThan(0));
        Assert.That(written.Group("solution").Attributes["error_bound"].AsDoubles()[0], Is.EqualTo(bound));
        Assert.That(e.GetProperty("error_bound_norm").GetString(), Does.Contain("absolute").And.Contain("Σ_q A_q"));
        Assert.That(e.GetProperty("relative_error_bound").GetDouble(), Is.EqualTo(bound / Certification.EnergyNorm(x, uN)).Within(1e-9 * bound));
        var mean = input.Dataset("data/outputs/right_half_mean").AsDoubles();
        var o = e.GetProperty("right_half_mean");
        Assert.That(o.GetProperty("value").GetDouble(), Is.EqualTo(Vectors.Dot(mean, uN)).Within(1e-12));
        Assert.That(Math.Abs(Vectors.Dot(mean, u) - o.GetProperty("value").GetDouble()), Is.LessThanOrEqualTo(o.GetProperty("bound").GetDouble()));
        Assert.That(e.GetProperty("compliance").GetProperty("value").GetDouble(), Is.EqualTo(Vectors.Dot(rhs, uN)).Within(1e-12));
    }
}
