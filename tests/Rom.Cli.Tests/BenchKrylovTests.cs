namespace Rom.Cli.Tests;

public class BenchKrylovTests : TempFolderTest
{
    [Test]
    public void SmallBenchmarkPrintsOneSaneRowPerModeAndWritesBothFiles()
    {
        string table = PathOf("bench.txt");
        var outcome = Cli.Run("bench", "krylov", "--count", "3", "--sizes", "small", "--json", "--out", table);
        Assert.That(outcome.ExitCode, Is.Zero, outcome.ToString());
        Assert.That(File.ReadAllText(table), Does.Contain("gcro-dr(40,20) sorted").And.Contain("spsolve"));
        using var rows = JsonDocument.Parse(outcome.Out);
        Assert.That(File.ReadAllText(Path.ChangeExtension(table, ".json")), Is.EqualTo(outcome.Out));
        var all = rows.RootElement.EnumerateArray().ToList();
        var families = all.Select(r => r.GetProperty("family").GetString()).Distinct().ToList();
        Assert.That(families, Is.EquivalentTo(new[] { "skr-darcy", "skr-helmholtz", "darcy-spd" }));
        foreach (var row in all)
        {
            string what = row.ToString();
            foreach (var key in new[] { "family", "n", "mode", "preconditioner", "avg_iterations", "avg_seconds", "iteration_ratio", "time_ratio", "scipy_best_seconds" })
                Assert.That(row.TryGetProperty(key, out _), key + " in " + what);
            Assert.That(row.GetProperty("avg_seconds").GetDouble(), Is.GreaterThan(0).And.LessThan(60), what);
            Assert.That(row.GetProperty("scipy_best_seconds").GetDouble(), Is.GreaterThan(0), what);
            Assert.That(row.GetProperty("converged").GetInt32(), Is.EqualTo(row.GetProperty("systems").GetInt32()), what);
            Assert.That(row.GetProperty("max_relative_residual").GetDouble(), Is.LessThanOrEqualTo(1e-8), what);
        }
        // Each block's first row is its reference; the same matrices give SciPy's GMRES(40) Rom's iteration count within 10 %.
        foreach (var block in all.GroupBy(r => (r.GetProperty("family").GetString(), r.GetProperty("n").GetInt32())))
        {
            Assert.That(block.First().GetProperty("iteration_ratio").GetDouble(), Is.EqualTo(1));
            Assert.That(block.First().GetProperty("time_ratio").GetDouble(), Is.EqualTo(1));
        }
        foreach (var family in new[] { "skr-darcy", "skr-helmholtz" })
        {
            var rom = all.Single(r => r.GetProperty("family").GetString() == family && r.GetProperty("source").GetString() == "rom" && r.GetProperty("mode").GetString() == "gmres(40)");
            var scipy = all.Single(r => r.GetProperty("family").GetString() == family && r.GetProperty("source").GetString() == "scipy" && r.GetProperty("mode").GetString() == "gmres(40)");
            Assert.That(rom.GetProperty("avg_matvecs").GetDouble(), Is.LessThanOrEqualTo(1.1 * scipy.GetProperty("avg_matvecs").GetDouble()));
            var sorted = all.Single(r => r.GetProperty("family").GetString() == family && r.GetProperty("mode").GetString() == "gcro-dr(40,20) sorted");
            Assert.That(sorted.GetProperty("iteration_ratio").GetDouble(), Is.LessThan(1), "recycling needs fewer iterations than GMRES(40)");
        }
    }

    [Test]
    public void UnknownFamilyOrSizeIsBadInput()
    {
        var family = Cli.Run("bench", "krylov", "--families", "skr-darcy,poisson");
        Assert.That(family.ExitCode, Is.EqualTo(2), family.ToString());
        Assert.That(family.Error, Does.Contain("'poisson'").And.Contain("skr-darcy"));
        var sizes = Cli.Run("bench", "krylov", "--sizes", "huge");
        Assert.That(sizes.ExitCode, Is.EqualTo(2), sizes.ToString());
        Assert.That(sizes.Error, Does.Contain("'huge'"));
    }
}
