namespace Rom.Cli.Tests;

public class BenchNeuralTests : TempFolderTest
{
    [Test]
    public void QuickSmallCasePrintsJsonRowsAndWritesBothFiles()
    {
        string table = PathOf("bench/neural.txt");
        var outcome = Cli.Run("bench", "neural", "--quick", "--case", "2d-16", "--threads", "1", "--json", "--out", table);
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.ToString());
        var rows = JsonDocument.Parse(outcome.Out).RootElement.EnumerateArray().ToList();
        Assert.That(rows.Select(r => r.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "fno 2-D 16² b32 w32 m8 l4 train step", "fno 2-D 16² b32 w32 m8 l4 inference per sample" }));
        foreach (var row in rows)
        {
            Assert.That(row.GetProperty("rom_seconds").GetDouble(), Is.GreaterThan(0));
            Assert.That(row.GetProperty("threads").GetInt32(), Is.EqualTo(1));
            Assert.That(row.GetProperty("rom_peak_rss_mib").GetDouble(), Is.GreaterThan(row.GetProperty("rom_baseline_rss_mib").GetDouble()),
                "the child process's peak includes the model");
            // Without python3-torch the reference time and ratio are null and the note says why.
            if (row.GetProperty("reference_seconds").ValueKind == JsonValueKind.Null)
                Assert.That(row.GetProperty("note").GetString(), Does.StartWith("PyTorch not run"));
            else
            {
                Assert.That(row.GetProperty("reference").GetString(), Does.StartWith("PyTorch "));
                Assert.That(row.GetProperty("ratio").GetDouble(),
                    Is.EqualTo(row.GetProperty("rom_seconds").GetDouble() / row.GetProperty("reference_seconds").GetDouble()).Within(1e-9).Percent);
            }
        }
        Assert.That(File.ReadAllText(table), Does.Contain("Rom ÷ PyTorch").And.Contain("inference per sample"));
        Assert.That(JsonDocument.Parse(File.ReadAllText(PathOf("bench/neural.json"))).RootElement.GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public void UnknownCaseIsBadInput()
    {
        var outcome = Cli.Run("bench", "neural", "--case", "4d-9");
        Assert.That(outcome.ExitCode, Is.EqualTo(2), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("2d-64"));
    }
}
