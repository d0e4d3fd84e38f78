using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Rom.Tests.LinearAlgebra.Dense;

public class SmallHouseholderQrTests
{
    // GCRO-DR's shapes (41 × 40 Hessenberg-like, 41 × 20), a square one and a single column.
    [TestCase(41, 40, 40)]
    [TestCase(41, 20, 5)]
    [TestCase(6, 6, 3)]
    [TestCase(5, 1, 2)]
    public void LeastSquaresAgreesWithMathNetQr(int m, int n, int q)
    {
        var random = new Random(m * 100 + n);
        var a = TestMatrices.RandomCentred(random, m, n);
        var b = TestMatrices.RandomCentred(random, m, q);
        var x = new SmallHouseholderQr(a.ToArray()).SolveLeastSquares(b.ToArray());
        var expected = a.QR(QRMethod.Thin).Solve(b);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < q; j++)
                Assert.That(x[i, j], Is.EqualTo(expected[i, j]).Within(1e-10 * (1 + Math.Abs(expected[i, j]))));
    }

    [TestCase(41, 20)]
    [TestCase(7, 7)]
    public void FactorsReproduceTheMatrixWithOrthonormalQ(int m, int n)
    {
        var random = new Random(m + 7 * n);
        var a = TestMatrices.RandomCentred(random, m, n);
        var qr = new SmallHouseholderQr(a.ToArray());
        var q = Matrix<double>.Build.DenseOfArray(qr.ThinQ());
        var r = Matrix<double>.Build.Dense(n, n, qr.R);
        Assert.That((q * r - a).FrobeniusNorm(), Is.LessThan(1e-13 * n));
        Assert.That((q.TransposeThisAndMultiply(q) - Matrix<double>.Build.DenseIdentity(n)).FrobeniusNorm(), Is.LessThan(1e-13 * n));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                Assert.That(r[i, j], Is.Zero);
        // |R_ii| is unique up to sign; MathNet's R must agree.
        var reference = a.QR(QRMethod.Thin).R;
        for (int i = 0; i < n; i++)
            Assert.That(Math.Abs(r[i, i]), Is.EqualTo(Math.Abs(reference[i, i])).Within(1e-12));
    }

    [Test]
    public void DivideByRSolvesXRForM()
    {
        var random = new Random(5);
        var a = TestMatrices.RandomCentred(random, 9, 6);
        var m = TestMatrices.RandomCentred(random, 4, 6);
        var qr = new SmallHouseholderQr(a.ToArray());
        var x = Matrix<double>.Build.DenseOfArray(qr.DivideByR(m.ToArray()));
        var r = Matrix<double>.Build.Dense(6, 6, qr.R);
        Assert.That((x * r - m).FrobeniusNorm(), Is.LessThan(1e-12));
    }

    [Test]
    public void AZeroColumnLeavesAZeroDiagonalAndWideInputIsRejected()
    {
        var a = new double[,] { { 1, 0 }, { 2, 0 }, { 3, 0 } };
        var qr = new SmallHouseholderQr(a);
        Assert.That(qr.R(1, 1), Is.Zero);
        Assert.That(Math.Abs(qr.R(0, 0)), Is.EqualTo(Math.Sqrt(14)).Within(1e-14));
        var error = Assert.Throws<ArgumentException>(() => _ = new SmallHouseholderQr(new double[2, 3]));
        Assert.That(error!.Message, Does.Contain("2 × 3"));
    }
}
