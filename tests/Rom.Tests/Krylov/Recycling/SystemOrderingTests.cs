namespace Rom.Tests.Krylov.Recycling;

public class SystemOrderingTests
{
    [Test]
    public void OneParameterFamilyIsSortedByItsScale()
    {
        var random = new Random(5);
        var f = SkrFields(1, 16, 1)[0];
        var scales = Enumerable.Range(0, 30).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var fields = scales.Select(c => Scaled(f, c)).ToList();
        var distances = SystemOrdering.FrobeniusDistances(fields);

        var sorted = SystemOrdering.DiameterChainTwoOpt(distances);
        AssertPermutation(sorted, 30);
        Assert.That(IsMonotone(sorted.Select(i => scales[i]).ToArray()), "the 2-opt diameter chain sorts by c");

        // SKR's greedy chain starts at system 0, inside the family, so it is monotone only when system 0 is an end.
        AssertPermutation(SystemOrdering.GreedyChain(distances), 30);
        scales[0] = 0.1;
        fields[0] = Scaled(f, 0.1);
        var greedy = SystemOrdering.GreedyChain(SystemOrdering.FrobeniusDistances(fields));
        Assert.That(greedy[0], Is.Zero);
        Assert.That(IsMonotone(greedy.Select(i => scales[i]).ToArray()));
    }

    [Test]
    public void ChainLengthsOnHundredSkrFields()
    {
        var distances = SystemOrdering.FrobeniusDistances(SkrFields(100, 34, 7));
        var greedy = SystemOrdering.GreedyChain(distances);
        var better = SystemOrdering.DiameterChainTwoOpt(distances);
        AssertPermutation(greedy, 100);
        AssertPermutation(better, 100);
        double identity = SystemOrdering.ChainLength(distances, Enumerable.Range(0, 100).ToArray());
        double lengthGreedy = SystemOrdering.ChainLength(distances, greedy);
        double lengthBetter = SystemOrdering.ChainLength(distances, better);
        TestContext.Out.WriteLine($"chain length on 100 SKR fields (s = 34): unsorted {identity:F1}, greedy {lengthGreedy:F1}, diameter + 2-opt {lengthBetter:F1}");
        Assert.That(lengthGreedy, Is.LessThan(identity));
        Assert.That(lengthBetter, Is.LessThan(lengthGreedy));
    }

    /// <summary>SKR's grouping for many systems keeps a one-parameter family sorted across group boundaries.</summary>
    [Test]
    public void GroupedChainSortsAOneParameterFamilyAcrossGroups()
    {
        var random = new Random(8);
        var f = Flatten(SkrFields(1, 16, 1)[0]);
        var scales = Enumerable.Range(0, 30).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var order = SystemOrdering.GroupedGreedyChain(scales.Select(c => f.Select(v => v * c).ToArray()).ToArray(), groupSize: 7);
        AssertPermutation(order, 30);
        Assert.That(IsMonotone(order.Select(i => scales[i]).ToArray()), "groups follow the principal coordinate, chains run through each");
    }

    /// <summary>
    /// Four well-separated clusters of ten noisy fields along a line, groups of ten: the chain must finish a cluster
    /// before it enters the next (three jumps), which an unsorted or a badly grouped order does not.
    /// </summary>
    [Test]
    public void GroupedChainVisitsClustersOneAfterAnother()
    {
        var random = new Random(3);
        var direction = Enumerable.Range(0, 50).Select(_ => random.NextDouble() - 0.5).ToArray();
        var cluster = Enumerable.Range(0, 40).Select(i => (i * 7) % 4).ToArray(); // interleaved, so index order jumps constantly
        var fields = cluster.Select(c => direction.Select(d => 10 * c * d + 0.01 * (random.NextDouble() - 0.5)).ToArray()).ToArray();
        var order = SystemOrdering.GroupedGreedyChain(fields, groupSize: 10);
        AssertPermutation(order, 40);
        int jumps = order.Zip(order.Skip(1), (a, b) => cluster[a] != cluster[b] ? 1 : 0).Sum();
        Assert.That(jumps, Is.EqualTo(3));
    }

    [Test]
    public void GroupedChainOnHundredSkrFieldsBeatsTheIndexOrder()
    {
        var fields = SkrFields(100, 34, 7).Select(Flatten).ToArray();
        var distances = SystemOrdering.FrobeniusDistances(fields);
        double identity = SystemOrdering.ChainLength(distances, Enumerable.Range(0, 100).ToArray());
        double greedy = SystemOrdering.ChainLength(distances, SystemOrdering.GreedyChain(distances));
        var grouped = SystemOrdering.GroupedGreedyChain(fields, groupSize: 25);
        AssertPermutation(grouped, 100);
        double length = SystemOrdering.ChainLength(distances, grouped);
        TestContext.Out.WriteLine($"chain length: unsorted {identity:F1}, greedy {greedy:F1}, grouped greedy (groups of 25) {length:F1}");
        Assert.That(length, Is.LessThan(identity));
    }

    [Test]
    public void ChecksItsArguments()
    {
        Assert.Throws<ArgumentException>(() => SystemOrdering.GreedyChain(new double[2, 3]));
        Assert.Throws<ArgumentException>(() => SystemOrdering.FrobeniusDistances([new double[2, 2], new double[3, 2]]));
        Assert.That(SystemOrdering.DiameterChainTwoOpt(new double[1, 1]), Is.EqualTo(new[] { 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SystemOrdering.GroupedGreedyChain([new double[2], new double[2]], groupSize: 1));
        Assert.Throws<ArgumentException>(() => SystemOrdering.GroupedGreedyChain([], groupSize: 10));
        Assert.Throws<ArgumentException>(() => SystemOrdering.GroupedGreedyChain([new double[2], new double[3]], groupSize: 10));
        Assert.That(SystemOrdering.GroupedGreedyChain([new double[3], new double[3]], groupSize: 2), Is.EquivalentTo(new[] { 0, 1 }), "equal fields");
    }

    private static List<double[,]> SkrFields(int count, int s, int seed)
    {
        var family = new SkrDarcyFamily(new SkrDarcyOptions(GridSize: s, Count: count, Seed: seed));
        return Enumerable.Range(0, count).Select(family.Coefficient).ToList();
    }

    private static double[] Flatten(double[,] f) => f.Cast<double>().ToArray();

    private static double[,] Scaled(double[,] f, double c)
    {
        var g = (double[,])f.Clone();
        for (int i = 0; i < g.GetLength(0); i++)
            for (int j = 0; j < g.GetLength(1); j++)
                g[i, j] *= c;
        return g;
    }

    private static bool IsMonotone(double[] values) =>
        values.Zip(values.Skip(1), (p, q) => q - p).All(d => d >= 0) || values.Zip(values.Skip(1), (p, q) => q - p).All(d => d <= 0);

    private static void AssertPermutation(int[] order, int count) =>
        Assert.That(order.OrderBy(i => i), Is.EqualTo(Enumerable.Range(0, count)));
}
