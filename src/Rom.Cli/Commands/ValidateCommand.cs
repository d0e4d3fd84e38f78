using Rom.Cases.Validation;

namespace Rom.Cli.Commands;

/// <summary>
/// <c>rom validate [FOLDER] [--json]</c>: runs every validation case and compares it with its reference. Without a
/// folder it runs the cases of validation/cases that are embedded in the tool, from a temporary folder.
/// </summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var folder = new Argument<string?>("folder")
        {
            Description = "Folder of validation case files (each with a /reference group); default: the validation cases shipped with rom.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = CommandOptions.Json("Print a JSON array of checks instead of the table.");
        var command = new Command("validate", "Run every validation case, compare with its reference within its stated tolerance.") { folder, json };
        command.SetAction(parse =>
        {
            var progress = new ConsoleProgress(context.Error, context.ErrorIsTerminal);
            string? given = parse.GetValue(folder);
            string cases = given ?? ShippedCases();
            IReadOnlyList<ValidationCheck> checks;
            try
            {
                checks = ValidationSuite.Run(cases, progress);
            }
            finally
            {
                if (given is null) Directory.Delete(cases, recursive: true);
            }
            progress.Finish();
            if (parse.GetValue(json))
                context.Out.WriteLine(new JsonArray(checks.Select(ToJson).ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            else
                ValidationTable.Write(context.Out, checks);
            return checks.All(c => c.Passed) ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    // Writes the embedded validation cases into a fresh temporary folder and returns it.
    private static string ShippedCases()
    {
        string folder = Directory.CreateTempSubdirectory("rom-validation-cases-").FullName;
        var assembly = typeof(ValidateCommand).Assembly;
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("validation-cases/", StringComparison.Ordinal)))
        {
            using var resource = assembly.GetManifestResourceStream(name)!;
            using var file = File.Create(Path.Combine(folder, name["validation-cases/".Length..]));
            resource.CopyTo(file);
        }
        return folder;
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
