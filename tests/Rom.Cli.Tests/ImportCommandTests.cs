namespace Rom.Cli.Tests;

/// <summary>
/// <c>rom import</c> on a TFNO state dict in neuraloperator's layout (Data/tfno1d_state_dict.pt, written by
/// <c>torch_fno.py statedict OUT.pt OUT.h5 --dims 1 --metadata tfno</c>; the import's numbers are checked against
/// PyTorch in Rom.IO.Tests) and on bad input.
/// </summary>
public class ImportCommandTests : TempFolderTest
{
    private static string StateDict => Path.Combine(Cli.RepoRoot, "tests", "Rom.Cli.Tests", "Data", "tfno1d_state_dict.pt");

    [Test]
    public void Import_WritesAModelThatInfoReads()
    {
        string model = PathOf("model.h5");
        var json = Cli.Json("import", StateDict, "--out", model, "--json");
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("factorization").GetString(), Is.EqualTo("tucker"));
            Assert.That(json.GetProperty("rank").GetDouble(), Is.EqualTo(0.1));
            Assert.That(json.GetProperty("dimensions").GetInt32(), Is.EqualTo(1));
            Assert.That(json.GetProperty("parameters").GetInt64(), Is.GreaterThan(0));
        });
        var info = Cli.Run("info", model);
        Assert.That(info.ExitCode, Is.EqualTo(0), info.ToString());
        Assert.That(info.Out, Does.Contain("TFNO, 1-D, 2 → 1 channels"));
    }

    [TestCase("missing.pt", new string[0], "no such file")]
    [TestCase("DATA", new[] { "--set", "bogus=1" }, "bogus")]
    [TestCase("DATA", new[] { "--set", "n_modes" }, "key=value")]
    [TestCase("DATA", new[] { "--set", "rank=0.5" }, "fno_blocks.convs.0.weight.core")]
    public void BadInput_ExitsTwoWithOneLine_AndWritesNothing(string source, string[] extra, string named)
    {
        string model = PathOf("model.h5");
        var run = Cli.Run(["import", source == "DATA" ? StateDict : PathOf(source), "--out", model, .. extra]);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain(named));
        Assert.That(Directory.GetFiles(Dir), Is.Empty);
    }
}
