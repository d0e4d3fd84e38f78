using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Rom.Spectral;

namespace Rom.Gpu.Fft;

/// <summary>
/// A batched real-to-complex FFT and its complex-to-real inverse (NumPy's <c>rfftn</c>/<c>irfftn</c>) of
/// power-of-two extents on a GPU. It runs the full complex transform: the forward widens the real input and
/// keeps the half spectrum; the inverse rebuilds the full spectrum by Hermitian symmetry and keeps the real part
/// (so the imaginary parts of the self-conjugate bins are ignored, as in NumPy). This costs about twice a
/// dedicated real transform. Made by <see cref="GpuFftProvider.CreateReal"/>; dispose it to free its buffers.
/// </summary>
public sealed class GpuRealFft : IRealFft, IDisposable
{
    private readonly GpuContext gpu;
    private readonly StockhamTransform transform;
    private readonly Extents3 extents;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> real;
    private readonly MemoryBuffer1D<GpuComplex, Stride1D.Dense> half;
    private readonly MemoryBuffer1D<GpuComplex, Stride1D.Dense> full;
    private readonly MemoryBuffer1D<GpuComplex, Stride1D.Dense> scratch;
    private readonly Action<Index1D, ArrayView<double>, ArrayView<GpuComplex>> widen;
    private readonly Action<Index1D, ArrayView<GpuComplex>, ArrayView<double>, double> narrow;
    private readonly Action<Index1D, ArrayView<GpuComplex>, ArrayView<GpuComplex>, Extents3> gather;
    private readonly Action<Index1D, ArrayView<GpuComplex>, ArrayView<GpuComplex>, Extents3> extend;

    internal GpuRealFft(GpuContext gpu, IReadOnlyList<int> shape, int batchCount)
    {
        this.gpu = gpu;
        Shape = [.. shape];
        BatchCount = batchCount;
        transform = new StockhamTransform(gpu, shape, batchCount);
        extents = Extents3.Of(shape);
        SpectrumLength = Length / extents.N2 * (extents.N2 / 2 + 1);
        var accelerator = gpu.Accelerator;
        real = accelerator.Allocate1D<double>((long)Length * batchCount);
        half = accelerator.Allocate1D<GpuComplex>((long)SpectrumLength * batchCount);
        full = accelerator.Allocate1D<GpuComplex>((long)Length * batchCount);
        scratch = accelerator.Allocate1D<GpuComplex>((long)Length * batchCount);
        widen = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<GpuComplex>>(HalfSpectrumKernels.Widen);
        narrow = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<GpuComplex>, ArrayView<double>, double>(HalfSpectrumKernels.Narrow);
        gather = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<GpuComplex>, ArrayView<GpuComplex>, Extents3>(HalfSpectrumKernels.Gather);
        extend = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<GpuComplex>, ArrayView<GpuComplex>, Extents3>(HalfSpectrumKernels.Extend);
    }

    /// <inheritdoc />
    public IReadOnlyList<int> Shape { get; }

    /// <inheritdoc />
    public int BatchCount { get; }

    /// <inheritdoc />
    public int Length => transform.Length;

    /// <inheritdoc />
    public int SpectrumLength { get; }

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<double> input, Span<Complex> output, FftNormalization normalization = FftNormalization.Backward)
    {
        CheckLength(input.Length, (long)Length * BatchCount, nameof(input));
        CheckLength(output.Length, (long)SpectrumLength * BatchCount, nameof(output));
        real.AsContiguous().CopyFromCPU(input);
        Forward(real.AsContiguous(), half.AsContiguous().Cast<Complex>(), normalization);
        half.AsContiguous().Cast<Complex>().CopyToCPU(output);
    }

    /// <inheritdoc />
    public void Inverse(ReadOnlySpan<Complex> input, Span<double> output, FftNormalization normalization = FftNormalization.Backward)
    {
        CheckLength(input.Length, (long)SpectrumLength * BatchCount, nameof(input));
        CheckLength(output.Length, (long)Length * BatchCount, nameof(output));
        half.AsContiguous().Cast<Complex>().CopyFromCPU(input);
        Inverse(half.AsContiguous().Cast<Complex>(), real.AsContiguous(), normalization);
        real.AsContiguous().CopyToCPU(output);
    }

    /// <summary>Forward transform of real arrays already on the device into half spectra on the device.</summary>
    public void Forward(ArrayView<double> input, ArrayView<Complex> output, FftNormalization normalization = FftNormalization.Backward)
    {
        CheckLength(input.Length, (long)Length * BatchCount, nameof(input));
        CheckLength(output.Length, (long)SpectrumLength * BatchCount, nameof(output));
        widen(input.IntLength, input, full.AsContiguous());
        var spectrum = Transform(-1);
        gather(output.IntLength, spectrum, output.Cast<GpuComplex>(), extents);
        gpu.Accelerator.Synchronize();
        double scale = transform.Scale(normalization, inverse: false);
        if (scale != 1)
            gpu.Vectors.Scale(scale, output);
    }

    /// <summary>Inverse transform of half spectra already on the device into real arrays on the device.</summary>
    public void Inverse(ArrayView<Complex> input, ArrayView<double> output, FftNormalization normalization = FftNormalization.Backward)
    {
        CheckLength(input.Length, (long)SpectrumLength * BatchCount, nameof(input));
        CheckLength(output.Length, (long)Length * BatchCount, nameof(output));
        extend((int)full.Length, input.Cast<GpuComplex>(), full.AsContiguous(), extents);
        var values = Transform(+1);
        narrow(output.IntLength, values, output, transform.Scale(normalization, inverse: true));
        gpu.Accelerator.Synchronize();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        transform.Dispose();
        real.Dispose();
        half.Dispose();
        full.Dispose();
        scratch.Dispose();
    }

    /// <summary>Transforms the full buffer; returns the view holding the result.</summary>
    private ArrayView<GpuComplex> Transform(int sign) =>
        (transform.Execute(full.AsContiguous(), scratch.AsContiguous(), sign) ? scratch : full).AsContiguous();

    private void CheckLength(long length, long expected, string name)
    {
        if (length != expected)
            throw new ArgumentException(
                $"{name} has {length} elements; expected {expected} ({BatchCount} arrays of shape [{string.Join(", ", Shape)}]).", name);
    }
}
