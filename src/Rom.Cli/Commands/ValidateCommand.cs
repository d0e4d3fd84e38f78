using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rom.Cases.Validation;
using Rom.Cli.Output;

namespace Rom.Cli.Commands;

/// <summary><c>rom validate [FOLDER] [--json]</c>: runs every validation case and compares it with its reference.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var folder = new Argument<string>("folder")
        {
            Description = "Folder of validation case files (each with a /reference group).",
            DefaultValueFactory = _ => Path.Combine("validation", "cases"),
        };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of checks instead of the table." };
        var command = new Command("validate", "Run every validation case, compare with its reference within its stated tolerance.") { folder, json };
        command.SetAction(parse =>
        {
            var progress = new ConsoleProgress(context.Error, context.ErrorIsTerminal);
            var checks = ValidationSuite.Run(parse.GetRequiredValue(folder), progress);
            progress.Finish();
            if (parse.GetValue(json))
                context.Out.WriteLine(new JsonArray(checks.Select(ToJson).ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            else
                ValidationTable.Write(context.Out, checks);
            return checks.All(c => c.Passed) ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static JsonNode ToJson(ValidationCheck c) => new JsonObject
    {
        ["case"] = c.Case,
        ["check"] = c.Check,
        ["expected"] = JsonNumber.Of(c.Expected),
        ["actual"] = JsonNumber.Of(c.Actual),
        ["relative_error"] = JsonNumber.Of(c.RelativeError),
        ["tolerance"] = c.Tolerance,
        ["passed"] = c.Passed,
        ["source"] = c.Source,
        ["problem"] = c.Problem,
    };
}
