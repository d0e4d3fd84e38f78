namespace Rom.Tests.LinearAlgebra;

public class TallSkinnyTests
{
    // Sizes that leave partial row blocks, odd vector tails and column counts off the 2 × 4 micro-tile.
    [TestCase(1, 1, 1)]
    [TestCase(7, 3, 5)]
    [TestCase(1029, 41, 21)]
    [TestCase(513, 2, 4)]
    public void CombineAgreesWithTheDenseProduct(int n, int p, int q)
    {
        var random = new Random(n + p + q);
        var basis = TestMatrices.RandomCentred(random, n, p);
        var coefficients = TestMatrices.RandomCentred(random, p, q);
        var flat = basis.ToColumnMajorArray();
        var result = TallSkinny.Combine(i => flat.AsMemory(i * n, n), coefficients.ToArray(), n);
        var expected = (basis * coefficients).ToColumnMajorArray();
        Assert.That(result, Is.EqualTo(expected).Within(1e-12 * p));
    }

    [Test]
    public void CombineIntoAWorkspaceFillsItsFirstColumnsAndLeavesTheRest()
    {
        int n = 700, p = 5, q = 3;
        var random = new Random(11);
        var basis = TestMatrices.RandomCentred(random, n, p);
        var coefficients = TestMatrices.RandomCentred(random, p, q);
        var flat = basis.ToColumnMajorArray();
        var workspace = Enumerable.Repeat(double.NaN, (q + 1) * n).ToArray();
        TallSkinny.Combine(i => flat.AsMemory(i * n, n), coefficients.ToArray(), n, workspace);
        Assert.That(workspace[..(q * n)], Is.EqualTo((basis * coefficients).ToColumnMajorArray()).Within(1e-12 * p));
        Assert.That(workspace[(q * n)..], Has.All.NaN);
        var error = Assert.Throws<ArgumentException>(() =>
            TallSkinny.Combine(i => flat.AsMemory(i * n, n), coefficients.ToArray(), n, new double[q * n - 1]));
        Assert.That(error!.ParamName, Is.EqualTo("result"));
    }

    [TestCase(1, 1, 1)]
    [TestCase(9, 5, 3)]
    [TestCase(1029, 41, 20)]
    public void InnerProductsAgreeWithTheDenseProduct(int n, int p, int q)
    {
        var random = new Random(3 * n + p);
        var left = TestMatrices.RandomCentred(random, n, p);
        var right = TestMatrices.RandomCentred(random, n, q);
        var l = left.ToColumnMajorArray();
        var r = right.ToColumnMajorArray();
        var products = TallSkinny.InnerProducts(i => l.AsMemory(i * n, n), p, j => r.AsMemory(j * n, n), q, n);
        var expected = left.TransposeThisAndMultiply(right);
        for (int i = 0; i < p; i++)
            for (int j = 0; j < q; j++)
                Assert.That(products[i, j], Is.EqualTo(expected[i, j]).Within(1e-12 * n));
    }

    [Test]
    public void AColumnOfTheWrongLengthIsNamed()
    {
        var column = new double[4];
        var e = Assert.Throws<ArgumentException>(() => TallSkinny.Combine(_ => column, new double[1, 1], 5));
        Assert.That(e!.Message, Does.Contain("length 4").And.Contain("n = 5"));
    }
}
