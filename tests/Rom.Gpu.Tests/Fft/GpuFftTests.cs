using Rom.Gpu.Fft;

namespace Rom.Gpu.Tests.Fft;

/// <summary>The Stockham kernels on ILGPU's CPU accelerator against a naive DFT, at small sizes.</summary>
public class GpuFftTests() : CpuAcceleratorFixture<GpuFftProvider>(gpu => new GpuFftProvider(gpu))
{
    private static readonly object[] Shapes =
    [
        new[] { 1 }, new[] { 2 }, new[] { 8 }, new[] { 32 }, new[] { 64 },
        new[] { 4, 8 }, new[] { 16, 2 }, new[] { 2, 4, 8 }, new[] { 8, 1, 4 },
    ];

    [TestCaseSource(nameof(Shapes))]
    public void ComplexForwardMatchesTheNaiveDftForEveryNormalisation(int[] shape)
    {
        const int batch = 3;
        using var plan = Subject.CreateComplex(shape, batch);
        var x = RandomData.Complexes(plan.Length * batch, seed: plan.Length);
        var expected = NaiveDft.Transform(x, shape, batch, sign: -1);
        var y = new Complex[x.Length];
        foreach (var (norm, factor) in new[] { (FftNormalization.Backward, 1.0), (FftNormalization.Ortho, 1 / Math.Sqrt(plan.Length)), (FftNormalization.Forward, 1.0 / plan.Length) })
        {
            plan.Forward(x, y, norm);
            Assert.That(RandomData.RelativeError(y, [.. expected.Select(v => v * factor)]), Is.LessThan(1e-13), $"{norm}");
        }
    }

    [TestCaseSource(nameof(Shapes))]
    public void ComplexInverseMatchesTheNaiveDftAndRoundTrips(int[] shape)
    {
        const int batch = 2;
        using var plan = Subject.CreateComplex(shape, batch);
        var x = RandomData.Complexes(plan.Length * batch, seed: 7 + plan.Length);
        var y = new Complex[x.Length];
        plan.Inverse(x, y, FftNormalization.Forward);
        Assert.That(RandomData.RelativeError(y, NaiveDft.Transform(x, shape, batch, sign: +1)), Is.LessThan(1e-13));
        foreach (var norm in Enum.GetValues<FftNormalization>())
        {
            var back = new Complex[x.Length];
            plan.Forward(x, y, norm);
            plan.Inverse(y, back, norm);
            Assert.That(RandomData.RelativeError(back, x), Is.LessThan(1e-14), $"{norm}");
        }
    }

    [TestCaseSource(nameof(Shapes))]
    public void RealForwardIsTheHalfOfTheComplexSpectrumAndRoundTrips(int[] shape)
    {
        const int batch = 2;
        using var real = Subject.CreateReal(shape, batch);
        using var complex = Subject.CreateComplex(shape, batch);
        var x = RandomData.Reals(real.Length * batch, seed: 3 + real.Length);
        var spectrum = new Complex[real.SpectrumLength * batch];
        real.Forward(x, spectrum, FftNormalization.Ortho);

        var full = new Complex[x.Length];
        complex.Forward([.. x.Select(v => new Complex(v, 0))], full, FftNormalization.Ortho);
        int n = shape[^1], h = n / 2 + 1;
        var kept = Enumerable.Range(0, full.Length / n).SelectMany(row => full.Skip(row * n).Take(h)).ToArray();
        Assert.That(RandomData.RelativeError(spectrum, kept), Is.LessThan(1e-14));

        var back = new double[x.Length];
        real.Inverse(spectrum, back, FftNormalization.Ortho);
        Assert.That(RandomData.RelativeError(back, x), Is.LessThan(1e-14));
    }

    [TestCase(new[] { 128 }, 2)]
    [TestCase(new[] { 16, 8 }, 3)]
    [TestCase(new[] { 4, 8, 16 }, 1)]
    public void BothPlanKindsMatchTheCpuFftPlan(int[] shape, int batch)
    {
        IFftProvider cpu = new CpuFftProvider();
        using var gpuComplex = Subject.CreateComplex(shape, batch);
        var x = RandomData.Complexes(gpuComplex.Length * batch, seed: 21);
        var (onGpu, onCpu) = (new Complex[x.Length], new Complex[x.Length]);
        gpuComplex.Forward(x, onGpu);
        cpu.CreateComplex(shape, batch).Forward(x, onCpu);
        Assert.That(RandomData.RelativeError(onGpu, onCpu), Is.LessThan(1e-14));

        using var gpuReal = Subject.CreateReal(shape, batch);
        var r = RandomData.Reals(gpuReal.Length * batch, seed: 22);
        var (halfGpu, halfCpu) = (new Complex[gpuReal.SpectrumLength * batch], new Complex[gpuReal.SpectrumLength * batch]);
        gpuReal.Forward(r, halfGpu, FftNormalization.Forward);
        cpu.CreateReal(shape, batch).Forward(r, halfCpu, FftNormalization.Forward);
        Assert.That(RandomData.RelativeError(halfGpu, halfCpu), Is.LessThan(1e-14));
    }

    [Test]
    public void RealInverseIgnoresTheImaginaryPartsOfSelfConjugateBinsAsNumPyDoes()
    {
        // irfft of [1+5i, 2+3i, 3+7i] (n = 4), from Hermitian symmetry with the imaginary parts of bins 0 and 2
        // dropped: x_j = (Re X0 + 2 Re(X1 e^{iπj/2}) + Re X2 (−1)^j)/4 (NumPy: [2, −2, 0, 1]).
        using var plan = Subject.CreateReal([4]);
        Complex[] half = [new(1, 5), new(2, 3), new(3, 7)];
        var x = new double[4];
        plan.Inverse(half, x);
        var expected = Enumerable.Range(0, 4).Select(j =>
            (1 + 2 * (half[1] * Complex.FromPolarCoordinates(1, Math.PI * j / 2)).Real + 3 * (j % 2 == 0 ? 1 : -1)) / 4.0).ToArray();
        Assert.That(x, Is.EqualTo(expected).Within(1e-15));
    }

    [Test]
    public void DeviceOverloadsTransformInPlaceOnTheDevice()
    {
        int[] shape = [8, 4];
        using var plan = Subject.CreateComplex(shape, 2);
        var x = RandomData.Complexes(plan.Length * 2, seed: 11);
        using var buffer = Gpu.Accelerator.Allocate1D(x);
        plan.Forward(buffer.AsContiguous(), FftNormalization.Ortho);
        var y = buffer.GetAsArray1D();
        Assert.That(RandomData.RelativeError(y, [.. NaiveDft.Transform(x, shape, 2, -1).Select(v => v / Math.Sqrt(32))]), Is.LessThan(1e-13));
        plan.Inverse(buffer.AsContiguous(), FftNormalization.Ortho);
        Assert.That(RandomData.RelativeError(buffer.GetAsArray1D(), x), Is.LessThan(1e-14));
    }

    [Test]
    public void UnsupportedShapesAndWrongLengthsAreRefusedWithTheReason()
    {
        var e = Assert.Throws<ArgumentException>(() => Subject.CreateComplex([12]));
        Assert.That(e!.Message, Does.Contain("shape[0] is 12").And.Contain("powers of two"));
        e = Assert.Throws<ArgumentException>(() => Subject.CreateReal([4, 4, 4, 4]));
        Assert.That(e!.Message, Does.Contain("4 axes"));
        e = Assert.Throws<ArgumentException>(() => Subject.CreateComplex([4], batchCount: 0));
        Assert.That(e!.ParamName, Is.EqualTo("batchCount"));
        using var plan = Subject.CreateComplex([4], 2);
        e = Assert.Throws<ArgumentException>(() => plan.Forward(new Complex[8], new Complex[7]));
        Assert.That(e!.Message, Does.Contain("output has 7 elements; expected 8"));
    }
}
