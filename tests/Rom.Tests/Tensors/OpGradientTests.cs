using static Rom.Tests.Tensors.GradientCheck;

namespace Rom.Tests.Tensors;

/// <summary>Every operation's gradient against central finite differences in double (relative error &lt; 1e-6).</summary>
public class OpGradientTests
{
    private const double Tolerance = 1e-6;

    private static void Check(Func<Variable<double>[], Variable<double>> f, params Tensor<double>[] inputs) =>
        Assert.That(RelativeError(f, inputs), Is.LessThan(Tolerance));

    [Test]
    public void Add() => Check(v => Ops.Add(v[0], v[1]), Random([2, 3, 4], 1), Random([2, 3, 4], 2));

    [Test]
    public void AddComplex() => Check(v => Ops.Add(v[0], v[1]), Random([2, 3], 1, true), Random([2, 3], 2, true));

    [Test]
    public void Subtract() => Check(v => Ops.Subtract(v[0], v[1]), Random([5], 1), Random([5], 2));

    [Test]
    public void Multiply() => Check(v => Ops.Multiply(v[0], v[1]), Random([3, 7], 1), Random([3, 7], 2));

    [Test]
    public void Scale() => Check(v => Ops.Scale(v[0], 2.5), Random([4, 4], 3));

    [Test]
    public void Gelu() => Check(v => Ops.Gelu(v[0]), Random([4, 50], 4, scale: 2));

    [Test]
    public void Relu() => Check(v => Ops.Relu(v[0]), Random([4, 50], 4, scale: 2));

    [Test]
    public void Tanh() => Check(v => Ops.Tanh(v[0]), Random([4, 50], 4, scale: 2));

    [TestCase(0)]
    [TestCase(2)]
    [TestCase(-1)]
    public void AxisLinear(int axis)
    {
        var m = Random([5, axis == 0 ? 3 : 6], 21);
        var matrix = new double[5, m.Extent(1)];
        for (int i = 0; i < matrix.Length; i++)
            matrix[i / m.Extent(1), i % m.Extent(1)] = m.Data[i];
        Check(v => Ops.AxisLinear(v[0], matrix, axis), Random([3, 4, 6, 6], 22));
    }

    [Test]
    public void ModeWiseLinear() => Check(v => Ops.ModeWiseLinear(v[0], v[1]), Random([2, 3, 4, 5], 23), Random([4, 5, 2, 3], 24));

    /// <summary>More rows (batch × channels) and modes than one tile of the layout change: the tiles' edges are crossed.</summary>
    [Test]
    public void ModeWiseLinearAcrossTiles() => Check(v => Ops.ModeWiseLinear(v[0], v[1]), Random([2, 20, 7, 6], 25), Random([7, 6, 3, 20], 26));

    [Test]
    public void Sum() => Check(v => Ops.Sum(v[0]), Random([3, 5], 5));

    [Test]
    public void Reshape() => Check(v => Ops.Reshape(v[0], 6, 2), Random([3, 4], 6));

    [Test]
    public void ChannelLinear() =>
        Check(v => Ops.ChannelLinear(v[0], v[1], v[2]), Random([3, 4, 5, 6], 7), Random([2, 4], 8), Random([2], 9));

    [Test]
    public void ChannelLinearWithoutBias() => Check(v => Ops.ChannelLinear(v[0], v[1]), Random([2, 3, 7], 10), Random([5, 3], 11));

    [TestCase(new[] { 9 }, new[] { 6 })]
    [TestCase(new[] { 8 }, new[] { 8 })]
    [TestCase(new[] { 7, 10 }, new[] { 4, 6 })]
    [TestCase(new[] { 6, 6 }, new[] { 6, 6 })]
    [TestCase(new[] { 5, 6, 8 }, new[] { 3, 4, 4 })]
    public void RealDft(int[] size, int[] modes) => Check(v => Ops.RealDft(v[0], modes), Random([2, 3, .. size], 12));

    [TestCase(new[] { 9 }, new[] { 6 })]
    [TestCase(new[] { 8 }, new[] { 8 })]
    [TestCase(new[] { 7, 10 }, new[] { 4, 6 })]
    [TestCase(new[] { 5, 6, 8 }, new[] { 3, 4, 4 })]
    public void InverseRealDft(int[] size, int[] modes)
    {
        int[] kept = Ops.KeptModes(modes);
        Check(v => Ops.InverseRealDft(v[0], size), Random([2, 3, .. kept], 13, complex: true));
    }

    [Test]
    public void ModeContraction() => Check(v => Ops.ModeContraction(v[0], v[1]), Random([3, 4, 5, 3], 14, true), Random([4, 2, 5, 3], 15, true));

    [Test]
    public void RelativeL2()
    {
        Tensor<double> target = Random([3, 2, 5], 16);
        Check(v => Ops.RelativeL2(v[0], target), Random([3, 2, 5], 17));
        Check(v => Ops.RelativeL2(v[0], target, mean: true), Random([3, 2, 5], 18));
    }

    [Test]
    public void MeanSquaredError()
    {
        Tensor<double> target = Random([3, 4], 19);
        Check(v => Ops.MeanSquaredError(v[0], target), Random([3, 4], 20));
    }

    [Test]
    public void ConcatenateChannels() => Check(v => Ops.ConcatenateChannels(v[0], v[1]), Random([2, 3, 4, 5], 21), Random([2, 2, 4, 5], 22));

    [TestCase(new[] { 0, 0 }, new[] { 6, 9 })]
    [TestCase(new[] { -2, -1 }, new[] { 8, 7 })]
    [TestCase(new[] { 1, 2 }, new[] { 2, 3 })]
    [TestCase(new[] { -1, 1 }, new[] { 4, 9 })]
    public void SpatialWindow(int[] start, int[] size) => Check(v => Ops.SpatialWindow(v[0], start, size), Random([2, 3, 4, 5], 23));

    [Test]
    public void SpatialWindow3D() => Check(v => Ops.SpatialWindow(v[0], [-1, 1, 0], [5, 2, 6]), Random([1, 2, 3, 4, 5], 24));

    [Test]
    public void PaddingThenCroppingIsTheIdentity()
    {
        Tensor<double> x = Random([2, 3, 4, 5], 35);
        Tensor<double> y = Ops.SpatialWindow(Ops.SpatialWindow(Tape<double>.Constant(x), [-2, -1], [8, 7]), [2, 1], [4, 5]).Value;
        Assert.That(y.Data, Is.EqualTo(x.Data));
        Tensor<double> padded = Ops.SpatialWindow(Tape<double>.Constant(x), [-2, -1], [8, 7]).Value;
        Assert.That(padded.Data.Sum(Math.Abs), Is.EqualTo(x.Data.Sum(Math.Abs)).Within(1e-12));
        Assert.That(padded.Data[0], Is.EqualTo(0));
    }

    [TestCase(2, 0, 4, 1)]
    [TestCase(2, -2, 8, 1)]
    [TestCase(2, -6, 8, 2)]
    [TestCase(4, -3, 5, 4)]
    [TestCase(1, -9, 13, 3)]
    public void PeriodicPatches(int patches, int start, int size, int step) =>
        Check(v => Ops.PeriodicPatches(v[0], patches, [start, start + 1], [size, size + 1], step), Random([2, 3, 8, 12], 26));

    [TestCase(2, 1, 2)]
    [TestCase(1, 0, 0)]
    [TestCase(4, 2, 0)]
    public void StitchPatches(int patches, int crop1, int crop2) =>
        Check(v => Ops.StitchPatches(v[0], patches, [crop1, crop2]), Random([2 * patches * patches, 3, 5, 6], 27));

    [Test]
    public void AsReal() => Check(v => Ops.AsReal(v[0]), Random([2, 3], 25, true));

    [Test]
    public void SpectralConvolutionChain()
    {
        int[] modes = [4, 4];
        Check(v => Ops.InverseRealDft(Ops.ModeContraction(Ops.RealDft(v[0], modes), v[1]), [8, 7]),
            Random([2, 3, 8, 7], 26), Random([3, 2, 4, 3], 27, true));
    }

    [TestCase(0, false)]
    [TestCase(1, false)]
    [TestCase(1, true)]
    [TestCase(2, false)]
    [TestCase(2, true)]
    public void ModeProduct(int axis, bool transpose)
    {
        int[] shape = [3, 4, 5];
        int n = shape[axis], j = 2;
        Check(v => Ops.ModeProduct(v[0], v[1], axis, transpose), Random(shape, 35, true), Random(transpose ? [n, j] : [j, n], 36, true));
    }

    [Test]
    public void BroadcastMultiply()
    {
        Check(v => Ops.BroadcastMultiply(v[0], v[1]), Random([3, 4, 5], 37, true), Random([4, 5], 38, true));
        Check(v => Ops.BroadcastMultiply(v[0], v[1]), Random([2, 3, 4], 39, true), Random([2, 3, 4], 40, true));
    }

    [Test]
    public void KhatriRao()
    {
        Check(v => Ops.KhatriRao(v), Random([1, 3], 41, true), Random([4, 3], 42, true), Random([2, 3], 43, true));
        Check(v => Ops.KhatriRao(v), Random([5, 2], 44, true));
    }

    [Test]
    public void ChannelAffine()
    {
        Check(v => Ops.ChannelAffine(v[0], v[1], v[2]), Random([2, 3, 4, 5], 28), Random([3], 29), Random([3], 30));
        Check(v => Ops.ChannelAffine(v[0], v[1], null), Random([2, 3, 6], 31), Random([3], 32));
        Check(v => Ops.ChannelAffine(v[0], null, v[1]), Random([2, 3, 6], 33), Random([3], 34));
    }

    [Test]
    public void FloatGeluAndItsDerivativeMatchDouble()
    {
        // The float path (SIMD, A&S erf, Cephes exp) against the exact double one, on [−12, 12] including the SIMD tail.
        const int n = 24_003;
        var xd = new Tensor<double>([n], [.. Enumerable.Range(0, n).Select(i => -12 + 24.0 * i / (n - 1))]);
        var xf = new Tensor<float>([n], [.. xd.Data.Select(v => (float)v)]);
        var tapeD = new Tape<double>();
        var vd = tapeD.Track(xd);
        tapeD.Backward(Ops.Sum(Ops.Gelu(vd)));
        var tapeF = new Tape<float>();
        var vf = tapeF.Track(xf);
        Variable<float> yf = Ops.Gelu(vf);
        tapeF.Backward(Ops.Sum(yf));
        double[] yd = Ops.Gelu(Tape<double>.Constant(xd)).Value.Data;
        for (int i = 0; i < n; i++)
        {
            Assert.That(yf.Value.Data[i], Is.EqualTo(yd[i]).Within(1e-6 * Math.Max(1, Math.Abs(yd[i]))), $"GELU({xd.Data[i]})");
            Assert.That(vf.Gradient.Data[i], Is.EqualTo(vd.Gradient.Data[i]).Within(2e-6), $"GELU'({xd.Data[i]})");
        }
    }
}
