namespace Rom.Cli.Commands;

/// <summary>
/// <c>rom predict MODEL.h5 --input DATA.h5 --out PRED.h5 [--json]</c>: applies a trained model to every sample of a data
/// file (any resolution that holds the model's modes), writes the predictions atomically and, when the file has
/// targets, prints the mean relative L2 error. For a neural-spectral-method model the input is the parameter fields
/// (<see cref="NsmPrediction"/>), the output values on a <c>--resolution</c> grid, compared with the classical solver.
/// </summary>
public static class PredictCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var model = new Argument<string>("model") { Description = "A model file (rom train)." };
        var input = new Option<string>("--input") { Description = "Data file: datasets x (and y) of neuraloperator's layout, or a rom sweep dataset.", Required = true };
        var output = CommandOptions.RequiredOut("Predictions file to write (/predictions [samples, X, Y] float32).");
        var inputDataset = new Option<string>("--input-dataset") { Description = "Input dataset (neuraloperator's layout).", DefaultValueFactory = _ => "x" };
        var targetDataset = new Option<string>("--target-dataset") { Description = "Target dataset, compared with when present.", DefaultValueFactory = _ => "y" };
        var resolution = new Option<int>("--resolution") { Description = "NSM models: output points per axis (the solution is a series; any grid).", DefaultValueFactory = _ => 64 };
        var json = CommandOptions.Json();
        var command = new Command("predict", "Predict with a trained neural operator (rel_l2 against the file's targets) or neural spectral method (rel_l2 against the classical solver) on a data file.")
        {
            model, input, output, inputDataset, targetDataset, resolution, json,
        };
        command.SetAction(parse =>
        {
            string outPath = OutputFile.Prepare(parse.GetRequiredValue(output));
            string modelPath = parse.GetRequiredValue(model);
            var outcome = NsmPrediction.IsModel(Hdf5File.Read(modelPath))
                ? NsmPrediction.Run(modelPath, parse.GetRequiredValue(input), parse.GetRequiredValue(inputDataset), parse.GetValue(resolution))
                : FnoPrediction.Run(modelPath, parse.GetRequiredValue(input), parse.GetRequiredValue(inputDataset), parse.GetRequiredValue(targetDataset));
            Hdf5File.Write(outPath, outcome.Results);
            if (parse.GetValue(json))
                context.Out.WriteLine(RunJson.Indented(RunJson.AddSummary(new JsonObject { ["predictions"] = outPath }, outcome.Summary)));
            else
            {
                context.Out.WriteLine($"wrote {outPath}");
                SummaryTable.Write(context.Out, outcome.Summary.Select(i => (i.Label, SummaryTable.Format(i.Value, i.Unit))));
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
