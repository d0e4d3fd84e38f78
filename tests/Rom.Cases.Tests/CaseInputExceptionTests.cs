namespace Rom.Cases.Tests;

public class CaseInputExceptionTests
{
    [Test]
    public void TheMessageNamesFileFieldValueAndExpectation()
    {
        var e = new CaseInputException("run.diffusion[3]", "-1", "a value in [0.1, 1]", "cases/block.h5");
        Assert.That(e.Message, Is.EqualTo("cases/block.h5: run.diffusion[3]: got -1; expected a value in [0.1, 1]."));
        Assert.That(e.SettingKey, Is.EqualTo("run.diffusion"));
        Assert.That((e.Field, e.Value, e.Expected, e.File), Is.EqualTo(("run.diffusion[3]", "-1", "a value in [0.1, 1]", "cases/block.h5")));
    }

    [Test]
    public void CommandLineErrorsGainTheirFileOnce()
    {
        var e = new CaseInputException("--set solver.method", "'x'", "one of 'cg'");
        Assert.That(e.Message, Is.EqualTo("--set solver.method: got 'x'; expected one of 'cg'."));
        var inFile = e.InFile("a.h5");
        Assert.That(inFile.Message, Does.StartWith("a.h5: --set solver.method"));
        Assert.That(inFile.InFile("b.h5"), Is.SameAs(inFile), "a file already named is kept");
    }
}
