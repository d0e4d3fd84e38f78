using System.Text;
using Rom.GaussianProcesses;

namespace Rom.Bench.GaussianProcesses;

/// <summary>One grid of <c>rom bench gp</c>: the time of one objective + gradient evaluation in Rom and in PyTorch.</summary>
/// <param name="Dimensions">d.</param>
/// <param name="Points">n per dimension.</param>
/// <param name="RomSeconds">Rom's best seconds for one value + gradient (all unknowns).</param>
/// <param name="TorchSeconds">PyTorch's best seconds (autograd, same threads), or null when it did not run.</param>
/// <param name="RelativeDifference">|J_Rom − J_torch| / |J_torch|, or null.</param>
public sealed record GpObjectiveRow(int Dimensions, int Points, double RomSeconds, double? TorchSeconds, double? RelativeDifference);

/// <summary>
/// <c>rom bench gp</c>: one evaluation of GP-HM's objective and its gradient with respect to every unknown (grid values,
/// kernel parameters, log noises) on grids of growing size, Rom (<see cref="GpObjective"/>, Kronecker algebra, analytic
/// gradients) beside PyTorch's autograd of the same objective (<see cref="GpTorchReference"/>), on the same threads,
/// in one run; the growth of Rom's time with n shows its O(d·n³ + N·d·n) cost, n^max(d+1, 3) (a formed covariance: N³ = n^(3d)).
/// </summary>
public static class GpObjectiveBenchmark
{
    /// <summary>The grids: (d, n) pairs; quick: small ones.</summary>
    public static IReadOnlyList<(int Dimensions, int Points)> Grids(bool quick) => quick
        ? [(1, 50), (1, 100), (2, 20), (2, 40)]
        : [(1, 100), (1, 200), (1, 400), (1, 800), (2, 50), (2, 100), (2, 200), (2, 300), (3, 16), (3, 24), (3, 32)];

    /// <summary>Times every grid, with <paramref name="components"/> components per axis (the reference's 30).</summary>
    public static List<GpObjectiveRow> Run(IReadOnlyList<(int Dimensions, int Points)> grids, int components, string python, string folder,
        double secondsPerSide, IProgress<string>? progress = null)
    {
        bool torch = GpTorchReference.IsAvailable(python, folder);
        var rows = new List<GpObjectiveRow>();
        foreach (var (d, n) in grids)
        {
            progress?.Report($"d = {d}, n = {n}");
            var grid = TensorGrid.Cube(d, 0, 2 * Math.PI, n);
            var random = new Random(n * 10 + d);
            var problem = new GpPdeProblem(grid, LinearPdeOperator.Laplacian(d),
                [.. Enumerable.Range(0, grid.Count).Select(_ => random.NextDouble() - 0.5)], [.. Enumerable.Range(0, grid.Count).Select(_ => random.NextDouble() - 0.5)]);
            var objective = new GpObjective(problem, KernelFamily.StudentT, components);
            var phi = objective.InitialParameters(20);
            var field = Enumerable.Range(0, grid.Count).Select(_ => random.NextDouble() - 0.5).ToArray();
            var gradPhi = new double[phi.Length];
            var gradU = new double[field.Length];
            double value = 0;
            void Evaluate() => value = objective.Factorize(phi).Evaluate(field, gradPhi, gradU).Total;
            double rom = Best(Evaluate, secondsPerSide);
            double? torchSeconds = null, difference = null;
            if (torch)
            {
                int repeats = Math.Clamp((int)(secondsPerSide / Math.Max(rom, 1e-4)), 2, 10);
                var reference = GpTorchReference.Evaluate(python, folder, objective, phi, field, repeats, Parallelism());
                torchSeconds = reference.Seconds;
                difference = Math.Abs(value - reference.Objective) / Math.Abs(reference.Objective);
            }
            rows.Add(new GpObjectiveRow(d, n, rom, torchSeconds, difference));
        }
        return rows;
    }

    /// <summary>The table: one row per grid, the ratio PyTorch / Rom, and per dimension the exponent of Rom's time in n.</summary>
    public static string Table(IReadOnlyList<GpObjectiveRow> rows, int components, int threads)
    {
        var text = new StringBuilder()
            .AppendLine($"# GP-HM objective + gradient (every grid value, 3Q kernel parameters per axis with Q = {components}, 2 log noises), Student-t kernels; PyTorch on {threads} threads, Rom as it runs by default")
            .AppendLine("# Rom: Kronecker factors and analytic gradients; PyTorch: autograd of the same objective (gp_objective.py), float64")
            .AppendLine($"{"d",2} {"n",5} {"N",10} {"Rom ms",10} {"PyTorch ms",11} {"PyTorch/Rom",12} {"|ΔJ|/|J|",10}");
        foreach (var r in rows)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Dimensions,2} {r.Points,5} {Math.Pow(r.Points, r.Dimensions),10:N0} {r.RomSeconds * 1e3,10:F2} {(r.TorchSeconds is { } t ? (t * 1e3).ToString("F2", CultureInfo.InvariantCulture) : "—"),11} {(r.TorchSeconds is { } s ? (s / r.RomSeconds).ToString("F1", CultureInfo.InvariantCulture) : "—"),12} {(r.RelativeDifference is { } e ? e.ToString("0.0E+00", CultureInfo.InvariantCulture) : "—"),10}"));
        foreach (var group in rows.GroupBy(r => r.Dimensions).Where(g => g.Count() >= 2))
        {
            var (a, b) = (group.OrderBy(r => r.Points).ElementAt(group.Count() - 2), group.MaxBy(r => r.Points)!);
            double exponent = Math.Log(b.RomSeconds / a.RomSeconds) / Math.Log((double)b.Points / a.Points);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"# d = {group.Key}: Rom's time grows as n^{exponent:F2} from n = {a.Points} to {b.Points} (O(n^{Math.Max(group.Key + 1, 3)}) expected: n³ per axis factor, N·n per mode product; a formed N × N covariance would take N³ = n^{3 * group.Key} to factor)"));
        }
        return text.ToString();
    }

    /// <summary>The threads both sides use: every core.</summary>
    public static int Parallelism() => Environment.ProcessorCount;

    private static double Best(Action action, double seconds)
    {
        action();
        double best = double.PositiveInfinity;
        var total = Stopwatch.StartNew();
        int calls = 0;
        do
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            calls++;
        }
        while (total.Elapsed.TotalSeconds < seconds || calls < 3);
        return best;
    }
}
