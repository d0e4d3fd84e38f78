namespace Rom.Tests.LinearAlgebra.Direct;

public class OrderingTests
{
    private static void AssertPermutation(int[] perm, int n)
    {
        Assert.That(perm, Has.Length.EqualTo(n));
        Assert.That(perm.Order(), Is.EqualTo(Enumerable.Range(0, n)));
    }

    [TestCase(1, 1)]
    [TestCase(12, 1)]
    [TestCase(30, 4)]
    [TestCase(30, 64)]
    public void NestedDissectionOfAGridIsAPermutation(int k, int leafSize) =>
        AssertPermutation(Ordering.NestedDissection(TestMatrices.GridLaplacian(k), leafSize), k * k);

    [Test]
    public void NestedDissectionOfADisconnectedGraphIsAPermutation()
    {
        // Two grids side by side with no coupling, plus isolated nodes (diagonal only).
        var grid = TestMatrices.GridLaplacian(8);
        var rows = new List<int>(); var cols = new List<int>(); var vals = new List<double>();
        foreach (var (i, j, v) in grid.EnumerateEntries())
            for (int copy = 0; copy < 2; copy++) { rows.Add(i + 64 * copy); cols.Add(j + 64 * copy); vals.Add(v); }
        for (int i = 128; i < 135; i++) { rows.Add(i); cols.Add(i); vals.Add(1); }
        var a = CsrMatrix.FromTriplets(135, 135, rows.ToArray(), cols.ToArray(), vals.ToArray());

        AssertPermutation(Ordering.NestedDissection(a, 5), 135);
    }

    [Test]
    public void NestedDissectionOfRandomGraphsIsAPermutation()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 5; trial++)
        {
            int n = random.Next(1, 200);
            AssertPermutation(Ordering.NestedDissection(TestMatrices.RandomSpd(random, n, 3.0 / n), 1 + trial * 3), n);
        }
    }

    [Test]
    public void InverseUndoesThePermutationAndRejectsRepeats()
    {
        var perm = Ordering.NestedDissection(TestMatrices.GridLaplacian(5), 3);
        var inverse = Ordering.Inverse(perm);
        for (int k = 0; k < perm.Length; k++) Assert.That(inverse[perm[k]], Is.EqualTo(k));

        var e = Assert.Throws<ArgumentException>(() => Ordering.Inverse([0, 2, 2]))!;
        Assert.That(e.ParamName, Is.EqualTo("perm"));
        Assert.That(Ordering.Natural(3), Is.EqualTo(new[] { 0, 1, 2 }));
    }
}
