namespace Rom.Tests.LinearAlgebra;

public class VectorsTests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(7)]
    [TestCase(33)]
    public void KernelsMatchNaiveLoops(int n)
    {
        var random = new Random(n);
        var x = TestMatrices.RandomVector(random, n);
        var y = TestMatrices.RandomVector(random, n);
        double dot = 0;
        for (int i = 0; i < n; i++) dot += x[i] * y[i];
        Assert.That(Vectors.Dot(x, y), Is.EqualTo(dot).Within(1e-14));
        Assert.That(Vectors.Norm(x), Is.EqualTo(Math.Sqrt(x.Sum(v => v * v))).Within(1e-14));

        var axpy = (double[])y.Clone();
        Vectors.Axpy(-1.5, x, axpy);
        Assert.That(axpy, Is.EqualTo(y.Select((v, i) => v - 1.5 * x[i])).Within(1e-15));

        var xpby = (double[])y.Clone();
        Vectors.Xpby(x, 0.25, xpby);
        Assert.That(xpby, Is.EqualTo(y.Select((v, i) => x[i] + 0.25 * v)).Within(1e-15));

        // Dot4 against four naive dots; the rows are longer than x, as in the packed Cholesky.
        var rows = Enumerable.Range(0, 4).Select(_ => TestMatrices.RandomVector(random, n + 2)).ToArray();
        var (d0, d1, d2, d3) = Vectors.Dot4(x, rows[0], rows[1], rows[2], rows[3]);
        double[] dots = [d0, d1, d2, d3];
        for (int r = 0; r < 4; r++)
            Assert.That(dots[r], Is.EqualTo(Vectors.Dot(x, rows[r].AsSpan(0, n))).Within(1e-14), $"row {r}");
    }

    [Test]
    public void AllFiniteAndLengthChecks()
    {
        Assert.That(Vectors.AllFinite([1.0, 2.0]));
        Assert.That(Vectors.AllFinite([1.0, double.NaN]), Is.False);
        Assert.That(Vectors.AllFinite([double.NegativeInfinity]), Is.False);
        Assert.Throws<ArgumentException>(() => Vectors.Dot(new double[3], new double[4]));
        Assert.Throws<ArgumentException>(() => Vectors.Axpy(1, new double[3], new double[2]));
        Assert.Throws<ArgumentException>(() => Vectors.Dot4(new double[3], new double[3], new double[2], new double[3], new double[3]));
    }
}
