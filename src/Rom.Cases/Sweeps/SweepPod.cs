using Rom.Cases.Settings;
using Rom.IO.Hdf5;
using Rom.Reduction.Snapshots;

namespace Rom.Cases.Sweeps;

/// <summary>
/// A POD basis of a sweep's stored solutions by distributed HAPOD (<see cref="Hapod"/>, Euclidean inner product on
/// the stored values), for sweeps too large for one memory: with <c>pod.mean_error</c> = ε* &gt; 0 every shard stores the
/// POD of its own solutions in /pod (modes scaled by their singular values: <c>scaled_modes</c>), so on Slurm the
/// shards' PODs run as the array's tasks, and <c>rom sweep merge</c> combines them into /pod/modes, whose ℓ²-mean
/// projection error over all solutions is at most ε*. An unsharded sweep does both steps.
/// </summary>
public static class SweepPod
{
    /// <summary>The settings.</summary>
    public static IReadOnlyList<SettingDefinition> Settings { get; } =
    [
        SettingDefinition.Real("pod.mean_error", 0, "HAPOD of the solutions: ℓ²-mean projection error ε* of the basis in /pod/modes (0: no POD).", x => x >= 0, "a number ≥ 0"),
        SettingDefinition.Real("pod.omega", 0.95, "HAPOD: the final POD gets ω² of the error budget, the shards 1 − ω².", x => x is > 0 and < 1, "a number in (0, 1)"),
    ];

    /// <summary>Adds /pod to a shard's results (scaled modes), and for a whole sweep the final modes too; nothing when pod.mean_error is 0.</summary>
    public static void Add(DataGroup results, CaseSettings s, bool whole)
    {
        ArgumentNullException.ThrowIfNull(results);
        double error = s.Real("pod.mean_error"), omega = s.Real("pod.omega");
        if (error == 0)
            return;
        var slice = Hapod.Local(Rows(results.Datasets["solutions"]), error, omega);
        var pod = results.GetOrAddGroup("pod");
        pod.Attributes["mean_error"] = DataArray.Scalar(error);
        pod.Attributes["omega"] = DataArray.Scalar(omega);
        pod.Attributes["snapshots"] = DataArray.Scalar((long)slice.Snapshots);
        pod.Datasets["scaled_modes"] = Table(slice.ScaledModes, results.Datasets["solutions"].Shape[1]);
        if (whole)
            WriteModes(pod, Hapod.Combine([slice], error, omega));
    }

    /// <summary>Combines the shards' /pod into the merged results' /pod (nothing when the shards have none).</summary>
    public static void Combine(DataGroup merged, IReadOnlyList<DataGroup> shards, CaseSettings s)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(shards);
        double error = s.Real("pod.mean_error"), omega = s.Real("pod.omega");
        if (error == 0)
            return;
        var slices = shards.Select(tree => new HapodSlice(Rows(tree.Groups["pod"].Datasets["scaled_modes"]),
            (int)tree.Groups["pod"].Attributes["snapshots"].AsLongs()[0])).ToArray();
        var pod = merged.GetOrAddGroup("pod");
        pod.Attributes["mean_error"] = DataArray.Scalar(error);
        pod.Attributes["omega"] = DataArray.Scalar(omega);
        pod.Attributes["snapshots"] = DataArray.Scalar(slices.Sum(x => (long)x.Snapshots));
        WriteModes(pod, Hapod.Combine(slices, error, omega));
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
