namespace Rom.Cli.Tests;

public class BenchSpectralTests : TempFolderTest
{
    [Test]
    public void QuickRunPrintsJsonRowsAndWritesBothFiles()
    {
        string table = PathOf("bench/spectral.txt");
        var outcome = Cli.Run("bench", "spectral", "--quick", "--json", "--out", table);
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.ToString());
        var rows = JsonDocument.Parse(outcome.Out).RootElement.EnumerateArray().ToList();
        Assert.That(rows, Has.Count.GreaterThanOrEqualTo(3));
        foreach (var row in rows)
        {
            foreach (string key in new[] { "name", "rom_seconds", "reference", "reference_seconds", "ratio" })
                Assert.That(row.TryGetProperty(key, out _), Is.True, $"{key} missing in {row}");
            Assert.That(row.GetProperty("rom_seconds").GetDouble(), Is.GreaterThan(0));
            // Without FFTW the reference time and ratio are null and the note says why.
            if (row.GetProperty("reference_seconds").ValueKind == JsonValueKind.Null)
                Assert.That(row.GetProperty("note").GetString(), Does.Contain("not installed"));
            else
                Assert.That(row.GetProperty("ratio").GetDouble(),
                    Is.EqualTo(row.GetProperty("rom_seconds").GetDouble() / row.GetProperty("reference_seconds").GetDouble()).Within(1e-9).Percent);
        }
        Assert.That(rows.Select(r => r.GetProperty("name").GetString()), Has.Some.StartWith("fft 1-D complex").And.Some.StartWith("fft 2-D real")
            .And.Some.StartWith("kronecker matvec").And.Some.StartWith("gemm"));
        Assert.That(File.ReadAllText(table), Does.Contain("Rom ÷ ref").And.Contain("fft 3-D complex"));
        Assert.That(JsonDocument.Parse(File.ReadAllText(PathOf("bench/spectral.json"))).RootElement.GetArrayLength(), Is.EqualTo(rows.Count));
    }

    [Test]
    public void CheckOutWritesTheNumPyAgreementFile()
    {
        string file = PathOf("fft-check.h5");
        var outcome = Cli.Run("bench", "spectral", "--check-out", file);
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.ToString());
        var root = Hdf5File.Read(file);
        Assert.That(root.Groups.Keys, Has.Member("c1d_prime_ortho").And.Member("r3d_forward"));
        var group = root.Groups["r2d_backward"];
        Assert.That(group.Datasets["input"].Shape, Is.EqualTo(new[] { 2, 64, 50 }));
        Assert.That(group.Datasets["forward"].Shape, Is.EqualTo(new[] { 2, 64, 26, 2 }));
        Assert.That(group.Attributes["kind"].AsStrings()[0], Is.EqualTo("real"));
    }
}
