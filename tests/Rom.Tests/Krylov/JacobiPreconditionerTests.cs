namespace Rom.Tests.Krylov;

public class JacobiPreconditionerTests
{
    [Test]
    public void DividesByTheDiagonal()
    {
        var a = CsrMatrix.FromMathNet(Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 1.0 }, { 1.0, -4.0 } }));
        var z = new double[2];
        new JacobiPreconditioner(a).Apply([1.0, 1.0], z);
        Assert.That(z, Is.EqualTo(new[] { 0.5, -0.25 }));
    }

    [Test]
    public void ZeroOrNonFiniteDiagonalNamesTheRow()
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = new JacobiPreconditioner([1.0, 0.0, 2.0]));
        Assert.That(ex!.Message, Does.Contain("row 1"));
        ex = Assert.Throws<ArgumentException>(() => _ = new JacobiPreconditioner([1.0, 3.0, double.NaN]));
        Assert.That(ex!.Message, Does.Contain("row 2"));
        // A CSR matrix with no stored diagonal entry in row 0.
        var missing = CsrMatrix.FromMathNet(Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 1.0 }, { 1.0, 1.0 } }));
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new JacobiPreconditioner(missing))!.Message, Does.Contain("row 0"));
    }
}
