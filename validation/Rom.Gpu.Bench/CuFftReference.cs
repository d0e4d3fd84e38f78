using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Rom.Gpu.Bench;

/// <summary>
/// NVIDIA's cuFFT through ILGPU.Algorithms' bindings, the reference for the GPU FFT rows: a double-precision plan
/// (Z2Z or D2Z) on the same device and stream as Rom.Gpu's kernels. Only for a Cuda accelerator.
/// </summary>
internal sealed class CuFftReference : IDisposable
{
    private readonly CudaAccelerator cuda;
    private readonly CuFFTPlan plan;

    public CuFftReference(CudaAccelerator cuda, IReadOnlyList<int> shape, bool real)
    {
        this.cuda = cuda;
        var type = real ? CuFFTType.CUFFT_D2Z : CuFFTType.CUFFT_Z2Z;
        var cufft = new CuFFT();
        CuFFTPlan? created;
        switch (shape.Count)
        {
            case 1:
                CuFFTException.ThrowIfFailed(cufft.Plan1D(out created, shape[0], type, 1));
                break;
            case 2:
                CuFFTException.ThrowIfFailed(cufft.Plan2D(out created, shape[0], shape[1], type));
                break;
            default:
                CuFFTException.ThrowIfFailed(cufft.Plan3D(out created, shape[0], shape[1], shape[2], type));
                break;
        }
        plan = created ?? throw new InvalidOperationException($"cuFFT made no plan for shape [{string.Join(", ", shape)}].");
        plan.SetStream((CudaStream)cuda.DefaultStream);
    }

    /// <summary>Forward complex transform of <paramref name="values"/>, in place, waiting for the device.</summary>
    public void Forward(ArrayView<Complex> values)
    {
        plan.ExecZ2Z(values, values, CuFFTDirection.FORWARD);
        cuda.Synchronize();
    }

    /// <summary>Forward real-to-complex transform, waiting for the device.</summary>
    public void Forward(ArrayView<double> input, ArrayView<Complex> output)
    {
        plan.ExecD2Z(input, output);
        cuda.Synchronize();
    }

    public void Dispose() => plan.Dispose();
}
