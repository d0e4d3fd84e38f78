using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace Rom.Gpu.Vectors;

/// <summary>
/// BLAS-1 kernels on device views, the GPU counterpart of <see cref="Rom.LinearAlgebra.Vectors"/>: axpy,
/// scale, a dot product reduced in shared memory per thread group, and the pointwise complex product a
/// spectral convolution needs. Every call is synchronous (it returns once the device is done).
/// </summary>
public sealed class GpuVectors
{
    private readonly GpuContext gpu;
    private readonly Action<Index1D, double, ArrayView<double>, ArrayView<double>> axpy;
    private readonly Action<Index1D, double, ArrayView<double>> scale;
    private readonly Action<Index1D, ArrayView<GpuComplex>, ArrayView<GpuComplex>, ArrayView<GpuComplex>> multiply;
    private readonly Action<KernelConfig, ArrayView<double>, ArrayView<double>, ArrayView<double>> dot;
    private readonly int dotGroupSize;

    /// <summary>Compiles the kernels for <paramref name="gpu"/>'s accelerator.</summary>
    public GpuVectors(GpuContext gpu)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        this.gpu = gpu;
        var accelerator = gpu.Accelerator;
        axpy = accelerator.LoadAutoGroupedStreamKernel<Index1D, double, ArrayView<double>, ArrayView<double>>(AxpyKernel);
        scale = accelerator.LoadAutoGroupedStreamKernel<Index1D, double, ArrayView<double>>(ScaleKernel);
        multiply = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<GpuComplex>, ArrayView<GpuComplex>, ArrayView<GpuComplex>>(MultiplyKernel);
        dot = accelerator.LoadStreamKernel<ArrayView<double>, ArrayView<double>, ArrayView<double>>(DotKernel);
        dotGroupSize = Math.Min(256, accelerator.MaxNumThreadsPerGroup);
    }

    /// <summary>Computes y ← a x + y.</summary>
    public void Axpy(double a, ArrayView<double> x, ArrayView<double> y)
    {
        SameLength(x.Length, y.Length, nameof(y));
        if (x.Length == 0)
            return;
        axpy((int)x.Length, a, x, y);
        gpu.Accelerator.Synchronize();
    }

    /// <summary>Computes x ← a x.</summary>
    public void Scale(double a, ArrayView<double> x)
    {
        if (x.Length == 0)
            return;
        scale((int)x.Length, a, x);
        gpu.Accelerator.Synchronize();
    }

    /// <summary>Computes x ← a x for complex x and real a.</summary>
    public void Scale(double a, ArrayView<Complex> x) => Scale(a, x.Cast<double>());

    /// <summary>Computes z[k] ← x[k]·y[k] (complex); z may be x or y.</summary>
    public void Multiply(ArrayView<Complex> x, ArrayView<Complex> y, ArrayView<Complex> z)
    {
        SameLength(x.Length, y.Length, nameof(y));
        SameLength(x.Length, z.Length, nameof(z));
        if (x.Length == 0)
            return;
        multiply((int)x.Length, x.Cast<GpuComplex>(), y.Cast<GpuComplex>(), z.Cast<GpuComplex>());
        gpu.Accelerator.Synchronize();
    }

    /// <summary>Returns xᵀy, summed per thread group in shared memory and across groups atomically.</summary>
    public double Dot(ArrayView<double> x, ArrayView<double> y)
    {
        SameLength(x.Length, y.Length, nameof(y));
        using var sum = gpu.Accelerator.Allocate1D<double>(1);
        sum.MemSetToZero();
        // A few groups per multiprocessor keep the device busy; more would only add atomic adds.
        int groups = (int)Math.Min((x.Length + dotGroupSize - 1) / dotGroupSize, 8L * gpu.Accelerator.NumMultiprocessors);
        if (groups > 0)
        {
            var config = new KernelConfig(groups, dotGroupSize, SharedMemoryConfig.RequestDynamic<double>(dotGroupSize));
            dot(config, x, y, sum.AsContiguous());
        }
        var result = new double[1];
        sum.CopyToCPU(result);
        return result[0];
    }

    private static void AxpyKernel(Index1D k, double a, ArrayView<double> x, ArrayView<double> y) => y[k] += a * x[k];

    private static void ScaleKernel(Index1D k, double a, ArrayView<double> x) => x[k] *= a;

    private static void MultiplyKernel(Index1D k, ArrayView<GpuComplex> x, ArrayView<GpuComplex> y, ArrayView<GpuComplex> z) =>
        z[k] = x[k] * y[k];

    /// <summary>
    /// Each thread sums a grid-strided slice; the group then halves its partial sums in shared memory
    /// (tree reduction, group size a power of two) and one thread adds the group's total to sum[0].
    /// </summary>
    private static void DotKernel(ArrayView<double> x, ArrayView<double> y, ArrayView<double> sum)
    {
        var partial = SharedMemory.GetDynamic<double>();
        double acc = 0;
        for (long k = Grid.GlobalIndex.X; k < x.Length; k += Grid.DimX * Group.DimX)
            acc += x[k] * y[k];
        partial[Group.IdxX] = acc;
        Group.Barrier();
        for (int half = Group.DimX / 2; half > 0; half /= 2)
        {
            if (Group.IdxX < half)
                partial[Group.IdxX] += partial[Group.IdxX + half];
            Group.Barrier();
        }
        if (Group.IdxX == 0)
            Atomic.Add(ref sum[0], partial[0]);
    }

    private static void SameLength(long expected, long actual, string name)
    {
        if (expected != actual)
            throw new ArgumentException($"{name} has {actual} elements; expected {expected}, the length of x.", name);
    }
}
