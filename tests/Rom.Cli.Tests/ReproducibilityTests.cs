using System.Collections.Concurrent;

namespace Rom.Cli.Tests;

/// <summary>
/// What the trial found to hold, kept as tests: two runs of a case write the same results bit for bit (but for
/// timings and provenance), and a saved model evaluated from many threads at once gives the sequential answers bit for bit.
/// </summary>
public class ReproducibilityTests : TempFolderTest
{
    private static readonly string[] Small = Cli.Set("problem.squares_per_side=16", "reduction.max_basis_size=15",
        "reduction.training_points=100", "reduction.test_parameters=5", "output.plots=0");

    /// <summary>Members that hold wall times or when and where the run happened, named by any of these.</summary>
    private static readonly string[] Circumstantial = ["seconds", "time", "provenance", "created", "host", "speedup"];

    [Test]
    public void TwoRunsWriteTheSameResults()
    {
        string casePath = Cli.New("thermal-block", PathOf("tb.h5"));
        var trees = new[] { PathOf("a.h5"), PathOf("b.h5") }.Select(results =>
        {
            var run = Cli.Run(["run", casePath, "--out", results, .. Small]);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            return Hdf5File.Read(results);
        }).ToArray();
        var differences = new List<string>();
        int compared = Compare(trees[0], trees[1], "", differences);
        Assert.That(differences, Is.Empty);
        Assert.That(compared, Is.GreaterThan(40), "members compared");
    }

    /// <summary>Compares every attribute and dataset, recursively, except circumstantial ones; returns how many were compared.</summary>
    private static int Compare(DataGroup a, DataGroup b, string path, List<string> differences)
    {
        int compared = 0;
        bool Skip(string name) => Circumstantial.Any(name.Contains);
        foreach (var (members, others, kind) in new[] { (a.Attributes, b.Attributes, "@"), (a.Datasets, b.Datasets, "/") })
        {
            Assert.That(members.Keys, Is.EquivalentTo(others.Keys), path + " " + kind);
            foreach (var (name, value) in members.Where(kv => !Skip(kv.Key)))
            {
                compared++;
                if (!value.Values.Cast<object>().SequenceEqual(others[name].Values.Cast<object>()))
                    differences.Add(path + kind + name);
            }
        }
        Assert.That(a.Groups.Keys, Is.EquivalentTo(b.Groups.Keys), path);
        foreach (var (name, group) in a.Groups.Where(kv => !Skip(kv.Key)))
            compared += Compare(group, b.Groups[name], path + "/" + name, differences);
        return compared;
    }

    [Test]
    public void ASavedModelEvaluatedFromEightThreadsGivesTheSequentialAnswers()
    {
        string casePath = Cli.New("thermal-block", PathOf("tb.h5")), results = PathOf("r.h5");
        Assert.That(Cli.Run(["run", casePath, "--out", results, .. Small]).ExitCode, Is.EqualTo(0));
        var (rom, space) = ReducedModelGroup.Load(results);
        var mus = ParameterSampling.Uniform(space, 1000, 3);
        var sequential = mus.Select(mu => rom.Solve(mu)).ToArray();

        var parallel = new ConcurrentDictionary<int, double[]>();
        Parallel.For(0, mus.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var s = rom.Solve(mus[i]);
            parallel[i] = [.. s.Coefficients, .. s.Outputs, .. s.OutputBounds, s.ErrorBound];
        });
        int differing = Enumerable.Range(0, mus.Count).Count(i =>
        {
            var s = sequential[i];
            return !parallel[i].SequenceEqual([.. s.Coefficients, .. s.Outputs, .. s.OutputBounds, s.ErrorBound]);
        });
        Assert.That(differing, Is.Zero, "parameters whose parallel answer differs in any bit");
    }
}
