using Rom.IO.Formats;
using Rom.IO.Hdf5;
using Rom.Models;

namespace Rom.Bench.Krylov;

/// <summary>
/// SciPy's side of the benchmark: the family's systems go to an HDF5 file (CSR in SciPy's layout), and the embedded
/// Scripts/bench_krylov.py times gmres(restart = 40), cg and spsolve on them in a Debian Python process.
/// </summary>
internal static class ScipyKrylovReference
{
    /// <summary>One SciPy solve as the script reports it.</summary>
    public sealed record Solve(int Index, string Method, double Seconds, int Iterations, int? Matvecs, double RelativeResidual, bool Converged);

    /// <summary>Exports every system of <paramref name="family"/> and returns SciPy's solves with <paramref name="methods"/>.</summary>
    public static IReadOnlyList<Solve> Run(ISystemFamily family, IReadOnlyList<string> methods, int directSubset, KrylovBenchOptions options)
    {
        Directory.CreateDirectory(options.WorkFolder);
        string file = Path.Combine(options.WorkFolder, $"{family.Name}-{family.Unknowns}.h5");
        var root = new DataGroup();
        for (int i = 0; i < family.Count; i++)
        {
            var (a, b) = family.System(i);
            var group = root.GetOrAddGroup($"systems/{i}");
            group.Groups["A"] = CsrGroup.Write(a);
            group.Datasets["b"] = DataArray.Of(b);
        }
        Hdf5File.Write(file, root);
        try
        {
            return Parse(RunScript(options, file, methods, directSubset));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string RunScript(KrylovBenchOptions options, string file, IReadOnlyList<string> methods, int directSubset)
    {
        var run = PythonScript.Run(options.Python, "bench_krylov.py", options.WorkFolder,
        [
            file, "--methods", string.Join(",", methods), "--tol", KrylovBenchOptions.Tolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            "--restart", "40", "--direct-subset", directSubset.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]);
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"'{options.Python} bench_krylov.py' failed with exit code {run.ExitCode} " +
                $"(it needs Debian's python3-scipy and python3-h5py): {run.Error.Trim()}");
        return run.Output;
    }

    private static List<Solve> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => new Solve(
            e.GetProperty("index").GetInt32(),
            e.GetProperty("method").GetString()!,
            e.GetProperty("seconds").GetDouble(),
            e.GetProperty("iterations").GetInt32(),
            e.GetProperty("matvecs").ValueKind == JsonValueKind.Null ? null : e.GetProperty("matvecs").GetInt32(),
            e.GetProperty("relative_residual").GetDouble(),
            e.GetProperty("converged").GetBoolean())).ToList();
    }
}
