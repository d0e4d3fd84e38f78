using Rom.IO.Torch;

namespace Rom.Cli.Commands;

/// <summary>
/// <c>rom import STATE_DICT.pt --out MODEL.h5 [--set key=value ...] [--json]</c>: reads a neuraloperator FNO/TFNO
/// state dict (torch.save's zip format; no Python needed) into a Rom model file, the architecture from its
/// <c>_metadata</c> and any <c>--set</c> under neuraloperator's argument names.
/// </summary>
public static class ImportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var stateDict = new Argument<string>("state-dict") { Description = "A .pt file torch.save wrote from a neuraloperator FNO or TFNO's state_dict()." };
        var output = CommandOptions.RequiredOut("Model file to write (rom predict and rom info read it).");
        var set = new Option<string[]>("--set")
        {
            Description = "An architecture setting under neuraloperator's name when _metadata lacks it or to override it, e.g. --set n_modes=16,16 (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };
        var json = CommandOptions.Json();
        var command = new Command("import", "Import a neuraloperator FNO/TFNO state dict (.pt) as a Rom model file.") { stateDict, output, set, json };
        command.SetAction(parse =>
        {
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string assignment in parse.GetValue(set) ?? [])
            {
                int eq = assignment.IndexOf('=');
                if (eq <= 0)
                    throw new CaseInputException("--set", $"'{assignment}'", "key=value with a neuraloperator FNO argument name, e.g. n_modes=16,16");
                settings[assignment[..eq].Trim()] = assignment[(eq + 1)..];
            }
            string source = parse.GetRequiredValue(stateDict), outPath = OutputFile.Prepare(parse.GetRequiredValue(output));
            var model = NeuraloperatorStateDict.Read(source, settings);
            NeuralModelFile.Write(outPath, model);
            var o = model.Options;
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(RunJson.Indented(new JsonObject
                {
                    ["model"] = outPath,
                    ["source"] = source,
                    ["parameters"] = model.ParameterCount,
                    ["dimensions"] = o.Dimensions,
                    ["n_modes"] = new JsonArray([.. o.Modes.Select(m => JsonValue.Create(m))]),
                    ["factorization"] = o.Factorization,
                    ["rank"] = o.Rank,
                }));
                return ExitCodes.Success;
            }
            context.Out.WriteLine($"wrote {outPath}: {(o.Factorization == "dense" ? "FNO" : "TFNO")} {o.Dimensions}-D, {o.Factorization} spectral weights, "
                + $"{SummaryTable.Format(model.ParameterCount)} parameters (rom info {outPath} shows all).");
            context.Out.WriteLine("It has no normalisers (neuraloperator keeps them in its data processor): give it inputs as the PyTorch model saw them.");
            return ExitCodes.Success;
        });
        return command;
    }
}
