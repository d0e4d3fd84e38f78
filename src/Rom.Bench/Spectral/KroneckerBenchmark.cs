using MathNet.Numerics.LinearAlgebra;
using Rom.LinearAlgebra.Dense;
using Rom.LinearAlgebra.Kronecker;

namespace Rom.Bench.Spectral;

/// <summary>
/// Rom's <see cref="KroneckerOperator"/> applied to a block of vectors against NumPy with OpenBLAS doing the same
/// products (the embedded <c>Scripts/bench_kron_numpy.py</c> run by Debian's /usr/bin/python3 on the same data, timing itself),
/// once per dense backend of Rom; the rows also give the largest difference between the two results. Both sides
/// use every core (OpenBLAS's threads, Rom's GEMM threads).
/// </summary>
public sealed class KroneckerBenchmark : ISpectralBenchmark
{
    /// <inheritdoc />
    public string Title => "Kronecker matvec vs NumPy/OpenBLAS";

    /// <inheritdoc />
    public IEnumerable<SpectralBenchRow> Run(SpectralBenchOptions options)
    {
        (int n, int count) = options.Quick ? (12, 3) : (300, 100);
        var random = new Random(5);
        var k1 = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
        var k2 = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
        double[] x = new double[n * n * count];
        for (int i = 0; i < x.Length; i++)
            x[i] = random.NextDouble() - 0.5;

        // NumPy runs in its own process, timing itself, once before and once after Rom's timings; its best time of
        // the two spans the same stretch of machine load as Rom's.
        var before = RunNumPy(k1, k2, x, n, count, options.SecondsPerSide);
        var rom = new List<(IDenseProvider Provider, double Seconds, double[] Y)>();
        foreach (var provider in Providers())
        {
            var op = new KroneckerOperator([k1, k2], provider);
            double[] y = new double[x.Length];
            rom.Add((provider, SideBySideTimer.Measure(() => op.ApplyBlock(x, y, count), null, options.SecondsPerSide).Rom, y));
        }
        var after = RunNumPy(k1, k2, x, n, count, options.SecondsPerSide);
        double? numpySeconds = before.Seconds is { } b && after.Seconds is { } a ? Math.Min(a, b) : before.Seconds ?? after.Seconds;
        double[]? numpyY = before.Y ?? after.Y;
        string name = $"kronecker matvec {n}x{n} (x) {n}x{n}, {count} rhs";
        foreach (var (provider, seconds, y) in rom)
        {
            string note = numpyY is null ? before.Missing : $"max |y_rom - y_numpy| / max |y| = {Agreement.MaxRelativeDifference(y, numpyY):E1}";
            yield return new SpectralBenchRow($"{name} ({provider.Name})", seconds, "NumPy K1 @ X @ K2.T (OpenBLAS)", numpySeconds, note);
        }
    }

    /// <summary>OpenBLAS when it loads, then the managed path.</summary>
    internal static IEnumerable<IDenseProvider> Providers()
    {
        if (OpenBlasProvider.TryLoad(out _) is { } openBlas)
            yield return openBlas;
        yield return ManagedProvider.Instance;
    }

    /// <summary>Writes the operands, runs the NumPy script and reads back its time and result; on failure says why.</summary>
    private static (double? Seconds, double[]? Y, string Missing) RunNumPy(Matrix<double> k1, Matrix<double> k2, double[] x, int n, int count, double seconds)
    {
        const string python = PythonScript.DebianPython;
        if (!File.Exists(python))
            return (null, null, $"{python} not installed (apt-get install python3-numpy)");
        string folder = Directory.CreateTempSubdirectory("rom-bench-kron-").FullName;
        try
        {
            WriteRaw(Path.Combine(folder, "k1.bin"), k1.ToRowMajorArray());
            WriteRaw(Path.Combine(folder, "k2.bin"), k2.ToRowMajorArray());
            WriteRaw(Path.Combine(folder, "x.bin"), x);
            var run = PythonScript.Run(python, "bench_kron_numpy.py", folder, [folder, $"{n}", $"{n}", $"{count}", seconds.ToString("R", CultureInfo.InvariantCulture)]);
            string? line = run.Output.Split('\n').FirstOrDefault(l => l.StartsWith("numpy_seconds ", StringComparison.Ordinal));
            if (run.Error.Contains("No module named 'numpy'", StringComparison.Ordinal))
                return (null, null, $"NumPy not installed for {python} (apt-get install python3-numpy)");
            if (run.ExitCode != 0 || line is null)
                return (null, null, $"NumPy script failed (exit {run.ExitCode}): {run.Error.Trim()}");
            double time = double.Parse(line["numpy_seconds ".Length..], CultureInfo.InvariantCulture);
            byte[] bytes = File.ReadAllBytes(Path.Combine(folder, "y.bin"));
            double[] y = new double[bytes.Length / sizeof(double)];
            Buffer.BlockCopy(bytes, 0, y, 0, bytes.Length);
            return (time, y, "");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void WriteRaw(string path, double[] values)
    {
        byte[] bytes = new byte[values.Length * sizeof(double)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(path, bytes);
    }
}
