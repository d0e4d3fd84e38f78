using System.Globalization;

namespace Rom.Cli.Tests;

/// <summary>
/// The default operator-EIM case carries its family as a formula, so its run saves a reduced model that `rom eval`
/// evaluates at parameters no matrix is carried for; checked against the run's own numbers and against full solves
/// of an independent P1 assembly of the family.
/// </summary>
public class OperatorEimFormulaTests : TempFolderTest
{
    [Test]
    public void DefaultRunSavesAModelThatRomEvalEvaluatesAnywhere()
    {
        string casePath = Cli.New("operator-eim", PathOf("oe.h5")), results = PathOf("oe-results.h5");
        var run = Cli.Run("run", casePath, "--out", results, "--json", "--set", "output.plots=0");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        using (var json = JsonDocument.Parse(run.Out))
            Assert.That(json.RootElement.GetProperty("eim_formula_elements").GetInt64(), Is.InRange(1, 6 * json.RootElement.GetProperty("eim_terms").GetInt64()),
                "θ(μ) evaluates κ on a few elements per magic entry");

        var output = Hdf5File.Read(results);
        Assert.That(output.Group("eim").Attributes["coefficients_from"].AsStrings()[0], Is.EqualTo("formula"));
        var input = Hdf5File.Read(casePath);
        var training = input.Group("data/training/matrices").Groups.Values.Select(g => CsrGroup.Read(g, casePath, "training")).ToArray();
        var mean = new double[training[0].NonZeros];
        foreach (var a in training) Vectors.Axpy(1.0 / training.Length, a.Values, mean);
        var x = training[0].WithValues(mean);   // the run's energy product X
        var rhs = input.Dataset("data/rhs").AsDoubles();
        var (rom, _) = ReducedModelGroup.Load(results);

        // At a test parameter: rom eval gives the run's bound, relative to ‖u‖_X of the carried matrix's solution
        // (the run divides by the EIM-affine solution's norm, 1e-7 away).
        var mus = output.Dataset("reduction/test_parameters").AsDoubles();
        var relativeBounds = output.Dataset("reduction/test_relative_bounds").AsDoubles();
        var test = CsrGroup.Read(input.Group("data/test/matrices/0"), casePath, "test 0");
        double bound = Eval(results, mus[0], mus[1]);
        Assert.That(bound, Is.EqualTo(rom.Solve(Parameter.Of("mu", mus[0], mus[1])).ErrorBound).Within(1e-12 * bound));
        Assert.That(bound / Certification.EnergyNorm(x, Solve(test, rhs)), Is.EqualTo(relativeBounds[0]).Within(1e-5 * relativeBounds[0]));

        // At new parameters: the full solve of an independent assembly lies within Δ + ε̂(‖u_N‖ + Δ)/α_S.
        double eimBound = output.Group("eim").Attributes["error_bound"].AsDoubles()[0];
        double alpha = output.Group("eim").Attributes["sampled_coercivity"].AsDoubles()[0];
        foreach (var (mu0, mu1) in new[] { (0.37, -0.81), (-0.93, 0.12), (0.05, 0.99) })
        {
            var mu = Parameter.Of("mu", mu0, mu1);
            var s = rom.Solve(mu);
            Assert.That(Eval(results, mu0, mu1), Is.EqualTo(s.ErrorBound).Within(1e-12 * s.ErrorBound));
            var u = Solve(Assemble(mu0, mu1), rhs);
            double error = Certification.EnergyNorm(x, rom.Reconstruct(s.Coefficients).Select((v, i) => u[i] - v).ToArray());
            double total = s.ErrorBound + eimBound * (Vectors.Norm(s.Coefficients) + s.ErrorBound) / alpha;
            Assert.That(error, Is.LessThanOrEqualTo(total), $"within the bound at {mu}");
            Assert.That(error / Certification.EnergyNorm(x, u), Is.LessThan(1e-5), $"accurate at {mu}");

            // rom eval states that bound itself, with its caveat, and bounds every output against the family by it.
            using var json = EvalJson(results, mu0, mu1);
            var root = json.RootElement;
            Assert.That(root.GetProperty("error_bound_with_eim").GetDouble(), Is.EqualTo(total).Within(1e-12 * total));
            Assert.That(root.GetProperty("error_bound_with_eim_note").GetString(), Does.Contain("not a guarantee"));
            Assert.That(root.GetProperty("error_bound_norm").GetString(), Does.Contain("mean of the training matrices"));
            foreach (var (name, weights) in new[] { ("compliance", rhs), ("right_half_mean", input.Dataset("data/outputs/right_half_mean").AsDoubles()) })
            {
                var o = root.GetProperty(name);
                double trueOutput = Vectors.Dot(weights, u);
                Assert.That(Math.Abs(trueOutput - o.GetProperty("value").GetDouble()), Is.LessThanOrEqualTo(o.GetProperty("bound_with_eim").GetDouble()), $"{name} at {mu}");
            }
        }

        // rom eval recompiles the saved formula: another formula is evaluated as written, a broken one is named.
        string edited = PathOf("edited.h5");
        output.Group("reduced_model/formula_interpolation").Attributes["conductivity"] = DataArray.Scalar("log(mu[0])");
        Hdf5File.Write(edited, output);
        var nan = Cli.Run("eval", edited, "--set", "mu=-0.5,0");
        Assert.That(nan.ExitCode, Is.EqualTo(2), nan.ToString());
        Assert.That(nan.Error, Does.Contain("log(mu[0])").And.Contain("NaN"));
        output.Group("reduced_model/formula_interpolation").Attributes["conductivity"] = DataArray.Scalar("exp(");
        Hdf5File.Write(edited, output);
        var broken = Cli.Run("eval", edited, "--set", "mu=0,0");
        Assert.That(broken.ExitCode, Is.EqualTo(2), broken.ToString());
        Assert.That(broken.Error, Does.Contain("/reduced_model/formula_interpolation").And.Contain("at character 5"));
    }

    private static double Eval(string results, double mu0, double mu1)
    {
        using var json = EvalJson(results, mu0, mu1);
        return json.RootElement.GetProperty("error_bound").GetDouble();
    }

    private static JsonDocument EvalJson(string results, double mu0, double mu1)
    {
        var eval = Cli.Run("eval", results, "--set", string.Create(CultureInfo.InvariantCulture, $"mu={mu0:R},{mu1:R}"), "--json");
        Assert.That(eval.ExitCode, Is.EqualTo(0), eval.ToString());
        return JsonDocument.Parse(eval.Out);
    }

    /// <summary>The family as the default case describes it, assembled here by P1 on the same mesh: κ = e^{μ₁x + μ₂y} at the centroids.</summary>
    private static CsrMatrix Assemble(double mu0, double mu1)
    {
        var blocks = new ThermalBlockModel(new ThermalBlockOptions(1, 1, 12, TriangleSplit.FourAroundCentre));
        var mesh = blocks.Triangulation;
        var kappa = Enumerable.Range(0, mesh.TriangleCount).Select(t => Math.Exp(mu0 * mesh.Centroid(t).X + mu1 * mesh.Centroid(t).Y)).ToArray();
        return P1Assembly.Stiffness(mesh, kappa).Submatrix(blocks.FreeNodes, blocks.FreeNodes);
    }

    private static double[] Solve(CsrMatrix a, double[] b)
    {
        var u = new double[b.Length];
        SparseCholesky.Factor(a).Solve(b, u);
        return u;
    }
}
