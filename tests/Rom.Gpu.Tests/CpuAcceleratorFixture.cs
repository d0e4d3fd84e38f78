namespace Rom.Gpu.Tests;

/// <summary>
/// Base of fixtures whose tests share one context on ILGPU's CPU accelerator and one <typeparamref name="T"/> built on
/// it: both are created before the fixture's first test and disposed after its last.
/// </summary>
public abstract class CpuAcceleratorFixture<T>(Func<GpuContext, T> create) where T : class
{
    private GpuContext? gpu;
    private T? subject;

    /// <summary>The shared context.</summary>
    protected GpuContext Gpu => gpu ?? throw new InvalidOperationException("The fixture is not set up.");

    /// <summary>The object under test, built on <see cref="Gpu"/>.</summary>
    protected T Subject => subject ?? throw new InvalidOperationException("The fixture is not set up.");

    [OneTimeSetUp]
    public void CreateContext()
    {
        gpu = GpuContext.CreateCpu();
        subject = create(gpu);
    }

    [OneTimeTearDown]
    public void DisposeContext()
    {
        (subject as IDisposable)?.Dispose();
        gpu?.Dispose();
    }
}
