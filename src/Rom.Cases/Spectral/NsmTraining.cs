using Rom.Cases.Kinds;
using Rom.Cases.Neural;
using Rom.Neural;
using Rom.Neural.Training;
using Rom.SpectralSolvers;

namespace Rom.Cases.Spectral;

/// <summary>
/// <c>rom train</c> for an <c>nsm</c> case as one call: read and check the case, continue the checkpoint MODEL.h5.partial
/// of an interrupted run with the same case and settings (or start afresh), train by the spectral residual loss with a
/// checkpoint at every record, and on completion write the model file with its training record and the plots beside
/// it, and remove the checkpoint. A non-finite loss or cancellation writes no model file and keeps the checkpoint of
/// the last record (the last good state).
/// </summary>
public static class NsmTraining
{
    /// <summary>Trains the case <paramref name="request"/> names.</summary>
    /// <exception cref="CaseInputException">Bad case or settings, or a checkpoint of other settings at the model's path.</exception>
    /// <exception cref="DataFileException">An unreadable checkpoint.</exception>
    public static NsmTrainingReport Run(NsmTrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string casePath = request.CasePath, modelPath = request.ModelPath, checkpointPath = modelPath + ".partial";
        var (document, settings) = CaseRunner.Prepare(casePath, request.Overrides);
        if (document.Kind is not NsmKind)
            throw new CaseInputException("/@kind", $"'{document.Kind.Name}'", "'nsm' (this trainer takes nsm cases)", casePath);
        var (problem, architecture, training) = CaseRunner.Blame(settings, casePath, () => NsmCase.Load(settings));
        OutputFile.Prepare(modelPath);
        string identity = CaseIdentity.Of(document, settings);
        SpectralTrainingState? resume = null;
        if (File.Exists(checkpointPath))
        {
            var saved = NsmModelFile.ReadCheckpoint(checkpointPath);
            if (saved.TrainingId != identity)
                throw new CaseInputException(checkpointPath, "a checkpoint left by training with other settings (or another case file)",
                    $"the case and settings it was started with, to resume it; to start over with these settings delete it (rm {checkpointPath}) or choose another --out");
            resume = saved.State;
        }

        string method = training.ExactNorm ? "spectral" : "sum-of-squares";
        var record = NsmCase.Record(settings);
        var provenance = FnoTraining.Provenance(document, settings);
        var model = new Nsm<float>(architecture);
        Report(request, "test set", $"{training.TestSamples} {problem.Name} samples solved classically");
        var (test, references) = SpectralTrainer.TestSet(problem, training);
        int resumedFrom = resume?.StepsCompleted ?? 0;
        if (resume is not null)
            Report(request, "resume", $"resuming from step {resumedFrom} ({checkpointPath})");
        var summary = new List<SummaryItem>
        {
            new("problem", "problem", problem.Name),
            new("method", "loss", method),
            new("parameters", "parameters (real scalars)", model.ScalarCount()),
        };
        IReadOnlyList<SpectralTrainingRecord> history;
        int lastSaved = resumedFrom;
        try
        {
            history = SpectralTrainer.Train(model, problem, training,
                r => request.Progress?.Report(new ProgressUpdate("train", (double)r.Step / training.Steps,
                    $"step {r.Step}/{training.Steps}  loss {r.Loss:G4}  test relative L2 {r.TestRelativeL2:P3}")),
                request.Cancellation, resume,
                state =>
                {
                    NsmModelFile.WriteCheckpoint(checkpointPath, identity, new NsmModel(architecture, record, state.Weights, provenance), state);
                    lastSaved = state.StepsCompleted;
                });
        }
        catch (ArithmeticException e)
        {
            return new NsmTrainingReport(modelPath, checkpointPath, StopReason.NonFiniteLoss,
                $"{e.Message} {(lastSaved > 0 ? $"The checkpoint of step {lastSaved} is kept in {checkpointPath}." : "No step was recorded, no checkpoint.")}",
                resumedFrom, summary, []);
        }
        int done = history.Count == 0 ? resumedFrom : history[^1].Step;
        if (done < training.Steps)
            return new NsmTrainingReport(modelPath, checkpointPath, StopReason.Cancelled,
                $"stopped after step {done} of {training.Steps}; {(lastSaved > 0 ? $"the checkpoint of step {lastSaved} is kept in {checkpointPath}" : "no step was recorded, no checkpoint")}.",
                resumedFrom, summary, []);

        var last = history[^1];
        summary.AddRange(
        [
            new("steps", "steps", (long)last.Step),
            new("seconds", "training time", last.Seconds, "s"),
            new("loss", "residual loss (mean per sample) over the last record's steps", last.Loss),
            new("test_rel_l2", $"test relative L2 ({training.TestSamples} samples against the classical solver)", last.TestRelativeL2),
        ]);
        var plots = new List<PlotRequest>();
        if (settings.Integer("output.plots") == 1)
        {
            int shown = Math.Min(NsmTrainingPlots.SampleCount, training.TestSamples), per = test.Count / training.TestSamples;
            var chosen = new Tensors.Tensor<float>([shown, .. test.Shape.Skip(1)], test.Data.AsSpan(0, shown * per).ToArray());
            var u = SpectralTrainer.Predict(model, problem, chosen, null).Value;
            int size = u.Count / shown;
            float[][] predictions = [.. Enumerable.Range(0, shown).Select(s => u.Data.AsSpan(s * size, size).ToArray())];
            plots.AddRange(NsmTrainingPlots.All(problem, history, predictions, references));
            Report(request, "plots", $"{plots.Count} plots");
        }
        var plotFiles = PlotFiles.Write(modelPath, plots, () =>
        {
            Report(request, "write", modelPath);
            NsmModelFile.Write(modelPath, new NsmModel(architecture, record, model.Parameters.Snapshot(),
                provenance with { History = NsmModelFile.History(history), Seconds = last.Seconds, CreatedUtc = FnoTraining.Now() }));
            if (File.Exists(checkpointPath))
                File.Delete(checkpointPath);
        });
        return new NsmTrainingReport(modelPath, checkpointPath, StopReason.Completed, $"trained {last.Step} steps", resumedFrom, summary, plotFiles);
    }

    private static void Report(NsmTrainingRequest request, string stage, string detail) =>
        request.Progress?.Report(new ProgressUpdate(stage, null, detail));
}
