using Rom.Sweeps;

namespace Rom.Cases.Sweeps;

/// <summary>
/// The folder DATA.partial in which <c>rom sweep</c> keeps its progress: sweep.h5 (the sweep's identity and shard)
/// and chunk files chunk-POSITION.h5, each with the samples solved since the previous chunk and the solver state
/// after them. Every file is written atomically (<see cref="Hdf5File.Write(string, DataGroup, Hdf5WriteOptions?)"/>), so a sweep killed at any moment
/// leaves only whole chunks; a restart with the same arguments reads them back and continues.
/// </summary>
internal sealed class SweepCheckpoint
{
    private const string ManifestName = "sweep.h5";
    private readonly string _folder;
    private readonly int _unknowns;

    private SweepCheckpoint(string folder, int unknowns)
    {
        _folder = folder;
        _unknowns = unknowns;
    }

    /// <summary>
    /// Opens (or starts) the checkpoint of the sweep with <paramref name="identity"/>, restores
    /// <paramref name="solver"/> from its chunks and returns the samples they hold. A folder left by another sweep
    /// or shard is refused with a <see cref="CaseInputException"/> rather than mixed in.
    /// </summary>
    public static SweepCheckpoint Open(string folder, string identity, SweepSolver solver, out List<SweepSample> solved)
    {
        solved = [];
        string manifest = Path.Combine(folder, ManifestName);
        foreach (string removed in Directory.Exists(Parent(folder)) ? Directory.GetDirectories(Parent(folder), RemovedName(folder) + "*") : [])
            Directory.Delete(removed, recursive: true);
        Directory.CreateDirectory(folder);
        if (!File.Exists(manifest))
        {
            // A folder without its manifest holds no chunk yet (the manifest is written first).
            var root = new DataGroup();
            root.Attributes["sweep_id"] = DataArray.Scalar(identity);
            root.Attributes["shard"] = DataArray.Scalar(solver.Shard.ToString());
            Hdf5File.Write(manifest, root);
            return new SweepCheckpoint(folder, solver.Family.Unknowns);
        }
        var saved = Hdf5File.Read(manifest);
        string savedId = Text(saved, "sweep_id"), savedShard = Text(saved, "shard");
        if (savedId != identity || savedShard != solver.Shard.ToString())
            throw new CaseInputException("--out", $"a path whose checkpoint {folder} was left by {(savedId != identity ? "a sweep of another case or other settings" : $"shard {savedShard}")}",
                "the same case, settings and --shard as the interrupted run to resume it, or another --out (or delete the folder to start over)");
        SweepState? state = null;
        foreach (string chunk in Directory.GetFiles(folder, "chunk-*.h5").Order(StringComparer.Ordinal))
        {
            var tree = Hdf5File.Read(chunk);
            solved.AddRange(SweepDataset.ReadSamples(tree, chunk));
            if (!tree.TryGetGroup("state", out var s) || !s.Attributes.TryGetValue("next_position", out var next) || !next.IsInteger)
                throw new DataFileException(chunk, "/state", "missing the solver state (attribute next_position)");
            var recycle = s.TryGetDataset("recycle_space", out var r) ? r : null;
            int k = recycle?.Shape[0] ?? 0, n = recycle?.Shape[1] ?? 0;
            var values = recycle?.AsDoubles() ?? [];
            state = new SweepState((int)next.AsLongs()[0], Enumerable.Range(0, k).Select(i => values.AsSpan(i * n, n).ToArray()).ToArray());
        }
        if (state is not null)
        {
            try
            {
                solver.Restore(state, solved);
            }
            catch (ArgumentException e)
            {
                throw new DataFileException(folder, null, $"the checkpoint does not continue this sweep: {e.Reason()}", e);
            }
        }
        return new SweepCheckpoint(folder, solver.Family.Unknowns);
    }

    /// <summary>Writes the samples solved since the last chunk together with the solver state after them.</summary>
    public void Save(IReadOnlyList<SweepSample> samples, SweepState state)
    {
        if (samples.Count == 0) return;
        var root = new DataGroup();
        SweepDataset.WriteSamples(root, samples);
        var group = root.GetOrAddGroup("state");
        group.Attributes["next_position"] = DataArray.Scalar((long)state.NextPosition);
        if (state.RecycleSpace.Count > 0)
            group.Datasets["recycle_space"] = DataArray.Of(state.RecycleSpace.SelectMany(v => v).ToArray(), state.RecycleSpace.Count, _unknowns);
        Hdf5File.Write(Path.Combine(_folder, $"chunk-{samples[0].Position:D9}.h5"), root);
    }

    /// <summary>
    /// Removes the folder once the dataset is written: first renamed away in one step, so that a process killed while
    /// deleting never leaves a checkpoint with some chunks missing (the next run removes what the rename left).
    /// </summary>
    public void Delete()
    {
        string removed = Path.Combine(Parent(_folder), RemovedName(_folder) + Guid.NewGuid().ToString("N"));
        Directory.Move(_folder, removed);
        Directory.Delete(removed, recursive: true);
    }

    private static string Parent(string folder) => Path.GetDirectoryName(Path.GetFullPath(folder))!;

    private static string RemovedName(string folder) => $".{Path.GetFileName(Path.GetFullPath(folder))}.removed-";

    private static string Text(DataGroup root, string name) =>
        root.Attributes.TryGetValue(name, out var a) && a.IsString && a.Count == 1 ? a.AsStrings()[0] : "";
}
