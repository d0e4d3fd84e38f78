using Rom.GaussianProcesses;

namespace Rom.Bench.GaussianProcesses;

/// <summary>
/// GP-HM's objective and gradient computed by PyTorch (Debian's python3-torch, float64, autograd) from the same problem,
/// parameters and grid values: the embedded script <c>gp_objective.py</c>, written from the textbook kernel
/// derivatives with Cholesky factors, independent of <see cref="GpObjective"/>.
/// </summary>
public static class GpTorchReference
{
    /// <summary>What PyTorch computed: J, ∂J/∂φ, ∂J/∂U, and its best seconds for one value + gradient.</summary>
    public sealed record Result(double Objective, double[] ParameterGradient, double[] FieldGradient, double Seconds, int Threads);

    /// <summary>Whether <paramref name="python"/> exists and imports torch.</summary>
    public static bool IsAvailable(string python, string folder) =>
        File.Exists(python) && PythonScript.Run(python, "gp_objective.py", folder, ["--check"]).ExitCode == 0;

    /// <summary>Runs the reference on <paramref name="objective"/> at (φ, U), <paramref name="repeats"/> times on <paramref name="threads"/> threads.</summary>
    public static Result Evaluate(string python, string folder, GpObjective objective, double[] parameters, double[] field, int repeats = 1, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var problem = objective.Problem;
        var grid = problem.Grid;
        var spec = new JsonObject
        {
            ["sizes"] = new JsonArray([.. grid.Sizes.Select(n => (JsonNode?)n)]),
            ["start"] = new JsonArray([.. Enumerable.Range(0, grid.Dimensions).Select(d => (JsonNode?)grid.Coordinates(d)[0])]),
            ["end"] = new JsonArray([.. Enumerable.Range(0, grid.Dimensions).Select(d => (JsonNode?)grid.Coordinates(d)[^1])]),
            ["family"] = objective.Family.ToString(),
            ["components"] = objective.Components,
            ["boundary_weight"] = objective.BoundaryWeight,
            ["jitter"] = objective.Jitter,
            ["phi"] = Numbers(parameters),
            ["u"] = Numbers(field),
            ["f"] = Numbers(problem.Source),
            ["g"] = Numbers(problem.BoundaryValues),
            ["boundary"] = new JsonArray([.. problem.Boundary.Select(i => (JsonNode?)i)]),
            ["terms"] = new JsonArray([.. problem.Operator.Terms.Select(t => (JsonNode?)new JsonArray(t.Axis, t.Order, t.Coefficient))]),
            ["repeats"] = repeats,
            ["threads"] = threads,
        };
        Directory.CreateDirectory(folder);
        string input = Path.Combine(folder, "gp-objective-in.json"), output = Path.Combine(folder, "gp-objective-out.json");
        File.WriteAllText(input, spec.ToJsonString());
        var run = PythonScript.Run(python, "gp_objective.py", folder, [input, output]);
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"gp_objective.py failed (exit {run.ExitCode}): {run.Error.Trim()}");
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        var r = json.RootElement;
        double[] Read(string name) => [.. r.GetProperty(name).EnumerateArray().Select(e => e.GetDouble())];
        return new Result(r.GetProperty("objective").GetDouble(), Read("grad_phi"), Read("grad_u"), r.GetProperty("seconds").GetDouble(), r.GetProperty("threads").GetInt32());
    }

    private static JsonArray Numbers(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
