using MathNet.Numerics.LinearAlgebra;
using Rom.Reduction;

namespace Rom.Tests.Reduction;

/// <summary>The reduced model's online kernels against MathNet and naive loops.</summary>
public class OnlineKernelTests
{
    /// <summary>Sizes on both sides of the four-row kernel's blocks, and the shipped thermal block's N = 111.</summary>
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(5)]
    [TestCase(8)]
    [TestCase(13)]
    [TestCase(111)]
    public void PackedCholeskyMatchesMathNet(int n)
    {
        var random = new Random(n);
        var g = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
        var a = g * g.Transpose() + Matrix<double>.Build.DenseIdentity(n) * n;
        var packed = new double[DenseCholesky.PackedLength(n)];
        for (int i = 0, k = 0; i < n; i++)
            for (int j = 0; j <= i; j++) packed[k++] = a[i, j];
        DenseCholesky.Factor(packed, n);
        var l = a.Cholesky().Factor;
        for (int i = 0, k = 0; i < n; i++)
            for (int j = 0; j <= i; j++, k++)
                Assert.That(packed[k], Is.EqualTo(l[i, j]).Within(1e-12 * Math.Sqrt(n)), $"L[{i}, {j}]");

        var b = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var x = (double[])b.Clone();
        DenseCholesky.Solve(packed, n, x);
        var expected = a.Solve(Vector<double>.Build.DenseOfArray(b));
        Assert.That(x, Is.EqualTo(expected.ToArray()).Within(1e-12));
    }

    [Test]
    public void PackedCholeskyRejectsAnIndefiniteMatrix()
    {
        double[] packed = [1, 2, 1]; // [[1, 2], [2, 1]] has eigenvalues 3 and −1
        var e = Assert.Throws<InvalidOperationException>(() => DenseCholesky.Factor(packed, 2));
        Assert.That(e!.Message, Does.Contain("pivot 1"));
    }

    [TestCase(1, 0)]
    [TestCase(3, 7)]
    [TestCase(9, 6216)] // Q and the packed length of the thermal block's N = 111
    [TestCase(4, 13)]
    public void InterleavedAffineSumMatchesTheNaiveSum(int terms, int length)
    {
        var random = new Random(terms * 1000 + length);
        var vectors = Enumerable.Range(0, terms).Select(_ => Enumerable.Range(0, length).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var theta = Enumerable.Range(0, terms).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var sum = new InterleavedAffineSum(vectors, length);
        var result = new double[length];
        sum.Evaluate(theta, result);
        for (int i = 0; i < length; i++)
            Assert.That(result[i], Is.EqualTo(Enumerable.Range(0, terms).Sum(q => theta[q] * vectors[q][i])).Within(1e-14), $"entry {i}");
        Assert.Throws<ArgumentException>(() => sum.Evaluate(new double[terms + 1], result));
    }
}
