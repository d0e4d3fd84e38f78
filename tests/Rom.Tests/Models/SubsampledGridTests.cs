using Rom.Models;

namespace Rom.Tests.Models;

public class SubsampledGridTests
{
    // A grid value that names its point: c₀ + 1000 c₁ + 10⁶ c₂.
    private static double Code(int c0, int c1, int c2 = 0) => c0 + 1000.0 * c1 + 1e6 * c2;

    [TestCase(2, 17, 5)]
    [TestCase(2, 9, 9)]
    [TestCase(3, 13, 4)]
    public void RestrictPicksEveryStrideThPoint(int dimension, int fine, int size)
    {
        var grid = new SubsampledGrid(fine, size, dimension);
        grid.Validate();
        int r = (fine - 1) / (size - 1);
        Assert.That(grid.Stride, Is.EqualTo(r));
        Assert.That(grid.Shape, Is.EqualTo(Enumerable.Repeat(size, dimension)));
        var values = Enumerable.Range(0, (int)Math.Pow(fine, dimension)).Select(k => Code(k % fine, k / fine % fine, k / (fine * fine))).ToArray();
        var coarse = grid.Restrict(values);
        Assert.That(coarse, Has.Length.EqualTo(grid.Points).And.Length.EqualTo((int)Math.Pow(size, dimension)));
        for (int q = 0; q < coarse.Length; q++)
            Assert.That(coarse[q], Is.EqualTo(Code(r * (q % size), r * (q / size % size), dimension == 3 ? r * (q / (size * size)) : 0)), $"coarse point {q}");
    }

    [TestCase(2, 17, 5)]
    [TestCase(3, 9, 3)]
    public void RestrictInteriorPutsBoundaryZerosAroundTheInteriorValues(int dimension, int fine, int size)
    {
        var grid = new SubsampledGrid(fine, size, dimension);
        int m = fine - 2, r = grid.Stride;
        // Interior unknown p is the fine point (1 + p mod m, 1 + p div m mod m, …).
        var interior = Enumerable.Range(0, (int)Math.Pow(m, dimension)).Select(p => Code(1 + p % m, 1 + p / m % m, dimension == 3 ? 1 + p / (m * m) : 0)).ToArray();
        var coarse = grid.RestrictInterior(interior);
        int boundary = 0;
        for (int q = 0; q < coarse.Length; q++)
        {
            int[] c = [q % size, q / size % size, q / (size * size)];
            bool onBoundary = c.Take(dimension).Any(v => v == 0 || v == size - 1);
            boundary += onBoundary ? 1 : 0;
            Assert.That(coarse[q], Is.EqualTo(onBoundary ? 0 : Code(r * c[0], r * c[1], dimension == 3 ? r * c[2] : 0)), $"coarse point {q}");
        }
        Assert.That(boundary, Is.EqualTo(grid.Points - (int)Math.Pow(size - 2, dimension)));
    }

    [Test]
    public void GridsThatDoNotNestAreRefused()
    {
        Assert.That(SubsampledGrid.Sizes(513), Is.EqualTo(new[] { 3, 5, 9, 17, 33, 65, 129, 257, 513 }));
        Assert.That(SubsampledGrid.Sizes(421), Does.Contain(85).And.Contain(141).And.Not.Contain(84));
        foreach (var (fine, size) in new[] { (513, 64), (513, 2), (33, 34), (2, 2) })
            Assert.Throws<ArgumentOutOfRangeException>(() => new SubsampledGrid(fine, size, 2).Validate(), $"{size} in {fine}");
        Assert.Throws<ArgumentOutOfRangeException>(() => new SubsampledGrid(9, 5, 1).Validate());
        Assert.Throws<ArgumentException>(() => new SubsampledGrid(9, 5, 2).Restrict(new double[80]));
        Assert.Throws<ArgumentException>(() => new SubsampledGrid(9, 5, 2).RestrictInterior(new double[81]));
    }
}
