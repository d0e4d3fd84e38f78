using Rom.Bench;
using Rom.Bench.GaussianProcesses;
using Rom.GaussianProcesses;

namespace Rom.Cli.Tests;

/// <summary>
/// GP-HM's objective and its gradient against PyTorch's (Debian's python3-torch, float64, autograd; the embedded
/// gp_objective.py, written from the textbook kernel derivatives with Cholesky factors), and rom bench gp.
/// </summary>
public class BenchGpTests : TempFolderTest
{
    private void RequireTorch()
    {
        if (!GpTorchReference.IsAvailable(PythonScript.DebianPython, Dir))
            Assert.Ignore($"{PythonScript.DebianPython} has no torch (Debian's python3-torch), so the reference cannot run.");
    }

    /// <summary>
    /// A 9 × 11 grid on [0, 2] × [−0.5, 1], L = ∂²/∂x² + 0.5 ∂/∂y (both derivative orders), three components per axis at
    /// random parameters, random U, f and g: J to 1e-9 and its gradient in every kernel parameter, both log noises and
    /// every grid value to 1e-8 of the largest component.
    /// </summary>
    [TestCase(KernelFamily.StudentT)]
    [TestCase(KernelFamily.Gaussian)]
    public void ValueAndGradientEqualPyTorchs(KernelFamily family)
    {
        RequireTorch();
        const int q = 3;
        var grid = new TensorGrid([0, -0.5], [2, 1], [9, 11]);
        var op = new LinearPdeOperator([new DerivativeTerm(0, 2, 1), new DerivativeTerm(1, 1, 0.5)]);
        var random = new Random(7);
        double Uniform(double a, double b) => a + (b - a) * random.NextDouble();
        var problem = new GpPdeProblem(grid, op, [.. Enumerable.Range(0, grid.Count).Select(_ => Uniform(-3, 3))], [.. Enumerable.Range(0, grid.Count).Select(_ => Uniform(-1, 1))]);
        var objective = new GpObjective(problem, family, q, boundaryWeight: 50, jitter: 1e-6);
        var phi = new double[objective.ParameterCount];
        for (int d = 0; d < 2; d++)
            for (int c = 0; c < q; c++)
            {
                phi[3 * q * d + c] = Math.Log(Uniform(0.2, 1));
                phi[3 * q * d + q + c] = Uniform(-0.3, 0.6);
                phi[3 * q * d + 2 * q + c] = Uniform(0, 1.5);
            }
        phi[^2] = 0.3;
        phi[^1] = -0.2;
        var u = Enumerable.Range(0, grid.Count).Select(_ => Uniform(-1, 1)).ToArray();
        var gradPhi = new double[phi.Length];
        var gradU = new double[u.Length];
        double value = objective.Factorize(phi).Evaluate(u, gradPhi, gradU).Total;

        var reference = GpTorchReference.Evaluate(PythonScript.DebianPython, Dir, objective, phi, u);

        Assert.That(value, Is.EqualTo(reference.Objective).Within(1e-7).Percent, "J to 1e-9 relative");
        AssertClose(gradPhi, reference.ParameterGradient, "∂J/∂φ");
        AssertClose(gradU, reference.FieldGradient, "∂J/∂U");
    }

    /// <summary>rom bench gp --quick: a row per grid, Rom's J equal to PyTorch's, and the growth exponents stated.</summary>
    [Test]
    public void QuickBenchPrintsRowsThatAgreeWithPyTorch()
    {
        RequireTorch();
        string table = PathOf("bench-gp.txt");
        var json = Cli.Json("bench", "gp", "--quick", "--out", table, "--json");
        var rows = json.EnumerateArray().ToList();
        Assert.That(rows.Select(r => (r.GetProperty("dimensions").GetInt32(), r.GetProperty("points").GetInt32())), Is.EqualTo(GpObjectiveBenchmark.Grids(quick: true)));
        Assert.That(rows.Select(r => r.GetProperty("relative_difference").GetDouble()), Is.All.LessThan(1e-9));
        Assert.That(File.ReadAllText(table), Does.Contain("d = 2: Rom's time grows as n^"));
    }

    /// <summary>Every component within 1e-8 of the reference's largest, relative to it.</summary>
    private static void AssertClose(double[] actual, double[] expected, string what)
    {
        Assert.That(actual, Has.Length.EqualTo(expected.Length), what);
        double scale = expected.Max(Math.Abs);
        for (int i = 0; i < actual.Length; i++)
            Assert.That(Math.Abs(actual[i] - expected[i]), Is.LessThanOrEqualTo(1e-8 * scale), $"{what}[{i}]: {actual[i]} vs PyTorch {expected[i]}");
    }
}
