using Rom.Reduction.Snapshots;
using Rom.Sweeps;

namespace Rom.Cases.Sweeps;

/// <summary>
/// A POD basis of a sweep's stored solutions by distributed HAPOD (<see cref="Hapod"/>, Euclidean inner product on
/// the stored values), for sweeps too large for one memory: with <c>pod.mean_error</c> = ε* &gt; 0 every shard stores the
/// POD of its own solutions in /pod (modes scaled by their singular values: <c>scaled_modes</c>), so on Slurm the
/// shards' PODs run as the array's tasks, and <c>rom sweep merge</c> combines them into /pod/modes, whose ℓ²-mean
/// projection error over all solutions is at most ε*. An unsharded sweep does both steps. A tree merge
/// (<c>merge.group_size</c>) makes every partial merge an inner node of the HAPOD tree: it stores the POD of its
/// files' scaled modes as scaled modes again, with its level in /pod@level; every node's budget is set for the
/// tree's depth (<see cref="SweepMerge.Levels"/> + 2), so a deeper tree than planned is refused.
/// </summary>
public static class SweepPod
{
    /// <summary>The settings.</summary>
    public static IReadOnlyList<SettingDefinition> Settings { get; } =
    [
        SettingDefinition.Real("pod.mean_error", 0, "HAPOD of the solutions: ℓ²-mean projection error ε* of the basis in /pod/modes (0: no POD).", x => x >= 0, "a number ≥ 0"),
        SettingDefinition.Real("pod.omega", 0.95, "HAPOD: the final POD gets ω² of the error budget, the shards 1 − ω².", x => x is > 0 and < 1, "a number in (0, 1)"),
    ];

    /// <summary>
    /// Adds /pod to the results of shard <paramref name="shard"/> (scaled modes, so a later merge can combine the file),
    /// and for a whole sweep the final modes too; nothing when pod.mean_error is 0.
    /// </summary>
    public static void Add(DataGroup results, CaseSettings s, SweepShard shard)
    {
        ArgumentNullException.ThrowIfNull(results);
        double error = s.Real("pod.mean_error"), omega = s.Real("pod.omega");
        if (error == 0)
            return;
        var slice = Hapod.Local(Rows(results.Datasets["solutions"]), error, omega, depth: SweepMerge.Levels(s, shard.Count) + 2);
        var pod = Start(results, s, slice.Snapshots);
        WriteSlice(pod, slice, level: 0, results.Datasets["solutions"].Shape[1]);
        if (shard.Count == 1)
            WriteModes(pod, Hapod.Combine([slice], error, omega));
    }

    /// <summary>
    /// Combines the /pod of the merged files into the merged results' /pod (nothing when pod.mean_error is 0): the final
    /// modes when <paramref name="levels"/> is null, else (a partial merge in a tree of that many levels of partial
    /// merges) an inner node's scaled modes.
    /// </summary>
    public static void Combine(DataGroup merged, IReadOnlyList<DataGroup> files, CaseSettings s, int? levels)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(files);
        double error = s.Real("pod.mean_error"), omega = s.Real("pod.omega");
        if (error == 0)
            return;
        var pods = files.Select(tree => tree.Groups["pod"]).ToList();
        var slices = pods.Select(pod => new HapodSlice(Rows(pod.Datasets["scaled_modes"]), (int)pod.Attributes["snapshots"].AsLongs()[0])).ToArray();
        var merge = Start(merged, s, slices.Sum(x => (long)x.Snapshots));
        if (levels is not { } planned)
        {
            WriteModes(merge, Hapod.Combine(slices, error, omega));
            return;
        }
        // Files written before tree merges have no @level: they are shards, level 0.
        int level = pods.Max(pod => pod.Attributes.TryGetValue("level", out var l) ? (int)l.AsLongs()[0] : 0) + 1;
        if (level > planned)
            throw new CaseInputException("merge.group_size", s.Integer("merge.group_size").ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"a tree of {planned} level{(planned == 1 ? "" : "s")} of partial merges; this would be level {level}, and the HAPOD budget (pod.mean_error) was split for {planned}");
        int n = slices.Select(x => x.ScaledModes.FirstOrDefault()?.Length).FirstOrDefault(l => l is not null) ?? 0;
        WriteSlice(merge, Hapod.Node(slices, error, omega, depth: planned + 2), level, n);
    }

    private static DataGroup Start(DataGroup results, CaseSettings s, long snapshots)
    {
        var pod = results.GetOrAddGroup("pod");
        pod.Attributes["mean_error"] = DataArray.Scalar(s.Real("pod.mean_error"));
        pod.Attributes["omega"] = DataArray.Scalar(s.Real("pod.omega"));
        pod.Attributes["snapshots"] = DataArray.Scalar(snapshots);
        return pod;
    }

    private static void WriteSlice(DataGroup pod, HapodSlice slice, int level, int n)
    {
        pod.Attributes["level"] = DataArray.Scalar((long)level);
        pod.Datasets["scaled_modes"] = Table(slice.ScaledModes, n);
    }

    private static void WriteModes(DataGroup pod, PodResult result)
    {
        int n = result.Modes.Count == 0 ? 0 : result.Modes[0].Length;
        pod.Datasets["modes"] = Table(result.Modes, n);
        pod.Datasets["singular_values"] = DataArray.Of(result.SingularValues);
    }

    private static double[][] Rows(DataArray table)
    {
        var values = table.AsDoubles();
        int rows = table.Shape[0], length = table.Shape.Length > 1 ? table.Shape[1] : 0;
        return [.. Enumerable.Range(0, rows).Select(r => values.AsSpan(r * length, length).ToArray())];
    }

    private static DataArray Table(IReadOnlyList<double[]> rows, int length) =>
        DataArray.Of(rows.SelectMany(r => r).ToArray(), rows.Count, length);
}
