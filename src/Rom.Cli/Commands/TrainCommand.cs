namespace Rom.Cli.Commands;

/// <summary>
/// <c>rom train CASE --out MODEL.h5 [--json] [--set key=value ...]</c>: trains an <c>fno</c> case (<see cref="FnoTraining.Run"/>)
/// or an <c>nsm</c> case (<see cref="NsmTraining.Run"/>) into a model file, checkpointing to MODEL.h5.partial after every
/// epoch (fno) or record (nsm); run again with the same arguments it resumes. Exit 1 on a non-finite loss (no model file, the checkpoint kept); on Ctrl+C (SIGINT) it
/// stops before the next batch, keeps the checkpoint of the last complete epoch and exits with 130.
/// </summary>
public static class TrainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var casePath = new Argument<string>("case") { Description = "The fno or nsm case file (HDF5), e.g. cases/fno-darcy16.h5." };
        var output = CommandOptions.RequiredOut("Model file to write; MODEL.partial keeps the progress until training completes, plots go beside it (MODEL-loss.svg, …).");
        var set = CommandOptions.Set("training.epochs=3");
        var json = CommandOptions.Json();
        var command = new Command("train", "Train a neural operator (an fno case) or a neural spectral method (an nsm case) into a model file; an interrupted run restarted with the same arguments resumes.")
        {
            casePath, output, set, json,
        };
        command.SetAction(parse => Train(context, parse.GetRequiredValue(casePath), parse.GetRequiredValue(output), parse.GetValue(set) ?? [], parse.GetValue(json)));
        return command;
    }

    private static int Train(CliContext context, string casePath, string modelPath, string[] overrides, bool asJson)
    {
        // The first Ctrl+C stops training cleanly at the next batch; a second one ends the process as usual.
        using var interruption = new Interruption(context.Cancellation);
        var progress = new ConsoleProgress(context.Error, context.ErrorIsTerminal);
        if (CaseDocument.Load(casePath).Kind is NsmKind)
            return TrainSpectral(context, progress, new NsmTrainingRequest(casePath, modelPath) { Overrides = overrides, Progress = progress, Cancellation = interruption.Token }, asJson);
        var report = FnoTraining.Run(new FnoTrainingRequest(casePath, modelPath)
        {
            Overrides = overrides,
            Progress = progress,
            TrainingProgress = new TrainingProgressDisplay(progress, context.ErrorIsTerminal),
            Cancellation = interruption.Token,
        });
        progress.Finish();
        if (Stopped(context, report.StopReason, report.Message, "failed") is int stopped)
            return stopped;
        if (asJson)
            context.Out.WriteLine(RunJson.Indented(Json(report)));
        else
            Table(context.Out, report);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Reports a training that stopped early (a non-finite loss, described as <paramref name="failure"/>, or Ctrl+C)
    /// and returns its exit code; null when the training completed.
    /// </summary>
    private static int? Stopped(CliContext context, StopReason reason, string message, string failure)
    {
        switch (reason)
        {
            case StopReason.NonFiniteLoss:
                context.Error.WriteLine($"error: training {failure}: {message} No model file written.");
                return ExitCodes.Failure;
            case StopReason.Cancelled:
                context.Error.WriteLine($"interrupted: {message} Run the same command to resume.");
                return ExitCodes.Interrupted;
            default:
                return null;
        }
    }

    private static int TrainSpectral(CliContext context, ConsoleProgress progress, NsmTrainingRequest request, bool asJson)
    {
        var report = NsmTraining.Run(request);
        progress.Finish();
        if (Stopped(context, report.StopReason, report.Message, "diverged") is int stopped)
            return stopped;
        if (asJson)
        {
            var json = new JsonObject
            {
                ["model"] = report.ModelPath,
                ["resumed_from_step"] = report.ResumedFromStep,
                ["plots"] = new JsonArray([.. report.PlotFiles.Select(p => (JsonNode?)p)]),
            };
            RunJson.AddSummary(json, report.Summary);
            context.Out.WriteLine(RunJson.Indented(json));
            return ExitCodes.Success;
        }
        context.Out.WriteLine($"wrote {report.ModelPath}{(report.ResumedFromStep > 0 ? $" (resumed from step {report.ResumedFromStep})" : "")}");
        SummaryTable.Write(context.Out, [.. report.Summary.Select(i => (i.Label, SummaryTable.Format(i.Value, i.Unit)))]);
        foreach (var plot in report.PlotFiles)
            context.Out.WriteLine($"plot: {plot}");
        return ExitCodes.Success;
    }

    /// <summary>The JSON object: the files, every summary key, and the zero-shot errors on the resolution test files.</summary>
    private static JsonObject Json(FnoTrainingReport report)
    {
        var json = new JsonObject
        {
            ["model"] = report.ModelPath,
            ["resumed_from_epoch"] = report.ResumedFromEpoch,
            ["plots"] = new JsonArray([.. report.PlotFiles.Select(p => (JsonNode?)p)]),
        };
        RunJson.AddSummary(json, report.Summary);
        json["resolution_tests"] = new JsonArray([.. report.ResolutionTests.Select(t => (JsonNode?)new JsonObject
        {
            ["file"] = t.File,
            ["resolution"] = t.ResolutionText,
            ["samples"] = t.Samples,
            ["rel_l2"] = JsonNumber.Of(t.RelativeL2),
            ["h1"] = JsonNumber.Of(t.RelativeH1),
        })]);
        return json;
    }

    private static void Table(TextWriter writer, FnoTrainingReport report)
    {
        writer.WriteLine($"wrote {report.ModelPath}{(report.ResumedFromEpoch > 0 ? $" (resumed from epoch {report.ResumedFromEpoch})" : "")}");
        var rows = report.Summary.Select(i => (i.Label, SummaryTable.Format(i.Value, i.Unit))).ToList();
        foreach (var t in report.ResolutionTests)
            rows.Add(($"{Path.GetFileName(t.File)} ({t.ResolutionText}), zero-shot", $"relative L2 {SummaryTable.Format(t.RelativeL2)}, H1 {SummaryTable.Format(t.RelativeH1)}"));
        SummaryTable.Write(writer, rows);
        foreach (var plot in report.PlotFiles)
            writer.WriteLine($"plot: {plot}");
    }
}
