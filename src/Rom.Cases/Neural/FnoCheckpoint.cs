using Rom.Neural.Models;
using Rom.Neural.Training;

namespace Rom.Cases.Neural;

/// <summary>
/// <c>rom train</c>'s MODEL.h5.partial: the training state after the last complete epoch, rewritten atomically after
/// every epoch (<see cref="NeuralCheckpointFile"/>), so a run killed at any moment leaves a whole checkpoint. A run
/// with the same case and settings (<see cref="Running.CaseIdentity"/>) continues it; any other run is refused rather
/// than mixed in. Removed once the model file is written.
/// </summary>
internal sealed class FnoCheckpoint
{
    private readonly string _identity;
    private readonly FnoOptions _architecture;

    private FnoCheckpoint(string path, string identity, FnoOptions architecture, TrainingState<float>? saved)
    {
        Path = path;
        _identity = identity;
        _architecture = architecture;
        Saved = saved;
    }

    /// <summary>The checkpoint file.</summary>
    public string Path { get; }

    /// <summary>The state found on disk when opened, or null.</summary>
    public TrainingState<float>? Saved { get; }

    /// <summary>The checkpoint at <paramref name="path"/> of the run with <paramref name="identity"/>, with its state when one was left.</summary>
    /// <exception cref="CaseInputException">The file was left by a run of another case or other settings.</exception>
    /// <exception cref="Rom.IO.Hdf5.DataFileException">The file is not a readable checkpoint.</exception>
    public static FnoCheckpoint Open(string path, string identity, FnoOptions architecture)
    {
        if (!File.Exists(path))
            return new FnoCheckpoint(path, identity, architecture, null);
        var saved = NeuralCheckpointFile.Read(path);
        if (saved.TrainingId != identity)
            throw new CaseInputException(path, "a checkpoint left by training with other settings (or another case file)",
                $"the case and settings it was started with, to resume it; to start over with these settings delete it (rm {path}) or choose another --out");
        return new FnoCheckpoint(path, identity, architecture, saved.State);
    }

    /// <summary>Replaces the checkpoint with <paramref name="state"/> (atomically).</summary>
    public void Save(TrainingState<float> state, NeuralTrainingRecord provenance) =>
        NeuralCheckpointFile.Write(Path, new NeuralCheckpoint(_identity, _architecture, state, provenance with { CreatedUtc = FnoTraining.Now() }));

    /// <summary>Removes the file once the model is written.</summary>
    public void Delete() => File.Delete(Path);
}
