using System.Diagnostics;
using Rom.Cases.Kinds;
using Rom.Cases.Running;
using Rom.Cases.Settings;
using Rom.IO.Hdf5;
using Rom.Sweeps;

namespace Rom.Cases.Sweeps;

/// <summary>
/// <c>rom sweep</c>: solves every system of a sweep case (or one shard of its order) into one HDF5 dataset,
/// checkpointing to DATA.partial so a killed run resumes where it stopped; and <c>rom sweep merge</c>, which
/// joins the shards of one sweep into the dataset an unsharded run writes.
/// </summary>
public static class SweepRunner
{
    /// <summary>Where a sweep's dataset goes by default: results/&lt;case&gt;.h5, or results/&lt;case&gt;.shard-i-of-n.h5 for a shard.</summary>
    public static string DefaultDataPath(string casePath, SweepShard shard) =>
        shard.Count == 1 ? CaseRunner.DefaultResultsPath(casePath)
            : Path.Combine("results", $"{Path.GetFileNameWithoutExtension(casePath)}.shard-{shard.Number}-of-{shard.Count}.h5");

    /// <summary>
    /// Runs the sweep case at <paramref name="casePath"/> (shard <paramref name="shard"/> of its order) and writes
    /// the dataset atomically to <paramref name="dataPath"/> (or the default), resuming from DATA.partial when an
    /// earlier run with the same case, settings and shard was interrupted.
    /// </summary>
    public static RunReport Run(string casePath, IReadOnlyList<string> overrides, string? dataPath, SweepShard shard, IProgress<ProgressUpdate> progress)
    {
        var clock = Stopwatch.StartNew();
        var (document, settings) = CaseRunner.Prepare(casePath, overrides);
        if (document.Kind is not SweepKind)
            throw new CaseInputException("/@kind", $"'{document.Kind.Name}'", "'sweep' (rom sweep runs sweep cases; use rom run for other kinds)", casePath);
        dataPath = OutputFile.Prepare(dataPath ?? DefaultDataPath(casePath, shard));
        // Settings are checked against the family before the progress says anything; ordering may take a while.
        var family = CaseRunner.Blame(settings, casePath, () => SweepCase.Check(document, settings, shard));

        progress.Report(new ProgressUpdate("order", null, $"ordering the systems ({settings.Text("sweep.ordering")})"));
        var solver = CaseRunner.Blame(settings, casePath, () => SweepCase.Start(family, settings, shard));
        string identity = SweepCase.Identity(document, settings);
        var checkpoint = SweepCheckpoint.Open(dataPath + ".partial", identity, solver, out var samples);
        if (samples.Count > 0)
            progress.Report(new ProgressUpdate("resume", null, $"{samples.Count} systems already solved in {dataPath}.partial"));
        int every = (int)Math.Min(settings.Integer("output.checkpoint_every"), int.MaxValue);
        var pending = new List<SweepSample>();
        CaseRunner.Blame(settings, casePath, () => SolveAll(solver, settings, samples, progress, sample =>
        {
            pending.Add(sample);
            if (pending.Count >= every || solver.IsFinished)
            {
                checkpoint.Save(pending, solver.SaveState());
                pending.Clear();
            }
        }));

        var outcome = Outcome(solver, samples, identity);
        SweepPod.Add(outcome.Results, settings, whole: shard.Count == 1);
        double total = clock.Elapsed.TotalSeconds;
        progress.Report(new ProgressUpdate("write", null, dataPath));
        Hdf5File.Write(dataPath, CaseRunner.ResultsTree(document, settings, outcome, total));
        checkpoint.Delete();
        return new RunReport(document, outcome, dataPath, [], total, settings.Changes());
    }

    /// <summary>The first setting in which two shards' /case groups differ, or that their case files' data do.</summary>
    private static string Difference(DataGroup a, DataGroup b, string pathA)
    {
        var (key, here, there) = Settings(a).Describe().Zip(Settings(b).Describe(), (x, y) => (Key: x.Key, Here: x.Value, There: y.Value))
            .FirstOrDefault(d => d.Here != d.There);
        return key is null ? $"same settings as {pathA}, but another case file" : $"{key} is {here} in {pathA} but {there} here";
    }

    /// <summary>The settings a sweep dataset was computed with (its /case group).</summary>
    private static CaseSettings Settings(DataGroup dataset) =>
        CaseSettings.Read(dataset.TryGetGroup("case", out var settings) ? settings : new DataGroup(), SweepCase.Settings);

    /// <summary>
    /// Joins shard files of one sweep into the dataset of the whole sweep at <paramref name="dataPath"/>: every
    /// shard must come from the same case and settings, and the shards 1..n must all be there, once each.
    /// Returns the number of systems written.
    /// </summary>
    public static int Merge(IReadOnlyList<string> shardPaths, string dataPath)
    {
        ArgumentNullException.ThrowIfNull(shardPaths);
        OutputFile.Prepare(dataPath);
        if (shardPaths.Count == 0)
            throw new CaseInputException("SHARD", "no files", "the shard files written by rom sweep --shard i/n");
        var trees = shardPaths.Select(Hdf5File.Read).ToList();
        var headers = trees.Select((tree, i) => SweepHeader.Read(tree, shardPaths[i])).ToList();
        var first = trees[0];
        string identity = headers[0].Identity;
        var shards = new Dictionary<int, int>();
        int count = 0;
        for (int i = 0; i < trees.Count; i++)
        {
            string path = shardPaths[i], shard = headers[i].Shard;
            if (headers[i].Identity != identity)
                throw new CaseInputException(path, $"a shard of another sweep ({Difference(first, trees[i], shardPaths[0])})", "shards of one sweep: the same case and settings");
            var parts = shard.Split('/');
            if (parts.Length != 2 || !int.TryParse(parts[0], out int number) || !int.TryParse(parts[1], out int of) || number < 1 || number > of)
                throw new CaseInputException(path + ": /@shard", $"'{shard}'", "i/n with 1 ≤ i ≤ n");
            if (i == 0) count = of;
            else if (of != count)
                throw new CaseInputException(path + ": /@shard", $"'{shard}'", $"a shard of {count} like {shardPaths[0]}");
            if (shards.TryGetValue(number, out int twin))
                throw new CaseInputException(path, $"shard {shard} again (also {shardPaths[twin]})", "each shard once");
            shards[number] = i;
        }
        var missing = Enumerable.Range(1, count).Where(k => !shards.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new CaseInputException("SHARD", $"{shards.Count} of {count} shards", $"all of them; missing {string.Join(", ", missing.Select(k => $"{k}/{count}"))}");

        var samples = new List<SweepSample>();
        var inputs = new Dictionary<int, double[]>();
        for (int i = 0; i < trees.Count; i++)
        {
            var part = SweepDataset.ReadSamples(trees[i], shardPaths[i]);
            if (!trees[i].TryGetDataset("inputs", out var fields) || fields.Shape.Length != 2 || fields.Shape[0] != part.Count)
                throw new DataFileException(shardPaths[i], "/inputs", $"expected {part.Count} rows of inputs");
            var values = fields.AsDoubles();
            int length = fields.Shape[1];
            for (int r = 0; r < part.Count; r++) inputs[part[r].Index] = values.AsSpan(r * length, length).ToArray();
            samples.AddRange(part);
        }
        var header = headers[0] with { Shard = SweepShard.All.ToString() };
        int systems = header.Systems;
        if (samples.Count != systems || samples.Select(s => s.Index).Distinct().Count() != systems)
            throw new CaseInputException("SHARD", $"{samples.Count} samples of {samples.Select(s => s.Index).Distinct().Count()} distinct systems", $"each of the {systems} systems once");

        var order = first.Datasets["order"].AsLongs().Select(i => (int)i).ToArray();
        var outcome = SweepDataset.Outcome(samples, i => inputs[i], order, header);
        // The envelope, provenance and settings of shard 1 (the same for all), with the merged samples and summary.
        var root = outcome.Results;
        foreach (var (name, value) in trees[shards[1]].Attributes)
            root.Attributes.TryAdd(name, value);
        root.Attributes["succeeded"] = DataArray.Scalar(outcome.Succeeded ? 1L : 0L);
        root.Attributes["message"] = DataArray.Scalar(outcome.Message);
        root.Groups["case"] = first.Groups["case"];
        SweepPod.Combine(root, [.. shards.OrderBy(kv => kv.Key).Select(kv => trees[kv.Value])], Settings(first));
        CaseRunner.WriteSummary(root, outcome.Summary);
        Hdf5File.Write(dataPath, root);
        return samples.Count;
    }

    /// <summary>The outcome of a finished run: the dataset of its samples (the shard's, or all), with the inputs regenerated by the family.</summary>
    internal static CaseRunOutcome Outcome(SweepSolver solver, IReadOnlyList<SweepSample> samples, string identity) =>
        SweepDataset.Outcome(samples, solver.Family.Field, solver.Order, SweepHeader.Of(solver, identity));

    /// <summary>
    /// Solves the rest of the solver's shard, adding each sample to <paramref name="samples"/>, handing it to
    /// <paramref name="solved"/> and reporting progress; returns the number of samples.
    /// </summary>
    internal static int SolveAll(SweepSolver solver, CaseSettings settings, List<SweepSample> samples,
        IProgress<ProgressUpdate> progress, Action<SweepSample>? solved = null)
    {
        int total = solver.End - solver.Start;
        while (!solver.IsFinished)
        {
            var sample = SweepCase.Blame(settings, solver.SolveNext);
            samples.Add(sample);
            solved?.Invoke(sample);
            progress.Report(new ProgressUpdate("sweep", (double)samples.Count / total,
                $"{samples.Count}/{total} systems; system {sample.Index}: {sample.Iterations} iterations, residual {sample.RelativeResidual:0.0E+00}"));
        }
        return samples.Count;
    }
}
