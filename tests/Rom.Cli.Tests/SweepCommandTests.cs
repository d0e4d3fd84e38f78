using Rom.Cases;
using Rom.Cases.Kinds;
using Rom.Models.Darcy;
using Rom.Reduction.Snapshots;

namespace Rom.Cli.Tests;

public class SweepCommandTests : TempFolderTest
{
    // Datasets that must agree between two runs of one sweep (all but the timings).
    private static readonly string[] SampleData = ["indices", "positions", "inputs", "solutions", "iterations", "matvecs", "residuals", "converged", "warm_start_from", "order"];

    private string SmallCase(params string[] settings)
    {
        string path = Cli.New("sweep", PathOf("sweep.h5"));
        var root = Hdf5File.Read(path);
        var s = Rom.Cases.Settings.CaseSettings.Read(root, new SweepKind().Settings);
        foreach (var assignment in new[] { "problem.grid_size=18", "problem.count=12", "output.plots=0" }.Concat(settings))
            s.Override(assignment);
        s.WriteTo(root);
        Hdf5File.Write(path, root);
        return path;
    }

    [Test]
    public void SweepWritesADatasetThatReadsBack()
    {
        string casePath = SmallCase("problem.seed=3"), data = PathOf("data.h5");
        var o = Cli.Json("sweep", casePath, "--out", data, "--json");
        Assert.That((o.GetProperty("count").GetInt64(), o.GetProperty("n").GetInt64(), o.GetProperty("method").GetString(), o.GetProperty("all_converged").GetBoolean(), o.GetProperty("out").GetString()),
            Is.EqualTo((12L, 256L, "gcro-dr", true, data)));
        Assert.That(o.GetProperty("avg_iterations").GetDouble(), Is.GreaterThan(0));
        Assert.That(o.GetProperty("avg_matvecs").GetDouble(), Is.GreaterThan(0));
        Assert.That(o.GetProperty("avg_seconds").GetDouble(), Is.GreaterThan(0));
        Assert.That(o.GetProperty("total_seconds").GetDouble(), Is.GreaterThan(0));
        Assert.That(File.Exists(data) && !Directory.Exists(data + ".partial"), "the dataset is written and the checkpoint removed");

        var tree = Hdf5File.Read(data);
        Assert.That(tree.Dataset("indices").AsLongs(), Is.EqualTo(Enumerable.Range(0, 12).Select(i => (long)i)));
        Assert.That(tree.Dataset("order").AsLongs().Order(), Is.EqualTo(Enumerable.Range(0, 12).Select(i => (long)i)), "the order is a permutation");
        Assert.That(tree.Dataset("inputs").Shape, Is.EqualTo(new[] { 12, 18 * 18 }));
        Assert.That(tree.Dataset("solutions").Shape, Is.EqualTo(new[] { 12, 256 }));
        var family = new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 18, Count: 12, Seed: 3));
        var inputs = tree.Dataset("inputs").AsDoubles();
        var solutions = tree.Dataset("solutions").AsDoubles();
        for (int i = 0; i < 12; i++)
        {
            Assert.That(inputs.AsSpan(i * 324, 324).ToArray(), Is.EqualTo(family.Coefficient(i).Cast<double>()), $"input row {i} is the field of system {i}");
            var (a, b) = family.System(i);
            var r = new double[256];
            a.Apply(solutions.AsSpan(i * 256, 256), r);
            for (int k = 0; k < 256; k++) r[k] = b[k] - r[k];
            Assert.That(Vectors.Norm(r) / Vectors.Norm(b), Is.LessThanOrEqualTo(1e-8), $"solution row {i} solves system {i}");
        }
        Assert.That(tree.Dataset("residuals").AsDoubles().Max(), Is.LessThanOrEqualTo(1e-8));
        Assert.That(tree.Dataset("converged").AsLongs(), Is.All.EqualTo(1));
        Assert.That(tree.Attributes["family"].AsStrings()[0], Is.EqualTo("skr-darcy"));
        Assert.That(tree.Group("case/sweep").Attributes["method"].AsStrings()[0], Is.EqualTo("gcro-dr"));
    }

    [TestCase("gmres", true)]
    [TestCase("gcro-dr", false)]
    public void ShardsMergedEqualTheUnshardedRun(string method, bool exact)
    {
        string casePath = SmallCase("sweep.method=" + method), whole = PathOf("whole.h5"), one = PathOf("one.h5"), two = PathOf("two.h5"), merged = PathOf("merged.h5");
        Assert.That(Cli.Run("sweep", casePath, "--out", whole).ExitCode, Is.EqualTo(0));
        Assert.That(Cli.Run("sweep", casePath, "--out", one, "--shard", "1/2").ExitCode, Is.EqualTo(0));
        Assert.That(Cli.Run("sweep", casePath, "--out", two, "--shard", "2/2").ExitCode, Is.EqualTo(0));
        Assert.That(Hdf5File.Read(one).Dataset("indices").Count + Hdf5File.Read(two).Dataset("indices").Count, Is.EqualTo(12));
        var merge = Cli.Run("sweep", "merge", two, one, "--out", merged);
        Assert.That(merge.ExitCode, Is.EqualTo(0), merge.ToString());
        var a = Hdf5File.Read(whole);
        var b = Hdf5File.Read(merged);
        Assert.That(b.Attributes["shard"].AsStrings()[0], Is.EqualTo("1/1"));
        if (exact)
            foreach (string name in SampleData)
                Assert.That(b.Dataset(name).Values, Is.EqualTo(a.Dataset(name).Values), name);
        else
        {
            // A shard starts with an empty recycle space, so the second half solves differently, to the same tolerance.
            foreach (string name in new[] { "indices", "positions", "inputs", "order" })
                Assert.That(b.Dataset(name).Values, Is.EqualTo(a.Dataset(name).Values), name);
            var (x, y) = (a.Dataset("solutions").AsDoubles(), b.Dataset("solutions").AsDoubles());
            double difference = Math.Sqrt(x.Zip(y, (p, q) => (p - q) * (p - q)).Sum()) / Vectors.Norm(x);
            Assert.That(difference, Is.LessThan(1e-5));
            Assert.That(b.Dataset("residuals").AsDoubles().Max(), Is.LessThanOrEqualTo(1e-8));
        }
    }

    /// <summary>
    /// HAPOD of a sweep's solutions: each shard stores the POD of its own, the merge combines them, and the basis meets
    /// the ℓ²-mean error ε* over all solutions with as many modes as the POD of all solutions at once, whose modes it
    /// holds to the bound √m·ε*/σ_i that ε* implies.
    /// </summary>
    [Test]
    public void ShardedHapodMatchesThePodOfAllSolutions()
    {
        const double epsilon = 0.05;
        string casePath = SmallCase("problem.count=24", $"pod.mean_error={epsilon}"), whole = PathOf("whole.h5"), merged = PathOf("merged.h5");
        Assert.That(Cli.Run("sweep", casePath, "--out", whole).ExitCode, Is.EqualTo(0));
        var parts = Enumerable.Range(1, 3).Select(i => PathOf($"part{i}.h5")).ToArray();
        for (int i = 0; i < 3; i++)
            Assert.That(Cli.Run("sweep", casePath, "--out", parts[i], "--shard", $"{i + 1}/3").ExitCode, Is.EqualTo(0));
        Assert.That(Hdf5File.Read(parts[0]).Group("pod").Datasets.ContainsKey("modes"), Is.False, "a shard stores its scaled modes only");
        Assert.That(Cli.Run(["sweep", "merge", .. parts, "--out", merged]).ExitCode, Is.EqualTo(0));

        foreach (string path in new[] { whole, merged })
            AssertPodMeetsTheMeanError(path, epsilon);

        // A whole sweep's dataset merges alone (as one file of one shard) into the same basis.
        string again = PathOf("again.h5");
        Assert.That(Cli.Run("sweep", "merge", whole, "--out", again).ExitCode, Is.EqualTo(0));
        Assert.That(Hdf5File.Read(again).Dataset("pod/singular_values").AsDoubles(),
            Is.EqualTo(Hdf5File.Read(whole).Dataset("pod/singular_values").AsDoubles()).Within(1e-9 * Hdf5File.Read(whole).Dataset("pod/singular_values").AsDoubles()[0]));
    }

    /// <summary>
    /// A tree merge (merge.group_size = 3, five shards: partial merges 1-3 and 4-5, then the final merge) writes the
    /// dataset of the unsharded run bit for bit with an independent method, and its HAPOD (budgets split for one level
    /// of partial merges, a tree of depth 3) still meets ε*. A merge deeper than the planned tree, a gap and a repeated
    /// shard are refused.
    /// </summary>
    [Test]
    public void TreeMergeEqualsTheUnshardedRunAndItsHapodMeetsTheMeanError()
    {
        const double epsilon = 0.05;
        string casePath = SmallCase("sweep.method=gmres", "problem.count=20", $"pod.mean_error={epsilon}", "merge.group_size=3");
        string whole = PathOf("whole.h5"), merged = PathOf("merged.h5");
        Assert.That(Cli.Run("sweep", casePath, "--out", whole).ExitCode, Is.EqualTo(0));
        var parts = Enumerable.Range(1, 5).Select(i => PathOf($"part{i}.h5")).ToArray();
        for (int i = 0; i < 5; i++)
            Assert.That(Cli.Run("sweep", casePath, "--out", parts[i], "--shard", $"{i + 1}/5").ExitCode, Is.EqualTo(0));
        string a = PathOf("a.h5"), b = PathOf("b.h5");
        Assert.That(Cli.Run("sweep", "merge", parts[1], parts[0], parts[2], "--out", a, "--partial").ExitCode, Is.EqualTo(0));
        Assert.That(Cli.Run("sweep", "merge", parts[4], parts[3], "--out", b, "--partial").ExitCode, Is.EqualTo(0));
        Assert.That(Hdf5File.Read(a).Attributes["shard"].AsStrings()[0], Is.EqualTo("1-3/5"));
        Assert.That(Hdf5File.Read(a).Group("pod").Attributes["level"].AsLongs()[0], Is.EqualTo(1));

        var deeper = Cli.Run("sweep", "merge", a, b, "--out", PathOf("ab.h5"), "--partial");
        Assert.That(deeper.ExitCode, Is.EqualTo(2));
        Assert.That(deeper.Error, Does.Contain("merge.group_size").And.Contain("1 level of partial merges"));
        var gap = Cli.Run("sweep", "merge", parts[0], parts[3], "--out", PathOf("gap.h5"), "--partial");
        Assert.That(gap.ExitCode, Is.EqualTo(2));
        Assert.That(gap.Error, Does.Contain("missing 2/5, 3/5"));
        var twice = Cli.Run("sweep", "merge", a, parts[1], b, "--out", PathOf("twice.h5"));
        Assert.That(twice.ExitCode, Is.EqualTo(2));
        Assert.That(twice.Error, Does.Contain("again"));

        var final = Cli.Run("sweep", "merge", b, a, "--out", merged);
        Assert.That(final.ExitCode, Is.EqualTo(0), final.ToString());
        var (x, y) = (Hdf5File.Read(whole), Hdf5File.Read(merged));
        Assert.That(y.Attributes["shard"].AsStrings()[0], Is.EqualTo("1/1"));
        foreach (string name in SampleData)
            Assert.That(y.Dataset(name).Values, Is.EqualTo(x.Dataset(name).Values), name);
        AssertPodMeetsTheMeanError(merged, epsilon);
    }

    /// <summary>The basis in /pod/modes of <paramref name="path"/> meets the ℓ²-mean error ε* over the stored solutions, with
    /// about as many modes as the POD of all of them at once, whose modes it holds to the bound √m·ε*/σ_i that ε* implies.</summary>
    private static void AssertPodMeetsTheMeanError(string path, double epsilon)
    {
        var tree = Hdf5File.Read(path);
        var solutions = tree.Dataset("solutions");
        int m = solutions.Shape[0], n = solutions.Shape[1];
        var rows = Enumerable.Range(0, m).Select(r => solutions.AsDoubles().AsSpan(r * n, n).ToArray()).ToArray();
        var table = tree.Dataset("pod/modes");
        var modes = Enumerable.Range(0, table.Shape[0]).Select(r => table.AsDoubles().AsSpan(r * n, n).ToArray()).ToArray();
        double Residual(double[] v) => Math.Sqrt(Math.Max(Vectors.Dot(v, v) - modes.Sum(q => Math.Pow(Vectors.Dot(q, v), 2)), 0));
        double mean = rows.Average(r => Math.Pow(Residual(r), 2));
        var full = Pod.Compute(rows, new PodOptions(RelativeEnergyTolerance: 1, AbsoluteErrorTolerance: Math.Sqrt(m) * epsilon));
        Assert.Multiple(() =>
        {
            Assert.That(mean, Is.LessThanOrEqualTo(epsilon * epsilon), path);
            Assert.That(modes.Length, Is.InRange(full.Modes.Count, full.Modes.Count + 2).And.LessThan(m), path);
            for (int i = 0; i < full.Modes.Count; i++)
                Assert.That(Residual(full.Modes[i]), Is.LessThanOrEqualTo(Math.Sqrt(m) * epsilon / full.SingularValues[i] * (1 + 1e-6)), $"{path}: POD mode {i}");
        });
    }

    [Test]
    public void MergeNamesMissingShardsAndRefusesForeignOnes()
    {
        string casePath = SmallCase("sweep.method=gmres"), one = PathOf("one.h5"), other = PathOf("other.h5");
        Assert.That(Cli.Run("sweep", casePath, "--out", one, "--shard", "1/3").ExitCode, Is.EqualTo(0));
        var missing = Cli.Run("sweep", "merge", one, "--out", PathOf("m.h5"));
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Error, Does.Contain("missing 2/3, 3/3"));
        Assert.That(Cli.Run("sweep", casePath, "--out", other, "--shard", "2/3", "--set", "sweep.relative_tolerance=1e-6").ExitCode, Is.EqualTo(0));
        var foreign = Cli.Run("sweep", "merge", one, other, "--out", PathOf("m.h5"));
        Assert.That(foreign.ExitCode, Is.EqualTo(2));
        Assert.That(foreign.Error, Does.Contain("another sweep").And.Contain("sweep.relative_tolerance is 1E-08").And.Contain("but 1E-06 here"), "names the differing setting");
        Assert.That(File.Exists(PathOf("m.h5")), Is.False);
    }

    [Test]
    public void ARestartWithOtherSettingsRefusesToMixData()
    {
        string casePath = SmallCase(), data = PathOf("data.h5");
        // A checkpoint folder as a killed run with the default settings leaves it.
        Assert.That(Cli.Run("sweep", casePath, "--out", data, "--set", "output.checkpoint_every=1").ExitCode, Is.EqualTo(0));
        Directory.CreateDirectory(data + ".partial");
        var root = new DataGroup();
        root.Attributes["sweep_id"] = DataArray.Scalar("another sweep");
        root.Attributes["shard"] = DataArray.Scalar("1/1");
        Hdf5File.Write(Path.Combine(data + ".partial", "sweep.h5"), root);
        var run = Cli.Run("sweep", casePath, "--out", data);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("--out").And.Contain("another case or other settings"));
        var badShard = Cli.Run("sweep", casePath, "--shard", "3/2");
        Assert.That((badShard.ExitCode, badShard.Error), Is.EqualTo((2, "error: --shard: got '3/2'; expected i/n with 1 ≤ i ≤ n, e.g. 2/4.\n")));
        var spd = Cli.Run("sweep", casePath, "--out", PathOf("x.h5"), "--set", "sweep.method=cg");
        Assert.That(spd.ExitCode, Is.EqualTo(2));
        Assert.That(spd.Error, Does.Contain("--set sweep.method").And.Contain("not declared SPD"));
    }

    [Test]
    public void AFinishedSweepLeavesNoCheckpoint_AndTheNextRunRemovesWhatAKilledDeleteLeft()
    {
        string casePath = SmallCase(), data = PathOf("data.h5");
        // What a process killed while removing its finished checkpoint leaves: the folder already renamed away, half emptied.
        string leftover = PathOf(".data.h5.partial.removed-0123");
        Directory.CreateDirectory(leftover);
        File.WriteAllText(Path.Combine(leftover, "chunk-000000004.h5"), "half deleted");

        var run = Cli.Run("sweep", casePath, "--out", data, "--set", "output.checkpoint_every=1");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(Directory.GetFileSystemEntries(Dir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "sweep.h5", "data.h5" }));
    }

    [Test]
    public void AKilledSweepResumesAndLosesNothing()
    {
        // Big enough to take a few seconds; a checkpoint after every 2 systems; recycling and warm start carry state.
        string casePath = SmallCase("problem.count=24", "sweep.restart=20", "sweep.recycle_size=8", "sweep.warm_start=1", "output.checkpoint_every=2");
        string reference = PathOf("reference.h5"), data = PathOf("data.h5"), partial = data + ".partial";
        Assert.That(Cli.Run("sweep", casePath, "--out", reference).ExitCode, Is.EqualTo(0));

        string dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "Rom.Cli.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", dll, "sweep", casePath, "--out", data])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Dir,
        };
        using (var process = Process.Start(start)!)
        {
            var clock = Stopwatch.StartNew();
            while (!Directory.Exists(partial) || Directory.GetFiles(partial, "chunk-*.h5").Length == 0)
            {
                if (process.HasExited)
                    Assert.Fail($"the sweep ended (exit {process.ExitCode}) before its first checkpoint: {process.StandardError.ReadToEnd()}");
                Assert.That(clock.Elapsed.TotalSeconds, Is.LessThan(120), "no checkpoint appeared");
                Thread.Sleep(10);
            }
            process.Kill();   // SIGKILL on Unix
            process.WaitForExit();
        }
        Assert.That(File.Exists(data), Is.False, "killed before the end");
        int chunks = Directory.GetFiles(partial, "chunk-*.h5").Length;
        TestContext.Out.WriteLine($"killed with {chunks} chunk(s) of 2 systems saved");

        var resumed = Cli.Run("sweep", casePath, "--out", data);
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.ToString());
        Assert.That(resumed.Error, Does.Contain("already solved"));
        Assert.That(Directory.Exists(partial), Is.False);
        var a = Hdf5File.Read(reference);
        var b = Hdf5File.Read(data);
        foreach (string name in SampleData)
            Assert.That(b.Dataset(name).Values, Is.EqualTo(a.Dataset(name).Values), $"{name}: every sample as in the uninterrupted run");
    }

    [Test]
    public void MatrixListCaseSolvesTheSystemsItCarries()
    {
        // The systems of a small SPD Darcy family, handed over as CSR matrices and right-hand sides.
        var family = new DarcySpdFamily(new DarcySpdOptions(GridSize: 12, Count: 5, Seed: 7));
        var systems = Enumerable.Range(0, 5).Select(family.System).ToList();
        var root = CaseDocument.Create(new SweepKind(), "matrix list");
        var s = Rom.Cases.Settings.CaseSettings.Read(root, new SweepKind().Settings);
        foreach (var assignment in new[] { "problem.family=matrix-list", "problem.spd=1", "sweep.method=cg", "sweep.preconditioner=ic0", "output.plots=0" })
            s.Override(assignment);
        s.WriteTo(root);
        var matrices = root.GetOrAddGroup("data/matrices");
        for (int i = 0; i < 5; i++) matrices.Groups[i.ToString()] = CsrGroup.Write(systems[i].A);
        root.GetOrAddGroup("data").Datasets["rhs"] = DataArray.Of(systems.SelectMany(x => x.B).ToArray(), 5, systems[0].B.Length);
        string casePath = PathOf("list.h5"), data = PathOf("data.h5");
        Hdf5File.Write(casePath, root);

        var run = Cli.Run("sweep", casePath, "--out", data);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var tree = Hdf5File.Read(data);
        Assert.That(tree.Dataset("inputs").Shape, Is.EqualTo(new[] { 5, systems[0].A.NonZeros }), "the field of a matrix list is its values");
        var solutions = tree.Dataset("solutions").AsDoubles();
        int n = systems[0].B.Length;
        for (int i = 0; i < 5; i++)
        {
            var exact = systems[i].A.ToMathNet().LU().Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(systems[i].B));
            var x = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(solutions.AsSpan(i * n, n).ToArray());
            Assert.That((x - exact).L2Norm() / exact.L2Norm(), Is.LessThan(1e-6));
        }

        // Another pattern in the list is refused, naming the matrix.
        matrices.Groups["3"] = CsrGroup.Write(CsrMatrix.Identity(n));
        Hdf5File.Write(casePath, root);
        var bad = Cli.Run("sweep", casePath, "--out", data);
        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.Error, Does.Contain("/data/matrices/3").And.Contain("sparsity pattern"));
    }

    // A small FNO Darcy case written by rom new with --set: fields solved on 33 × 33, stored at 9 × 9.
    private string SmallFnoCase() =>
        Cli.New("sweep", PathOf("fno.h5"), "--set", "problem.family=fno-darcy", "--set", "problem.grid_size=33", "--set", "problem.output_size=9",
            "--set", "problem.count=4", "--set", "problem.seed=2", "--set", "sweep.method=cg", "--set", "sweep.preconditioner=amg-reuse",
            "--set", "sweep.ordering=given", "--set", "output.plots=0");

    [Test]
    public void FnoDarcySweepStoresInputsAndSolutionsAsFieldsOnTheOutputGrid()
    {
        string casePath = SmallFnoCase(), coarse = PathOf("fno-9.h5"), finer = PathOf("fno-17.h5");
        var run = Cli.Run("sweep", casePath, "--out", coarse, "--json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        using (var json = JsonDocument.Parse(run.Out))
            Assert.That((json.RootElement.GetProperty("count").GetInt64(), json.RootElement.GetProperty("n").GetInt64()), Is.EqualTo((4L, 31L * 31)), "n counts the fine unknowns");
        Assert.That(Cli.Run("sweep", casePath, "--out", finer, "--set", "problem.output_size=17").ExitCode, Is.EqualTo(0));

        var tree = Hdf5File.Read(coarse);
        Assert.That(tree.Attributes["grid"].AsLongs(), Is.EqualTo(new long[] { 9, 9 }));
        Assert.That((tree.Attributes["family"].AsStrings()[0], tree.Attributes["unknowns"].AsLongs()[0]), Is.EqualTo(("fno-darcy", 961L)));
        Assert.That(tree.Dataset("inputs").Shape, Is.EqualTo(new[] { 4, 81 }));
        Assert.That(tree.Dataset("solutions").Shape, Is.EqualTo(new[] { 4, 81 }));
        var inputs = tree.Dataset("inputs").AsDoubles();
        var solutions = tree.Dataset("solutions").AsDoubles();
        var family = new FnoDarcyFamily(new FnoDarcyOptions(GridSize: 33, OutputSize: 9, Count: 4, Seed: 2));
        for (int i = 0; i < 4; i++)
        {
            Assert.That(inputs.AsSpan(i * 81, 81).ToArray(), Is.EqualTo(family.Field(i)), $"input row {i}: a of system {i} at every 4th point");
            var (a, b) = family.System(i);
            var x = new double[a.Rows];
            Rom.LinearAlgebra.Direct.SparseCholesky.Factor(a).Solve(b, x);
            // Row entry k + 9 l is the fine point (4k, 4l): zero on the boundary, else unknown (4k − 1) + 31 (4l − 1).
            for (int l = 0; l < 9; l++)
                for (int k = 0; k < 9; k++)
                {
                    bool boundary = k is 0 or 8 || l is 0 or 8;
                    double expected = boundary ? 0 : x[(4 * k - 1) + 31 * (4 * l - 1)];
                    Assert.That(solutions[i * 81 + k + 9 * l], Is.EqualTo(expected).Within(1e-7 * x.Max()), $"system {i}, point ({k}, {l})");
                }
        }

        // The same systems at 17 × 17: every other point is the 9 × 9 dataset (the zero-shot test set at two resolutions).
        var other = Hdf5File.Read(finer);
        Assert.That(other.Attributes["grid"].AsLongs(), Is.EqualTo(new long[] { 17, 17 }));
        var (inputs17, solutions17) = (other.Dataset("inputs").AsDoubles(), other.Dataset("solutions").AsDoubles());
        for (int i = 0; i < 4; i++)
            for (int q = 0; q < 81; q++)
            {
                int p = i * 289 + 2 * (q % 9) + 17 * 2 * (q / 9);
                Assert.That(inputs17[p], Is.EqualTo(inputs[i * 81 + q]));
                Assert.That(solutions17[p], Is.EqualTo(solutions[i * 81 + q]).Within(1e-12));
            }
        Assert.That(other.Attributes["sweep_id"].AsStrings()[0], Is.Not.EqualTo(tree.Attributes["sweep_id"].AsStrings()[0]), "another output size is another dataset");

        // Shards merge into the same dataset, grid included (shard 2 reuses the AMG of its own first system: equal to the tolerance).
        string one = PathOf("one.h5"), two = PathOf("two.h5"), merged = PathOf("merged.h5");
        Assert.That(Cli.Run("sweep", casePath, "--out", one, "--shard", "1/2").ExitCode, Is.EqualTo(0));
        Assert.That(Cli.Run("sweep", casePath, "--out", two, "--shard", "2/2").ExitCode, Is.EqualTo(0));
        Assert.That(Cli.Run("sweep", "merge", one, two, "--out", merged).ExitCode, Is.EqualTo(0));
        var m = Hdf5File.Read(merged);
        Assert.That(m.Attributes["grid"].AsLongs(), Is.EqualTo(new long[] { 9, 9 }));
        Assert.That(m.Attributes["unknowns"].AsLongs(), Is.EqualTo(new long[] { 961 }));
        Assert.That(m.Group("summary").Attributes["n"].AsLongs(), Is.EqualTo(new long[] { 961 }));
        foreach (string name in new[] { "inputs", "indices" })
            Assert.That(m.Dataset(name).Values, Is.EqualTo(tree.Dataset(name).Values), name);
        Assert.That(m.Dataset("solutions").AsDoubles(), Is.EqualTo(solutions).Within(1e-9 * solutions.Max()));
    }

    [Test]
    public void FnoDarcySettingsThatDoNotFitAreBadInput()
    {
        string casePath = SmallFnoCase();
        var size = Cli.Run("sweep", casePath, "--out", PathOf("x.h5"), "--set", "problem.output_size=10");
        Assert.That(size.ExitCode, Is.EqualTo(2), size.ToString());
        Assert.That(size.Error, Does.Contain("problem.output_size: got 10").And.Contain("3, 5, 9, 17, 33"));
        var skr = Cli.Run("sweep", casePath, "--out", PathOf("x.h5"), "--set", "problem.family=skr-darcy", "--set", "sweep.method=gmres", "--set", "sweep.preconditioner=none");
        Assert.That(skr.ExitCode, Is.EqualTo(2), skr.ToString());
        Assert.That(skr.Error, Does.Contain("problem.output_size").And.Contain("only 'fno-darcy'"));
        var warm = Cli.Run("sweep", casePath, "--out", PathOf("x.h5"), "--set", "sweep.warm_start=1");
        Assert.That(warm.ExitCode, Is.EqualTo(2), warm.ToString());
        Assert.That(warm.Error, Does.Contain("sweep.warm_start").And.Contain("subsampled"));
        var unknown = Cli.Run("new", "sweep", "--out", PathOf("y.h5"), "--set", "problem.famly=fno-darcy");
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.Error, Does.Contain("problem.famly"));
        Assert.That(File.Exists(PathOf("x.h5")) || File.Exists(PathOf("y.h5")), Is.False, "nothing written");
    }

    [Test]
    public void RomRunSolvesASweepCaseToo()
    {
        string casePath = SmallCase("problem.count=6"), results = PathOf("results.h5");
        var run = Cli.Run("run", casePath, "--out", results, "--json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var tree = Hdf5File.Read(results);
        Assert.That(tree.Dataset("solutions").Shape, Is.EqualTo(new[] { 6, 256 }));
        Assert.That(tree.Attributes["kind"].AsStrings()[0], Is.EqualTo("sweep"));
    }
}
