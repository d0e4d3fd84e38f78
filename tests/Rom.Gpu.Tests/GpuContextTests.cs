namespace Rom.Gpu.Tests;

public class GpuContextTests
{
    [Test]
    public void UnknownOrAbsentDeviceKindsAreRefusedWithTheReason()
    {
        var e = Assert.Throws<ArgumentException>(() => GpuContext.Create("tpu"));
        Assert.That(e!.ParamName, Is.EqualTo("kind"));
        Assert.That(e.Message, Does.Contain("'tpu'").And.Contain("auto, cuda, opencl or cpu"));
        using var cpu = GpuContext.Create("cpu");
        Assert.That(cpu.Name, Does.StartWith("gpu (CPU"));
    }
}
