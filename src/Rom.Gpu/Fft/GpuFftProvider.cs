using System.Numerics;
using Rom.Spectral;

namespace Rom.Gpu.Fft;

/// <summary>
/// Makes FFT plans that run on a <see cref="GpuContext"/>'s accelerator: 1-D, 2-D and 3-D, batched, every
/// extent a power of two (other lengths are refused with an <see cref="ArgumentException"/>).
/// </summary>
public sealed class GpuFftProvider(GpuContext gpu) : IFftProvider
{
    private readonly GpuContext gpu = gpu ?? throw new ArgumentNullException(nameof(gpu));

    /// <inheritdoc />
    public string Name => gpu.Name;

    /// <inheritdoc cref="IFftProvider.CreateComplex" />
    public GpuComplexFft CreateComplex(IReadOnlyList<int> shape, int batchCount = 1)
    {
        CheckShape(shape, batchCount);
        return new GpuComplexFft(gpu, shape, batchCount);
    }

    /// <inheritdoc cref="IFftProvider.CreateReal" />
    public GpuRealFft CreateReal(IReadOnlyList<int> shape, int batchCount = 1)
    {
        CheckShape(shape, batchCount);
        return new GpuRealFft(gpu, shape, batchCount);
    }

    IComplexFft IFftProvider.CreateComplex(IReadOnlyList<int> shape, int batchCount) => CreateComplex(shape, batchCount);

    IRealFft IFftProvider.CreateReal(IReadOnlyList<int> shape, int batchCount) => CreateReal(shape, batchCount);

    private static void CheckShape(IReadOnlyList<int> shape, int batchCount)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Count is < 1 or > 3)
            throw new ArgumentException($"shape has {shape.Count} axes; the GPU FFT supports 1, 2 or 3.", nameof(shape));
        for (int axis = 0; axis < shape.Count; axis++)
        {
            if (shape[axis] < 1 || !BitOperations.IsPow2(shape[axis]))
                throw new ArgumentException(
                    $"shape[{axis}] is {shape[axis]}; the GPU FFT supports powers of two only (1, 2, 4, 8, …).", nameof(shape));
        }
        if (batchCount < 1)
            throw new ArgumentException($"batchCount is {batchCount}; expected at least 1.", nameof(batchCount));
        long total = shape.Aggregate((long)batchCount, (p, n) => p * n);
        if (total > int.MaxValue)
            throw new ArgumentException(
                $"shape [{string.Join(", ", shape)}] × batchCount {batchCount} is {total} elements; expected at most {int.MaxValue}.", nameof(batchCount));
    }
}
