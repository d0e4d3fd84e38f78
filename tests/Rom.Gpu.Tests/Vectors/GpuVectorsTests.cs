namespace Rom.Gpu.Tests.Vectors;

/// <summary>The BLAS-1 kernels against Rom.LinearAlgebra.Vectors and plain loops.</summary>
public class GpuVectorsTests
{
    [TestCase(1)]
    [TestCase(37)]
    [TestCase(1000)]
    public void DotAxpyAndScaleAgreeWithTheCpuKernels(int n)
    {
        using var gpu = GpuContext.CreateCpu();
        var x = RandomData.Reals(n, seed: n);
        var y = RandomData.Reals(n, seed: n + 1);
        using var dx = gpu.Accelerator.Allocate1D(x);
        using var dy = gpu.Accelerator.Allocate1D(y);

        Assert.That(gpu.Vectors.Dot(dx.AsContiguous(), dy.AsContiguous()), Is.EqualTo(Rom.LinearAlgebra.Vectors.Dot(x, y)).Within(1e-13 * n));

        gpu.Vectors.Axpy(-0.75, dx.AsContiguous(), dy.AsContiguous());
        Rom.LinearAlgebra.Vectors.Axpy(-0.75, x, y);
        Assert.That(dy.GetAsArray1D(), Is.EqualTo(y).Within(1e-15));

        gpu.Vectors.Scale(3.5, dx.AsContiguous());
        Assert.That(dx.GetAsArray1D(), Is.EqualTo(x.Select(v => 3.5 * v).ToArray()).Within(1e-15));
    }

    [Test]
    public void ComplexMultiplyIsPointwise()
    {
        using var gpu = GpuContext.CreateCpu();
        var a = RandomData.Complexes(11, seed: 1);
        var b = RandomData.Complexes(11, seed: 2);
        using var da = gpu.Accelerator.Allocate1D(a);
        using var db = gpu.Accelerator.Allocate1D(b);
        gpu.Vectors.Multiply(da.AsContiguous(), db.AsContiguous(), da.AsContiguous());
        Assert.That(RandomData.RelativeError(da.GetAsArray1D(), [.. a.Zip(b, (u, v) => u * v)]), Is.LessThan(1e-15));
        var e = Assert.Throws<ArgumentException>(() => gpu.Vectors.Multiply(da.AsContiguous(), db.AsContiguous().SubView(0, 5), da.AsContiguous()));
        Assert.That(e!.Message, Does.Contain("y has 5 elements; expected 11"));
    }
}
