using Rom.Sweeps;

namespace Rom.Cases.Sweeps;

/// <summary>
/// <c>rom sweep merge</c>: joins shard files of one sweep into the dataset an unsharded run writes or, with
/// <c>partial</c>, a contiguous run of them (shards a..b of n) into one file that a later merge takes like a shard. That
/// makes a tree merge: groups of <c>merge.group_size</c> shards merge in parallel, then the groups. Only the small
/// per-system columns are ever whole in memory; /solutions and /inputs pass through a block of rows at a time
/// (<see cref="StreamedRows"/>), so a merge's memory does not grow with the sweep (docs/scaling.md).
/// </summary>
public static class SweepMerge
{
    private static readonly string[] Fields = ["solutions", "inputs"];

    /// <summary>The settings.</summary>
    public static IReadOnlyList<SettingDefinition> Settings { get; } =
    [
        SettingDefinition.Integer("merge.group_size", 0,
            "Tree merge: rom slurm sweep merges groups of this many shard files (then groups of those) before the final merge; 0: one merge of all shards. A HAPOD (pod.mean_error) splits its budget over the tree's levels.", 0),
    ];

    /// <summary>
    /// The levels of partial merges between the shards and the final merge when groups of <c>merge.group_size</c> = g
    /// files merge into one until at most g are left: 0 for g = 0 or n ≤ g, else ⌈log_g n⌉ − 1.
    /// </summary>
    public static int Levels(CaseSettings s, int shards)
    {
        ArgumentNullException.ThrowIfNull(s);
        long group = s.Integer("merge.group_size");
        if (group == 1)
            throw new CaseInputException("merge.group_size", "1", "0 (one merge of all shards) or a group of ≥ 2 files");
        int levels = 0;
        for (long files = shards; group > 0 && files > group; files = (files + group - 1) / group)
            levels++;
        return levels;
    }

    /// <summary>
    /// Joins <paramref name="shardPaths"/> (files of <c>rom sweep --shard</c> or partial merges of one sweep) into
    /// <paramref name="dataPath"/>: without <paramref name="partial"/> they must hold shards 1..n, each once, and the
    /// result is the whole sweep's dataset; with it they must hold a contiguous run a..b, and the result is that run.
    /// Returns the number of systems written.
    /// </summary>
    public static int Run(IReadOnlyList<string> shardPaths, string dataPath, bool partial = false)
    {
        ArgumentNullException.ThrowIfNull(shardPaths);
        OutputFile.Prepare(dataPath);
        if (shardPaths.Count == 0)
            throw new CaseInputException("SHARD", "no files", "the shard files written by rom sweep --shard i/n");
        var trees = shardPaths.Select(path => Hdf5File.Read(path, skip: p => Fields.Any(f => p == "/" + f))).ToList();
        var headers = trees.Select((tree, i) => SweepHeader.Read(tree, shardPaths[i])).ToList();
        var spans = new ShardSpan[trees.Count];
        for (int i = 0; i < trees.Count; i++)
        {
            if (headers[i].Identity != headers[0].Identity)
                throw new CaseInputException(shardPaths[i], $"a shard of another sweep ({Difference(trees[0], trees[i], shardPaths[0])})", "shards of one sweep: the same case and settings");
            spans[i] = ShardSpan.Parse(headers[i].Shard, shardPaths[i] + ": /@shard");
            if (spans[i].Count != spans[0].Count)
                throw new CaseInputException(shardPaths[i] + ": /@shard", $"'{headers[i].Shard}'", $"a shard of {spans[0].Count} like {shardPaths[0]}");
        }
        var covered = Cover(spans, shardPaths, partial);

        // The small columns of every file in memory; each system's row located in its file.
        var samples = new List<SweepSample>();
        var rows = new List<(int Index, int File, int Row)>();
        for (int i = 0; i < trees.Count; i++)
        {
            var part = SweepDataset.ReadSamples(trees[i], shardPaths[i], solutions: false);
            samples.AddRange(part);
            rows.AddRange(part.Select((sample, r) => (sample.Index, i, r)));
        }
        var header = headers[0] with { Shard = covered.IsWhole ? SweepShard.All.ToString() : covered.ToString() };
        int distinct = samples.Select(s => s.Index).Distinct().Count();
        if (distinct != samples.Count || (covered.IsWhole && samples.Count != header.Systems))
            throw new CaseInputException("SHARD", $"{samples.Count} samples of {distinct} distinct systems", covered.IsWhole ? $"each of the {header.Systems} systems once" : "each system once");
        rows.Sort((a, b) => a.Index.CompareTo(b.Index));

        using var readers = new RowReaders(shardPaths);
        var tables = Fields.Select(field => readers.Table(field, rows)).ToList();
        var order = trees[0].Datasets["order"].AsLongs().Select(i => (int)i).ToArray();
        var outcome = SweepDataset.Outcome(samples, inputs: null, order, header);
        // The envelope, provenance and settings of the first file (the same for all), with the merged samples and summary.
        var root = outcome.Results;
        foreach (var (name, value) in trees[0].Attributes)
            root.Attributes.TryAdd(name, value);
        root.Attributes["succeeded"] = DataArray.Scalar(outcome.Succeeded ? 1L : 0L);
        root.Attributes["message"] = DataArray.Scalar(outcome.Message);
        root.Groups["case"] = trees[0].Groups["case"];
        var settings = SettingsOf(trees[0]);
        SweepPod.Combine(root, [.. Enumerable.Range(0, trees.Count).OrderBy(i => spans[i].First).Select(i => trees[i])], settings,
            covered.IsWhole && !partial ? null : Levels(settings, covered.Count));
        CaseRunner.WriteSummary(root, outcome.Summary);
        Hdf5File.Write(dataPath, root, tables);
        return samples.Count;
    }

    /// <summary>
    /// The run a..b of shards the files hold together: contiguous, each shard once, and (unless
    /// <paramref name="partial"/>) 1..n; otherwise a <see cref="CaseInputException"/> naming the missing or repeated shards.
    /// </summary>
    private static ShardSpan Cover(ShardSpan[] spans, IReadOnlyList<string> paths, bool partial)
    {
        int n = spans[0].Count;
        var byFirst = Enumerable.Range(0, spans.Length).OrderBy(i => spans[i].First).ToList();
        var missing = new List<int>();
        for (int k = 1; k < byFirst.Count; k++)
        {
            ShardSpan before = spans[byFirst[k - 1]], here = spans[byFirst[k]];
            if (here.First <= before.Last)
                throw new CaseInputException(paths[byFirst[k]], $"shard {here} again (also in {paths[byFirst[k - 1]]}, {before})", "each shard once");
            missing.AddRange(Enumerable.Range(before.Last + 1, here.First - before.Last - 1));
        }
        int first = spans[byFirst[0]].First, last = spans[byFirst[^1]].Last;
        if (!partial)
        {
            missing.InsertRange(0, Enumerable.Range(1, first - 1));
            missing.AddRange(Enumerable.Range(last + 1, n - last));
        }
        if (missing.Count > 0)
            throw new CaseInputException("SHARD", $"{spans.Sum(s => s.Last - s.First + 1)} of {(partial ? $"the {last - first + 1} shards {first}..{last}" : $"{n} shards")}",
                $"all of them; missing {string.Join(", ", missing.Select(k => $"{k}/{n}"))}");
        return new ShardSpan(first, last, n);
    }

    /// <summary>The first setting in which two shards' /case groups differ, or that their case files' data do.</summary>
    private static string Difference(DataGroup a, DataGroup b, string pathA)
    {
        var (key, here, there) = SettingsOf(a).Describe().Zip(SettingsOf(b).Describe(), (x, y) => (Key: x.Key, Here: x.Value, There: y.Value))
            .FirstOrDefault(d => d.Here != d.There);
        return key is null ? $"same settings as {pathA}, but another case file" : $"{key} is {here} in {pathA} but {there} here";
    }

    /// <summary>The settings a sweep dataset was computed with (its /case group).</summary>
    private static CaseSettings SettingsOf(DataGroup dataset) =>
        CaseSettings.Read(dataset.TryGetGroup("case", out var settings) ? settings : new DataGroup(), SweepCase.Settings);

    /// <summary>The open shard files, read a block of rows at a time in the merged order.</summary>
    private sealed class RowReaders(IReadOnlyList<string> paths) : IDisposable
    {
        private readonly Hdf5RowReader?[] open = new Hdf5RowReader?[paths.Count];

        /// <summary>The merged table <paramref name="field"/>: row r is row rows[r].Row of file rows[r].File.</summary>
        public StreamedRows Table(string field, IReadOnlyList<(int Index, int File, int Row)> rows)
        {
            int columns = Reader(0).Shape("/" + field).Columns;
            var perFile = new int[paths.Count];
            foreach (var row in rows)
                perFile[row.File]++;
            for (int f = 0; f < paths.Count; f++)
            {
                var (count, width) = Reader(f).Shape("/" + field);
                int samples = perFile[f];
                if (count != samples || width != columns)
                    throw new DataFileException(paths[f], "/" + field, $"[{count}, {width}]; expected [{samples}, {columns}]: a row of {columns} values for each of its {samples} systems");
            }
            return new StreamedRows(field, rows.Count, columns, (start, count) =>
            {
                var block = new double[(long)count * columns];
                // Runs of consecutive rows of one file are read with one hyperslab.
                for (int r = start; r < start + count;)
                {
                    int end = r + 1;
                    while (end < start + count && rows[end].File == rows[r].File && rows[end].Row == rows[end - 1].Row + 1)
                        end++;
                    Reader(rows[r].File).ReadRows("/" + field, rows[r].Row, end - r).CopyTo(block, (long)(r - start) * columns);
                    r = end;
                }
                return block;
            });
        }

        private Hdf5RowReader Reader(int file) => open[file] ??= Hdf5RowReader.Open(paths[file]);

        public void Dispose()
        {
            foreach (var reader in open)
                reader?.Dispose();
        }
    }
}
