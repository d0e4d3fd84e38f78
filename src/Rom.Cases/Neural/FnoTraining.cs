using System.Diagnostics;
using System.Globalization;
using Rom.Cases.Running;
using Rom.Cases.Settings;
using Rom.IO.Formats;
using Rom.IO.Hdf5;
using Rom.Neural;

namespace Rom.Cases.Neural;

/// <summary>What training an <c>fno</c> case gives: the model, its record for the model file, and the summary to print.</summary>
/// <param name="Model">The trained model.</param>
/// <param name="Record">How it was trained (settings, history, provenance), for <see cref="NeuralModelFile.Write"/>.</param>
/// <param name="Summary">Samples, resolution, time and the test errors (keys as <c>--json</c> prints them).</param>
public sealed record FnoTrainingOutcome(NeuralOperatorModel Model, NeuralTrainingRecord Record, IReadOnlyList<SummaryItem> Summary);

/// <summary>
/// Training an <c>fno</c> case in one call: load and check the case's data, hand it to a trainer, measure the trained
/// model on the test sets and build the model file's record. <c>rom train</c> is this plus <see cref="NeuralModelFile.Write"/>.
/// </summary>
public static class FnoTraining
{
    /// <summary>Trains the case with <paramref name="trainer"/>; input errors name the case file, the data file or <c>--set</c>.</summary>
    public static FnoTrainingOutcome Train(CaseDocument document, CaseSettings settings, IFnoTrainer trainer, IProgress<ProgressUpdate> progress)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(progress);
        var clock = Stopwatch.StartNew();
        var data = CaseRunner.Blame(settings, document.Path, () => FnoCase.Load(document, settings));
        progress.Report(new ProgressUpdate("data", null, $"{data.Train.Samples} training and {data.Test.Samples} test samples at {data.Train.ResolutionText}"));
        var result = trainer.Train(data, progress);
        double seconds = clock.Elapsed.TotalSeconds;

        var summary = new List<SummaryItem>
        {
            new("train_samples", "training samples", (long)data.Train.Samples),
            new("test_samples", "test samples", (long)data.Test.Samples),
            new("resolution", "training resolution", data.Train.ResolutionText),
            new("epochs", "epochs", (long)data.Training.Epochs),
            new("parameters", "parameters (real scalars)", result.Model.ParameterCount),
            new("seconds", "training time", seconds, "s"),
            new("test_rel_l2", $"test relative L2 ({data.Test.ResolutionText})", Evaluate(result.Model, data.Test)),
        };
        foreach (var extra in data.ResolutionTests)
            summary.Add(new($"test_rel_l2_{string.Join("x", extra.Resolution)}", $"relative L2 of {Path.GetFileName(extra.Path)} ({extra.ResolutionText})", Evaluate(result.Model, extra)));

        var settingsTree = new DataGroup();
        settings.WriteTo(settingsTree);
        var record = new NeuralTrainingRecord
        {
            Settings = settingsTree,
            History = result.History,
            RomVersion = CaseRunner.RomVersion,
            CreatedUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            Machine = NeuralTrainingRecord.ThisMachine(),
            CaseFile = Path.GetFullPath(document.Path),
            CaseSha256 = document.Sha256,
            Seconds = seconds,
        };
        return new FnoTrainingOutcome(result.Model, record, summary);
    }

    /// <summary>The mean relative L2 error of the model on a data set with targets.</summary>
    public static double Evaluate(NeuralOperatorModel model, FieldData data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var targets = data.Targets ?? throw new ArgumentException($"{data.Path} has no targets.", nameof(data));
        return RelativeError.MeanL2(FnoPrediction.PredictAll(model, data.Inputs), targets);
    }
}
