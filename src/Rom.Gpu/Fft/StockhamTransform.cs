using ILGPU;
using ILGPU.Runtime;
using Rom.Spectral;

namespace Rom.Gpu.Fft;

/// <summary>
/// The device side of a complex FFT plan: per axis, a twiddle table ω_n^k = exp(−2πi·k/n), k &lt; n, and the
/// list of radix-4 (then at most one radix-2) Stockham passes; the passes of every axis run one after another,
/// ping-ponging between the data and a scratch buffer of the same size.
/// </summary>
internal sealed class StockhamTransform : IDisposable
{
    private readonly GpuContext gpu;
    private readonly int[] shape;
    private readonly int batchCount;
    private readonly MemoryBuffer1D<GpuComplex, Stride1D.Dense>[] twiddles;
    private readonly Action<Index1D, ArrayView<GpuComplex>, ArrayView<GpuComplex>, ArrayView<GpuComplex>, StockhamPass> radix2;
    private readonly Action<Index1D, ArrayView<GpuComplex>, ArrayView<GpuComplex>, ArrayView<GpuComplex>, StockhamPass> radix4;

    public StockhamTransform(GpuContext gpu, IReadOnlyList<int> shape, int batchCount)
    {
        this.gpu = gpu;
        this.shape = [.. shape];
        this.batchCount = batchCount;
        Length = this.shape.Aggregate(1, (p, n) => p * n);
        twiddles = [.. this.shape.Select(n => gpu.Upload<GpuComplex>(TwiddleTable(n)))];
        radix2 = gpu.Accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<GpuComplex>, ArrayView<GpuComplex>, ArrayView<GpuComplex>, StockhamPass>(StockhamKernels.Radix2);
        radix4 = gpu.Accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<GpuComplex>, ArrayView<GpuComplex>, ArrayView<GpuComplex>, StockhamPass>(StockhamKernels.Radix4);
    }

    /// <summary>Elements of one array.</summary>
    public int Length { get; }

    /// <summary>
    /// Transforms every array of <paramref name="data"/> along every axis with exponent sign
    /// <paramref name="sign"/>, using <paramref name="scratch"/> as the second Stockham buffer; returns the
    /// view that holds the result (data or scratch). Nothing is scaled.
    /// </summary>
    public bool Execute(ArrayView<GpuComplex> data, ArrayView<GpuComplex> scratch, int sign)
    {
        int outer = batchCount, inner = Length;
        bool inScratch = false;
        for (int axis = 0; axis < shape.Length; axis++)
        {
            int n = shape[axis];
            inner /= n;
            var table = twiddles[axis].AsContiguous();
            int ns = 1;
            while (ns < n)
            {
                int radix = n / ns >= 4 ? 4 : 2;
                var pass = new StockhamPass(n, inner, ns, sign);
                (radix == 4 ? radix4 : radix2)(outer * inner * (n / radix), data, scratch, table, pass);
                (data, scratch) = (scratch, data);
                inScratch = !inScratch;
                ns *= radix;
            }
            outer *= n;
        }
        gpu.Accelerator.Synchronize();
        return inScratch;
    }

    /// <summary>The factor that <paramref name="normalization"/> puts on a transform of N = <see cref="Length"/> points.</summary>
    public double Scale(FftNormalization normalization, bool inverse) => normalization switch
    {
        FftNormalization.Backward => inverse ? 1.0 / Length : 1.0,
        FftNormalization.Ortho => 1.0 / Math.Sqrt(Length),
        FftNormalization.Forward => inverse ? 1.0 : 1.0 / Length,
        _ => throw new ArgumentException($"normalization is {normalization}; expected Backward, Ortho or Forward.", nameof(normalization)),
    };

    public void Dispose()
    {
        foreach (var table in twiddles)
            table.Dispose();
    }

    private static GpuComplex[] TwiddleTable(int n)
    {
        var table = new GpuComplex[n];
        for (int k = 0; k < n; k++)
        {
            double angle = -2 * Math.PI * k / n;
            table[k] = new GpuComplex(Math.Cos(angle), Math.Sin(angle));
        }
        return table;
    }
}
