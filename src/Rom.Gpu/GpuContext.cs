using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;

namespace Rom.Gpu;

/// <summary>
/// One ILGPU accelerator and the context that owns it: every Rom.Gpu object is created on a GpuContext and
/// must be disposed before it. <see cref="CreateDefault"/> picks the best device present (Cuda, then OpenCL,
/// then ILGPU's CPU accelerator, which emulates GPU threads and is only good for checking kernels).
/// </summary>
public sealed class GpuContext : IDisposable
{
    private Vectors.GpuVectors? vectors;

    private GpuContext(Context context, Device device)
    {
        Context = context;
        Accelerator = device.CreateAccelerator(context);
        TileSize = LargestSquareTile(Accelerator.MaxNumThreadsPerGroup);
    }

    /// <summary>The ILGPU context (compiler and kernel cache).</summary>
    public Context Context { get; }

    /// <summary>The device kernels run on.</summary>
    public Accelerator Accelerator { get; }

    /// <summary>Short name for reports, e.g. "gpu (Cuda, NVIDIA H100 80GB HBM3)".</summary>
    public string Name => $"gpu ({Accelerator.AcceleratorType}, {Accelerator.Name})";

    /// <summary>The BLAS-1 kernels on this accelerator, compiled on first use.</summary>
    public Vectors.GpuVectors Vectors => vectors ??= new Vectors.GpuVectors(this);

    /// <summary>Side of the square thread groups of tiled kernels: 16, or less where groups must be smaller.</summary>
    internal int TileSize { get; }

    /// <summary>The best device present: Cuda, then OpenCL, then the CPU accelerator.</summary>
    public static GpuContext CreateDefault()
    {
        var context = Context.Create(builder => builder.Default());
        return new GpuContext(context, context.GetPreferredDevice(preferCPU: false));
    }

    /// <summary>
    /// A context on one kind of device: <paramref name="kind"/> is "auto" (as <see cref="CreateDefault"/>),
    /// "cuda", "opencl" or "cpu".
    /// </summary>
    public static GpuContext Create(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (kind == "auto")
            return CreateDefault();
        if (kind == "cpu")
            return CreateCpu();
        AcceleratorType type = kind switch
        {
            "cuda" => AcceleratorType.Cuda,
            "opencl" => AcceleratorType.OpenCL,
            _ => throw new ArgumentException($"kind is '{kind}'; expected auto, cuda, opencl or cpu.", nameof(kind)),
        };
        var context = Context.Create(builder => builder.Default());
        var device = context.Devices.FirstOrDefault(d => d.AcceleratorType == type);
        if (device is null)
        {
            context.Dispose();
            throw new ArgumentException($"kind is '{kind}' but no {type} device is present.", nameof(kind));
        }
        return new GpuContext(context, device);
    }

    /// <summary>ILGPU's CPU accelerator: runs every kernel by emulating GPU threads, for tests without a GPU.</summary>
    public static GpuContext CreateCpu()
    {
        var context = Context.Create(builder => builder.CPU(CPUDeviceKind.Default));
        return new GpuContext(context, context.GetCPUDevice(0));
    }

    /// <summary>Copies host values into a new device buffer.</summary>
    internal MemoryBuffer1D<T, Stride1D.Dense> Upload<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        var buffer = Accelerator.Allocate1D<T>(Math.Max(values.Length, 1));
        if (!values.IsEmpty)
            buffer.AsContiguous().SubView(0, values.Length).CopyFromCPU(values);
        return buffer;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Accelerator.Dispose();
        Context.Dispose();
    }

    private static int LargestSquareTile(int maxThreadsPerGroup)
    {
        int tile = 16;
        while (tile * tile > maxThreadsPerGroup)
            tile /= 2;
        return tile;
    }
}
