using MathNet.Numerics.LinearAlgebra;
using Rom.Gpu.Kronecker;

namespace Rom.Gpu.Tests.Kronecker;

/// <summary>The tiled mode products against MathNet's dense Kronecker product, on ILGPU's CPU accelerator.</summary>
public class GpuKroneckerOperatorTests
{
    private static Matrix<double> Random(int rows, int cols, int seed)
    {
        var values = RandomData.Reals(rows * cols, seed);
        return Matrix<double>.Build.Dense(rows, cols, values);
    }

    private static readonly object[] FactorShapes =
    [
        new[] { 3, 4, 5, 2 },
        new[] { 7, 7, 9, 9 },
        new[] { 3, 4, 5, 2, 2, 3 },
        new[] { 4, 5, 6, 3, 5, 6 },
    ];

    [TestCaseSource(nameof(FactorShapes))]
    public void BatchedApplyMatchesTheDenseKroneckerProduct(int[] shapes)
    {
        using var gpu = GpuContext.CreateCpu();
        var factors = Enumerable.Range(0, shapes.Length / 2).Select(a => Random(shapes[2 * a], shapes[2 * a + 1], seed: a)).ToArray();
        var dense = factors.Skip(1).Aggregate(factors[0], (k, f) => k.KroneckerProduct(f));
        using var op = new GpuKroneckerOperator(gpu, factors);
        Assert.That((op.Rows, op.Cols), Is.EqualTo((dense.RowCount, dense.ColumnCount)));

        const int count = 3;
        var x = RandomData.Reals(op.Cols * count, seed: 9);
        var y = new double[op.Rows * count];
        op.ApplyBlock(x, y, count);
        var expected = dense * Matrix<double>.Build.Dense(op.Cols, count, x);
        Assert.That(RandomData.RelativeError(y, expected.ToColumnMajorArray()), Is.LessThan(1e-13));

        var single = new double[op.Rows];
        ((ILinearOperator)op).Apply(x.AsSpan(0, op.Cols), single);
        Assert.That(RandomData.RelativeError(single, expected.Column(0).ToArray()), Is.LessThan(1e-13));
    }

    [Test]
    public void WrongLengthsAndNoFactorsAreRefused()
    {
        using var gpu = GpuContext.CreateCpu();
        Assert.That(Assert.Throws<ArgumentException>(() => new GpuKroneckerOperator(gpu, []))!.ParamName, Is.EqualTo("factors"));
        using var op = new GpuKroneckerOperator(gpu, [Random(2, 3, 1), Random(2, 2, 2)]);
        var e = Assert.Throws<ArgumentException>(() => op.ApplyBlock(new double[12], new double[7], 2));
        Assert.That(e!.ParamName, Is.EqualTo("y"));
    }
}
