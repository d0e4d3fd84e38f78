using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rom.GaussianProcesses;

namespace Rom.Tests.GaussianProcesses;

/// <summary>
/// GP-HM's objective and its gradient against an independent implementation in PyTorch (Debian's python3-torch,
/// float64, autograd; validation/gp/objective_reference.py, written from the textbook kernel derivatives with Cholesky
/// factors): value and gradient with respect to every kernel parameter, both log noises and every grid value.
/// </summary>
public class GpObjectiveTorchTests
{
    private const string DebianPython = "/usr/bin/python3";

    private static string Script()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rom.sln")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Rom.sln not found"), "validation", "gp", "objective_reference.py");
    }

    [TestCase(KernelFamily.StudentT)]
    [TestCase(KernelFamily.Gaussian)]
    public void ValueAndGradientEqualPyTorchs(KernelFamily family)
    {
        if (!File.Exists(DebianPython) || Run(DebianPython, "-c \"import torch\"").ExitCode != 0)
            Assert.Ignore($"{DebianPython} has no torch (Debian's python3-torch), so the reference cannot run.");
        const int q = 3;
        var grid = new TensorGrid([0, -0.5], [2, 1], [9, 11]);
        var op = new LinearPdeOperator([new DerivativeTerm(0, 2, 1), new DerivativeTerm(1, 1, 0.5)]);
        var random = new Random(7);
        double Uniform(double a, double b) => a + (b - a) * random.NextDouble();
        var f = Enumerable.Range(0, grid.Count).Select(_ => Uniform(-3, 3)).ToArray();
        var g = Enumerable.Range(0, grid.Count).Select(_ => Uniform(-1, 1)).ToArray();
        var problem = new GpPdeProblem(grid, op, f, g);
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

        using var temp = new TempFolder();
        var spec = new JsonObject
        {
            ["sizes"] = new JsonArray(9, 11), ["start"] = new JsonArray(0.0, -0.5), ["end"] = new JsonArray(2.0, 1.0),
            ["family"] = family.ToString(), ["components"] = q, ["boundary_weight"] = 50.0, ["jitter"] = 1e-6,
            ["phi"] = Array(phi), ["u"] = Array(u), ["f"] = Array(f), ["g"] = Array(g),
            ["boundary"] = new JsonArray([.. problem.Boundary.Select(i => (JsonNode?)i)]),
            ["terms"] = new JsonArray([.. op.Terms.Select(t => (JsonNode?)new JsonArray(t.Axis, t.Order, t.Coefficient))]),
        };
        File.WriteAllText(temp.File("in.json"), spec.ToJsonString());
        var (code, output) = Run(DebianPython, $"\"{Script()}\" \"{temp.File("in.json")}\" \"{temp.File("out.json")}\"");
        Assert.That(code, Is.EqualTo(0), output);
        using var reference = JsonDocument.Parse(File.ReadAllText(temp.File("out.json")));
        var r = reference.RootElement;
        double[] Read(string name) => [.. r.GetProperty(name).EnumerateArray().Select(e => e.GetDouble())];

        Assert.That(value, Is.EqualTo(r.GetProperty("objective").GetDouble()).Within(1e-7).Percent, "J to 1e-9 relative");
        AssertClose(gradPhi, Read("grad_phi"), "∂J/∂φ");
        AssertClose(gradU, Read("grad_u"), "∂J/∂U");
    }

    /// <summary>Every component within 1e-8 of the reference's largest, relative to it.</summary>
    private static void AssertClose(double[] actual, double[] expected, string what)
    {
        Assert.That(actual, Has.Length.EqualTo(expected.Length), what);
        double scale = expected.Max(Math.Abs);
        for (int i = 0; i < actual.Length; i++)
            Assert.That(Math.Abs(actual[i] - expected[i]), Is.LessThanOrEqualTo(1e-8 * scale), $"{what}[{i}]: {actual[i]} vs PyTorch {expected[i]}");
    }

    private static JsonArray Array(double[] values) => new([.. values.Select(v => (JsonNode?)v)]);

    private static (int ExitCode, string Output) Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim());
    }
}
