using Rom.IO.Hdf5;
using Rom.Neural.Training;

namespace Rom.IO.Formats;

/// <summary>
/// A <see cref="NeuralCheckpoint"/> in one HDF5 file (docs/case-format.md#training-checkpoints): the envelope
/// (<c>@format = rom-checkpoint</c>, <c>@kind = fno-checkpoint</c>) with <c>@training_id</c>, <c>@epochs_completed</c>,
/// <c>@best_epoch</c>, <c>@best_test_l2</c>, <c>@seconds</c>; <c>/architecture</c> as in a model file; <c>/weights</c>,
/// <c>/optimizer</c> and optional <c>/best_weights</c> (named float32 tensors, complex ones as in <c>/parameters</c>);
/// optional <c>/normalizers/{input,output}</c>; <c>/training</c> (provenance, settings, per-epoch history).
/// Written atomically, so a run killed at any moment leaves the previous checkpoint or the new one.
/// </summary>
public static class NeuralCheckpointFile
{
    /// <summary>The root <c>@kind</c> of an FNO training checkpoint.</summary>
    public const string Kind = "fno-checkpoint";

    /// <summary>Writes <paramref name="checkpoint"/> to <paramref name="path"/> atomically.</summary>
    /// <exception cref="DataFileException">The file cannot be written.</exception>
    public static void Write(string path, NeuralCheckpoint checkpoint) => Hdf5File.Write(path, ToTree(checkpoint));

    /// <summary>The file's tree.</summary>
    public static DataGroup ToTree(NeuralCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var state = checkpoint.State;
        var root = new DataGroup();
        root.Attributes["format"] = DataArray.Scalar(RomFileFormat.CheckpointFormat);
        root.Attributes["format_version"] = DataArray.Scalar(RomFileFormat.Version);
        root.Attributes["kind"] = DataArray.Scalar(Kind);
        root.Attributes["training_id"] = DataArray.Scalar(checkpoint.TrainingId);
        root.Attributes["epochs_completed"] = DataArray.Scalar((long)state.EpochsCompleted);
        root.Attributes["best_epoch"] = DataArray.Scalar((long)state.BestEpoch);
        root.Attributes["best_test_l2"] = DataArray.Scalar(state.BestValidationL2);
        root.Attributes["seconds"] = DataArray.Scalar(state.Seconds);
        FnoArchitecture.WriteTo(root.GetOrAddGroup("architecture"), checkpoint.Architecture);
        TensorGroup.Write(root.GetOrAddGroup("weights"), state.Weights);
        TensorGroup.Write(root.GetOrAddGroup("optimizer"), state.OptimizerState);
        if (state.BestWeights is not null)
            TensorGroup.Write(root.GetOrAddGroup("best_weights"), state.BestWeights);
        NormalizerGroup.Write(root, "input", state.InputNormalizer);
        NormalizerGroup.Write(root, "output", state.OutputNormalizer);
        TrainingGroup.WriteTo(root.GetOrAddGroup("training"),
            checkpoint.Record with { History = TrainingHistory.Series(state.History), Seconds = state.Seconds });
        return root;
    }

    /// <summary>Reads the checkpoint stored at <paramref name="path"/>.</summary>
    /// <exception cref="DataFileException">Not a checkpoint, or a part missing or malformed (named).</exception>
    public static NeuralCheckpoint Read(string path) => FromTree(Hdf5File.Read(path), path);

    /// <summary>The checkpoint in a file's tree; <paramref name="path"/> names the file in errors.</summary>
    /// <exception cref="DataFileException">Not a checkpoint, or a part missing or malformed (named).</exception>
    public static NeuralCheckpoint FromTree(DataGroup root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        RomFileFormat.CheckEnvelope(root, path, RomFileFormat.CheckpointFormat, Kind, "a training checkpoint");
        DataGroup Group(string name) => root.TryGetGroup(name, out var g) ? g
            : throw new DataFileException(path, "/" + name, "missing; a training checkpoint holds it");
        var architecture = FnoArchitecture.Read(Group("architecture"), path);
        var record = TrainingGroup.Read(Group("training"), path);
        int epochs = (int)Integer(root, "epochs_completed", path);
        var state = new TrainingState<float>(
            epochs,
            TensorGroup.Read(Group("weights"), path, "/weights"),
            TensorGroup.Read(Group("optimizer"), path, "/optimizer"),
            root.TryGetGroup("best_weights", out var best) ? TensorGroup.Read(best, path, "/best_weights") : null,
            (int)Integer(root, "best_epoch", path),
            Real(root, "best_test_l2", path),
            TrainingHistory.Records(record.History, epochs, path, "/training/history"),
            Real(root, "seconds", path),
            NormalizerGroup.Read(root, "input", architecture.InChannels, path),
            NormalizerGroup.Read(root, "output", architecture.OutChannels, path));
        string id = root.Attributes.TryGetValue("training_id", out var a) && a.IsString && a.Count == 1 ? a.AsStrings()[0]
            : throw new DataFileException(path, "/@training_id", $"found {a?.ToString() ?? "nothing"}; expected a string");
        return new NeuralCheckpoint(id, architecture, state, record);
    }

    private static long Integer(DataGroup root, string name, string path) =>
        root.Attributes.TryGetValue(name, out var a) && a.IsInteger && a.Count == 1 && a.AsLongs()[0] >= 0 ? a.AsLongs()[0]
            : throw new DataFileException(path, "/@" + name, $"found {a?.ToString() ?? "nothing"}; expected an integer ≥ 0");

    private static double Real(DataGroup root, string name, string path) =>
        root.Attributes.TryGetValue(name, out var a) && a.IsFloat && a.Count == 1 ? a.AsDoubles()[0]
            : throw new DataFileException(path, "/@" + name, $"found {a?.ToString() ?? "nothing"}; expected a float");
}
