using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Rom.Spectral;

namespace Rom.Gpu.Fft;

/// <summary>
/// A batched complex FFT of power-of-two extents (1-D to 3-D) on a GPU: Stockham radix-4/2 passes along each
/// axis (<see cref="StockhamTransform"/>). The span methods copy to the device and back; the
/// <see cref="ArrayView{T}"/> methods transform data that already lives on the device, in place.
/// Made by <see cref="GpuFftProvider.CreateComplex"/>; dispose it to free its device buffers.
/// </summary>
public sealed class GpuComplexFft : IComplexFft, IDisposable
{
    private readonly GpuContext gpu;
    private readonly StockhamTransform transform;
    private readonly MemoryBuffer1D<GpuComplex, Stride1D.Dense> data;
    private readonly MemoryBuffer1D<GpuComplex, Stride1D.Dense> scratch;

    internal GpuComplexFft(GpuContext gpu, IReadOnlyList<int> shape, int batchCount)
    {
        this.gpu = gpu;
        Shape = [.. shape];
        BatchCount = batchCount;
        transform = new StockhamTransform(gpu, shape, batchCount);
        data = gpu.Accelerator.Allocate1D<GpuComplex>((long)Length * batchCount);
        scratch = gpu.Accelerator.Allocate1D<GpuComplex>((long)Length * batchCount);
    }

    /// <inheritdoc />
    public IReadOnlyList<int> Shape { get; }

    /// <inheritdoc />
    public int BatchCount { get; }

    /// <inheritdoc />
    public int Length => transform.Length;

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<Complex> input, Span<Complex> output, FftNormalization normalization = FftNormalization.Backward) =>
        RunOnHost(input, output, -1, transform.Scale(normalization, inverse: false));

    /// <inheritdoc />
    public void Inverse(ReadOnlySpan<Complex> input, Span<Complex> output, FftNormalization normalization = FftNormalization.Backward) =>
        RunOnHost(input, output, +1, transform.Scale(normalization, inverse: true));

    /// <summary>Forward transform, in place, of a batch already on the device.</summary>
    public void Forward(ArrayView<Complex> values, FftNormalization normalization = FftNormalization.Backward) =>
        RunOnDevice(values, -1, transform.Scale(normalization, inverse: false));

    /// <summary>Inverse transform, in place, of a batch already on the device.</summary>
    public void Inverse(ArrayView<Complex> values, FftNormalization normalization = FftNormalization.Backward) =>
        RunOnDevice(values, +1, transform.Scale(normalization, inverse: true));

    /// <inheritdoc />
    public void Dispose()
    {
        transform.Dispose();
        data.Dispose();
        scratch.Dispose();
    }

    private void RunOnHost(ReadOnlySpan<Complex> input, Span<Complex> output, int sign, double scale)
    {
        CheckLength(input.Length, nameof(input));
        CheckLength(output.Length, nameof(output));
        data.AsContiguous().Cast<Complex>().CopyFromCPU(input);
        bool inScratch = transform.Execute(data.AsContiguous(), scratch.AsContiguous(), sign);
        var result = (inScratch ? scratch : data).AsContiguous().Cast<Complex>();
        if (scale != 1)
            gpu.Vectors.Scale(scale, result);
        result.CopyToCPU(output);
    }

    private void RunOnDevice(ArrayView<Complex> values, int sign, double scale)
    {
        CheckLength(values.Length, nameof(values));
        bool inScratch = transform.Execute(values.Cast<GpuComplex>(), scratch.AsContiguous(), sign);
        if (inScratch)
        {
            scratch.AsContiguous().Cast<Complex>().CopyTo(values);
            gpu.Accelerator.Synchronize();
        }
        if (scale != 1)
            gpu.Vectors.Scale(scale, values);
    }

    private void CheckLength(long length, string name)
    {
        long expected = (long)Length * BatchCount;
        if (length != expected)
            throw new ArgumentException(
                $"{name} has {length} elements; expected {expected} ({BatchCount} arrays of shape [{string.Join(", ", Shape)}]).", name);
    }
}
