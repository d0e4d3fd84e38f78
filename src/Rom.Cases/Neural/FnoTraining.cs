using Rom.Cases.Kinds;
using Rom.Neural;
using Rom.Neural.Training;

namespace Rom.Cases.Neural;

/// <summary>
/// <c>rom train</c> as one call: read and check the case and its data, continue the checkpoint MODEL.h5.partial of an
/// interrupted run with the same case and settings (or start afresh), train with a checkpoint after every epoch,
/// and on completion measure the model on the test set and the resolution test files, write the model file with
/// its training record and the plots beside it, and remove the checkpoint. A non-finite loss or cancellation writes
/// no model file and keeps the checkpoint of the last complete epoch.
/// </summary>
public static class FnoTraining
{
    /// <summary>Trains the case <paramref name="request"/> names.</summary>
    /// <exception cref="CaseInputException">Bad case, settings or data, or a checkpoint of other settings at the model's path.</exception>
    /// <exception cref="DataFileException">An unreadable data file or checkpoint.</exception>
    public static FnoTrainingReport Run(FnoTrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string casePath = request.CasePath, modelPath = request.ModelPath;
        var (document, settings) = CaseRunner.Prepare(casePath, request.Overrides);
        if (document.Kind is not FnoKind)
            throw new CaseInputException("/@kind", $"'{document.Kind.Name}'", "'fno' (rom train trains fno cases; rom run runs the others)", casePath);
        var data = CaseRunner.Blame(settings, casePath, () => FnoCase.Load(document, settings));
        // Every input is checked before anything is written or shown: bad input is one line and no file.
        OutputFile.Prepare(modelPath);
        var checkpoint = FnoCheckpoint.Open(modelPath + ".partial", CaseIdentity.Of(document, settings), data.Model);
        Report(request, "data", $"{data.Train.Samples} training and {data.Test.Samples} test samples at {data.Train.ResolutionText}");
        int resumedFrom = checkpoint.Saved?.EpochsCompleted ?? 0;
        if (checkpoint.Saved is not null)
            Report(request, "resume", $"resuming from epoch {resumedFrom} ({checkpoint.Path})");
        var provenance = Provenance(document, settings);
        var run = new FnoTrainingRun
        {
            Resume = checkpoint.Saved,
            EpochCompleted = state => checkpoint.Save(state, provenance),
            Progress = request.TrainingProgress,
            Cancellation = request.Cancellation,
        };
        FnoTrainingResult result;
        try
        {
            result = request.Trainer.Train(data, run);
        }
        catch (ArgumentException e) when (checkpoint.Saved is not null)
        {
            throw new DataFileException(checkpoint.Path, null, $"the checkpoint does not continue this training ({e.Reason()}); delete it to start over");
        }

        var training = result.Training;
        var summary = Summary(data, result.Model, training);
        if (training.StopReason != StopReason.Completed)
        {
            string kept = training.EpochsRun > 0 ? $"checkpoint of epoch {training.EpochsRun} kept in {checkpoint.Path}" : "no epoch completed, no checkpoint";
            return new FnoTrainingReport(modelPath, checkpoint.Path, training.StopReason, $"{training.Message} {Capitalised(kept)}.",
                resumedFrom, summary, [], []);
        }

        Report(request, "evaluate", "test sets");
        var test = Evaluate(result.Model, data.Test, data.Training.BatchSize);
        summary.Add(new("test_rel_l2", $"test relative L2 ({data.Test.ResolutionText})", test.L2));
        summary.Add(new("test_h1", $"test relative H1 ({data.Test.ResolutionText})", test.H1));
        var resolutionTests = data.ResolutionTests.Select(extra =>
        {
            var m = Evaluate(result.Model, extra, data.Training.BatchSize);
            return new ResolutionTest(extra.Path, extra.Resolution, extra.Samples, m.L2, m.H1);
        }).ToList();

        var plots = settings.Integer("output.plots") == 1 ? FnoTrainingPlots.All(result.Model, data, training.History, test, resolutionTests) : [];
        if (plots.Count > 0)
            Report(request, "plots", $"{plots.Count} plots");
        var plotFiles = PlotFiles.Write(modelPath, plots, () =>
        {
            Report(request, "write", modelPath);
            NeuralModelFile.Write(modelPath, result.Model,
                provenance with { History = TrainingHistory.Series(training.History), Seconds = training.Seconds, CreatedUtc = Now() });
            checkpoint.Delete();
        });
        return new FnoTrainingReport(modelPath, checkpoint.Path, StopReason.Completed, training.Message, resumedFrom, summary, resolutionTests, plotFiles);
    }

    /// <summary>The relative L2 and H¹ errors per sample of the model on a data set with targets (batches without a tape).</summary>
    /// <exception cref="ArgumentException">The data set has no targets.</exception>
    public static ValidationMetrics Evaluate(NeuralOperatorModel model, FieldData data, int batchSize = FnoPrediction.BatchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Trainer<float>.Evaluate(model.Network, FnoTrainer.Dataset(data), model.InputNormalizer, model.OutputNormalizer, batchSize);
    }

    /// <summary>The current UTC time as the files record it (ISO 8601).</summary>
    internal static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Where a model came from: the case's effective settings, the case file and its hash, the machine, Rom's version.</summary>
    internal static NeuralTrainingRecord Provenance(CaseDocument document, CaseSettings settings)
    {
        var tree = new DataGroup();
        settings.WriteTo(tree);
        return new NeuralTrainingRecord
        {
            Settings = tree,
            RomVersion = CaseRunner.RomVersion,
            CreatedUtc = Now(),
            Machine = NeuralTrainingRecord.ThisMachine(),
            CaseFile = Path.GetFullPath(document.Path),
            CaseSha256 = document.Sha256,
        };
    }

    /// <summary>The summary of the run so far (the test errors are added once the model is evaluated).</summary>
    private static List<SummaryItem> Summary(FnoCaseData data, NeuralOperatorModel model, TrainingResult<float> training)
    {
        double epochSeconds = training.History.Sum(e => e.Seconds);
        return
        [
            new("train_samples", "training samples", (long)data.Train.Samples),
            new("test_samples", "test samples", (long)data.Test.Samples),
            new("resolution", "training resolution", data.Train.ResolutionText),
            new("parameters", "parameters (real scalars)", model.ParameterCount),
            new("spectral_parameters", "of them in spectral weights", model.Network.SpectralConvolutions.Sum(c => c.Weight.ScalarCount())),
            new("epochs", "epochs", (long)training.EpochsRun),
            new("seconds", "training time", training.Seconds, "s"),
            new("seconds_per_epoch", "time per epoch (with validation)", training.History.Count == 0 ? double.NaN : epochSeconds / training.History.Count, "s"),
            new("samples_per_second", "training samples per second", epochSeconds > 0 ? (double)data.Train.Samples * training.History.Count / epochSeconds : double.NaN),
            new("train_loss", $"final training loss ({data.Training.Loss}{(data.Training.NormalizeOutputs ? ", encoded targets" : "")})", training.FinalTrainLoss),
            new("best_epoch", "epoch with the lowest test L2", (long)training.BestEpoch),
        ];
    }

    private static void Report(FnoTrainingRequest request, string stage, string detail) =>
        request.Progress?.Report(new ProgressUpdate(stage, null, detail));

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
