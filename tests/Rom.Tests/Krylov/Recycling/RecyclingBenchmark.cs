namespace Rom.Tests.Krylov.Recycling;

/// <summary>SKR's comparison (Wang et al., ICLR 2024, Table 1 setting); run with --filter Category=Benchmark.</summary>
[Explicit("benchmark")]
[Category("Benchmark")]
public class RecyclingBenchmark
{
    [Test]
    public void DarcyS102TwentySystemsMatvecsPerSystem()
    {
        const int count = 20;
        var family = new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 102, Count: count, Seed: 1));
        var fields = Enumerable.Range(0, count).Select(family.Coefficient).ToList();
        var distances = SystemOrdering.FrobeniusDistances(fields);
        var orders = new (string Name, int[] Order)[]
        {
            ("unsorted", Enumerable.Range(0, count).ToArray()),
            ("greedy-sorted", SystemOrdering.GreedyChain(distances)),
            ("2-opt-sorted", SystemOrdering.DiameterChainTwoOpt(distances)),
        };
        var systems = fields.Select(f => SkrDarcyFamily.Assemble(f, 0)).ToList();

        var gmres = new Gmres(new GmresOptions(Restart: 40) { Stopping = new(1e-8, 100_000) });
        var plain = systems.Select(s => Check(gmres.Solve(s.A, s.B))).ToList();
        double independent = plain.Average(r => r.MatrixVectorProducts);
        TestContext.Out.WriteLine($"n = {systems[0].A.Rows}, {count} systems, tol 1e-8: GMRES(40) {independent:F0} products per system, {plain.Average(r => r.Elapsed.TotalSeconds):F2} s");
        foreach (var (name, order) in orders)
        {
            var gcro = new GcroDr(new GcroDrOptions(Restart: 40, RecycleSize: 20) { Stopping = new(1e-8, 100_000) });
            var results = order.Select(i => Check(gcro.Solve(systems[i].A, systems[i].B))).ToList();
            double recycled = results.Average(r => r.MatrixVectorProducts);
            TestContext.Out.WriteLine($"  GCRO-DR(40,20) {name,-14} {recycled,6:F0} per system, {independent / recycled:F2}x fewer, " +
                $"{results.Average(r => r.Elapsed.TotalSeconds):F2} s; chain length {SystemOrdering.ChainLength(distances, order):F0}");
        }
    }

    [Test]
    public void ShuffledPathOfFieldsSortedVersusUnsorted()
    {
        // 20 fields on the path exp((1 − t) g₀ + t g₁), t ∈ [0, 1], handed over in random order: sorting should matter.
        const int count = 20;
        var family = new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 66, Count: 2, Seed: 3));
        var path = GcroDrTests.SlowlyVaryingFields(family, count, 1.0);
        var random = new Random(7);
        var fields = path.OrderBy(_ => random.Next()).ToList();
        var distances = SystemOrdering.FrobeniusDistances(fields);
        var systems = fields.Select(f => SkrDarcyFamily.Assemble(f, 0)).ToList();
        var gmres = new Gmres(new GmresOptions(Restart: 40) { Stopping = new(1e-8, 100_000) });
        double independent = systems.Average(s => Check(gmres.Solve(s.A, s.B)).MatrixVectorProducts);
        TestContext.Out.WriteLine($"n = {systems[0].A.Rows}, {count} shuffled fields on a path, tol 1e-8: GMRES(40) {independent:F0} products per system");
        foreach (var (name, order) in new (string, int[])[]
        {
            ("unsorted", Enumerable.Range(0, count).ToArray()),
            ("greedy-sorted", SystemOrdering.GreedyChain(distances)),
            ("2-opt-sorted", SystemOrdering.DiameterChainTwoOpt(distances)),
        })
        {
            var gcro = new GcroDr(new GcroDrOptions(Restart: 40, RecycleSize: 20) { Stopping = new(1e-8, 100_000) });
            double recycled = order.Average(i => Check(gcro.Solve(systems[i].A, systems[i].B)).MatrixVectorProducts);
            TestContext.Out.WriteLine($"  GCRO-DR(40,20) {name,-14} {recycled,6:F0} products per system; chain length {SystemOrdering.ChainLength(distances, order):F1}");
        }
    }

    private static KrylovResult Check(KrylovResult result)
    {
        Assert.That(result.Converged, result.Message);
        return result;
    }
}
