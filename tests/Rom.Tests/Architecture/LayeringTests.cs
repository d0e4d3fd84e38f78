namespace Rom.Tests.Architecture;

/// <summary>No namespace inside src/Rom reaches upward (docs/architecture.md, "Layers" and "Where the new wings go").</summary>
public class LayeringTests
{
    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rom.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Rom.sln not found above the test folder.");
    }

    [Test]
    public void NoNamespaceInsideRomReachesUpward()
    {
        var files = Layering.Sources(RepositoryRoot(), "src/Rom").ToList();
        Assert.That(files, Has.Count.GreaterThan(100), "the scan should find the library's sources");

        var violations = Layering.Check(files);

        Assert.That(violations, Is.Empty,
            "Layering violations (fix the reference, or the table if a namespace is new):\n" +
            string.Join("\n", violations));
    }

    [Test]
    public void TheCheckFailsOnANamespaceReachingUpward()
    {
        var violations = Layering.Check([("src/Rom/LinearAlgebra/Upward.cs", "namespace Rom.LinearAlgebra; using Rom.Reduction;")]);

        Assert.That(violations, Has.Count.EqualTo(1));
        var v = violations[0];
        Assert.Multiple(() =>
        {
            Assert.That(v.File, Is.EqualTo("src/Rom/LinearAlgebra/Upward.cs"));
            Assert.That(v.Line, Is.EqualTo(1));
            Assert.That(v.Source, Is.EqualTo("Rom.LinearAlgebra"));
            Assert.That(v.Target, Is.EqualTo("Rom.Reduction"));
            Assert.That(v.Rule, Does.Contain("references point down"));
            Assert.That(v.ToString(), Does.StartWith("src/Rom/LinearAlgebra/Upward.cs:1: Rom.LinearAlgebra references Rom.Reduction: "));
        });
    }

    [Test]
    public void FullyQualifiedNamesInCodeCountButCommentsAndStringsDoNot()
    {
        const string text = """
            using Rom.LinearAlgebra;
            using static Rom.Spectral.ComplexPairs;
            using Greedy = Rom.Reduction.Greedy.WeakGreedy;

            namespace Rom.Krylov.Recycling
            {
                /// <summary>Used by <see cref="Rom.Sweeps.SweepSolver"/>.</summary>
                public class Upward
                {
                    // Rom.Models.ISystemFamily in a comment
                    /* Rom.Models.Darcy in a block comment */
                    private const string Name = "Rom.Sweeps.SweepSolver";
                    private static readonly object? Family = default(Rom.Models.ISystemFamily);
                }
            }
            """;

        var violations = Layering.Check([("Upward.cs", text)]);

        Assert.That(violations.Select(v => (v.Line, v.Source, v.Target)), Is.EqualTo(new[]
        {
            (3, "Rom.Krylov.Recycling", "Rom.Reduction.Greedy.WeakGreedy"),
            (13, "Rom.Krylov.Recycling", "Rom.Models.ISystemFamily"),
        }), string.Join("\n", violations));
    }

    [Test]
    public void AnUnknownNamespaceFailsWithAnInstruction()
    {
        var violations = Layering.Check([("src/Rom/Wavelets/Haar.cs", "namespace Rom.Wavelets;\nclass Haar { }")]);

        Assert.That(violations, Has.Count.EqualTo(1));
        Assert.That(violations[0].Rule, Does.Contain("not in the layering table").And.Contain("add it"));
    }

    // The rule on its own: the current wings, and the reserved ones that are about to land.
    [TestCase("Rom.LinearAlgebra", "Rom.Parameters.ParameterSpace")]
    [TestCase("Rom.LinearAlgebra.Dense", "Rom.LinearAlgebra.Direct")]
    [TestCase("Rom.Krylov.Recycling", "Rom.LinearAlgebra")]
    [TestCase("Rom.Models.Darcy", "Rom.Krylov")]
    [TestCase("Rom.Models.Darcy", "Rom.Spectral.Chebyshev")]
    [TestCase("Rom.Sweeps", "Rom.Models")]
    [TestCase("Rom.Reduction.Interpolation", "Rom.Formulas")]
    [TestCase("Rom.Tensors.Ops", "Rom.LinearAlgebra.Dense")]
    [TestCase("Rom.Tensors", "Rom.Spectral")]
    [TestCase("Rom.Neural.Layers", "Rom.Tensors.Tape")]
    [TestCase("Rom.Neural", "Rom.Spectral")]
    [TestCase("Rom.SpectralSolvers", "Rom.Neural.Models")]
    [TestCase("Rom.SpectralSolvers", "Rom.Spectral")]
    [TestCase("Rom.GaussianProcesses", "Rom.Krylov")]
    [TestCase("Rom.GaussianProcesses", "Rom.Tensors")]
    public void Allowed(string source, string target) =>
        Assert.That(Layering.Violation(source, target), Is.Null);

    [TestCase("Rom.LinearAlgebra", "Rom.Reduction")]
    [TestCase("Rom.Spectral", "Rom.Krylov")]
    [TestCase("Rom.Krylov", "Rom.Models")]
    [TestCase("Rom.Krylov", "Rom.Sweeps")]
    [TestCase("Rom.Models", "Rom.Sweeps")]
    [TestCase("Rom.Models", "Rom.Reduction.Interpolation")]
    [TestCase("Rom.Sweeps", "Rom.Reduction")]
    [TestCase("Rom.Reduction", "Rom.Sweeps")]
    [TestCase("Rom.Krylov", "Rom.Tensors")]
    [TestCase("Rom.Tensors", "Rom.Krylov")]
    [TestCase("Rom.Tensors", "Rom.Parameters")]
    [TestCase("Rom.Tensors", "Rom.Neural")]
    [TestCase("Rom.Spectral", "Rom.SpectralSolvers")]
    [TestCase("Rom.Neural", "Rom.Krylov")]
    [TestCase("Rom.Neural", "Rom.Models")]
    [TestCase("Rom.Neural", "Rom.SpectralSolvers")]
    [TestCase("Rom.Models", "Rom.Neural")]
    [TestCase("Rom.GaussianProcesses", "Rom.Neural")]
    [TestCase("Rom.GaussianProcesses", "Rom.SpectralSolvers")]
    [TestCase("Rom.SpectralSolvers", "Rom.GaussianProcesses")]
    [TestCase("Rom.SpectralSolvers", "Rom.Krylov")]
    public void Forbidden(string source, string target) =>
        Assert.That(Layering.Violation(source, target), Is.Not.Null);

    [Test]
    public void AllowedSetsNeverPointUpOrSideways()
    {
        foreach (var wing in Layering.Table.Where(w => w.MayReference is not null))
            foreach (string prefix in wing.MayReference!)
            {
                var target = Layering.Table.SingleOrDefault(w => w.Prefix == prefix);
                Assert.That(target, Is.Not.Null, $"{wing.Prefix} lists {prefix}, which is not in the table");
                Assert.That(target!.Rank, Is.LessThan(wing.Rank), $"{wing.Prefix} lists {prefix} of rank {target.Rank}");
            }
    }
}
