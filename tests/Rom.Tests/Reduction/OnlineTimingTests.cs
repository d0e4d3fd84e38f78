namespace Rom.Tests.Reduction;

public class OnlineTimingTests
{
    /// <summary>
    /// Synthetic reduced data of the given sizes: SPD Ã_q, and a residual matrix shaped like a thermal block's
    /// (K = 1 + (Q − 1)N; the interpolated one with M = <paramref name="points"/>).
    /// </summary>
    private static ReducedModelData Synthetic(string estimator, int n, int q, int seed, int points = 100)
    {
        var random = new Random(seed);
        double Next() => 2 * random.NextDouble() - 1;
        var operators = Enumerable.Range(0, q).Select(_ =>
        {
            var b = new double[n, n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) b[i, j] = Next();
            var a = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    double sum = i == j ? 1 : 0;
                    for (int k = 0; k < n; k++) sum += b[i, k] * b[j, k] / n;
                    a[i, j] = sum;
                }
            return a;
        }).ToArray();
        int terms = 1 + q * n, range = 1 + (q - 1) * n;
        var residual = estimator switch
        {
            "classical" => new double[terms, terms],
            "eim" => new double[2 * points, terms],
            _ => new double[range, terms],
        };
        for (int i = 0; i < residual.GetLength(0); i++)
            for (int j = 0; j < terms; j++)
                if (estimator != "stable" || i <= j) residual[i, j] = Next();
        return new ReducedModelData(
            Enumerable.Range(0, q).Select(k => (ParameterFunctional)new ProjectionFunctional("mu", k)).ToArray(),
            operators,
            Enumerable.Range(0, n).Select(_ => Next()).ToArray(),
            [new ReducedOutput("s", Enumerable.Range(0, n).Select(_ => Next()).ToArray(), 1.0, false)],
            Parameter.Of("mu", Enumerable.Repeat(1.0, q).ToArray()),
            1.0,
            new ResidualNormData(estimator, residual),
            Dimension: 1,
            Basis: new double[n]);
    }

    [TestCase("stable")]
    [TestCase("classical")]
    [TestCase("eim")]
    public void SolvePlusBoundAtN60Q9TakesMicroseconds(string estimator) =>
        Assert.That(MicrosecondsPerSolve(estimator, 60), Is.LessThan(1000), "loose sanity bound; the target is 120 µs");

    /// <summary>The shipped thermal block's size at the 1e-6 basis (N = 111, Q = 9; M = 100 points for the interpolated bound).</summary>
    [Explicit, Category("Benchmark")]
    [TestCase("stable")]
    [TestCase("classical")]
    [TestCase("eim")]
    public void SolvePlusBoundAtN111(string estimator) => MicrosecondsPerSolve(estimator, 111);

    private static double MicrosecondsPerSolve(string estimator, int n)
    {
        var model = ReducedModel.FromData(Synthetic(estimator, n, 9, seed: 1));
        var random = new Random(3);
        var mus = Enumerable.Range(0, 64).Select(_ => Parameter.Of("mu", Enumerable.Range(0, 9).Select(_ => 0.1 + 0.9 * random.NextDouble()).ToArray())).ToArray();
        for (int i = 0; i < 2000; i++) model.Solve(mus[i % mus.Length]);
        const int runs = 20_000;
        double sink = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < runs; i++) sink += model.Solve(mus[i % mus.Length]).ErrorBound;
        double microseconds = clock.Elapsed.TotalMicroseconds / runs;
        TestContext.Out.WriteLine($"{estimator}: {microseconds:F1} µs per Solve + bound at N = {n}, Q = 9 (checksum {sink:E3})");
        Assert.That(double.IsFinite(sink));
        return microseconds;
    }
}
