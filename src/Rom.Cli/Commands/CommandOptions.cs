namespace Rom.Cli.Commands;

/// <summary>The options several commands declare alike, declared once.</summary>
internal static class CommandOptions
{
    /// <summary><c>--json</c>: print JSON instead of the table, as <paramref name="description"/> says.</summary>
    internal static Option<bool> Json(string description = "Print one JSON object instead of the table.") => new("--json") { Description = description };

    /// <summary><c>--json</c> of the <c>rom bench</c> commands: print the rows as a JSON array instead of the table.</summary>
    internal static Option<bool> JsonRows() => Json("Print a JSON array of rows instead of the table.");

    /// <summary>The required <c>--out FILE</c> option of commands that always write a file.</summary>
    internal static Option<string> RequiredOut(string description) => new("--out") { Description = description, Required = true };

    /// <summary><c>--out FILE</c> of the <c>rom bench</c> commands: the table file, results/<paramref name="defaultName"/> by default, with a .json twin beside it.</summary>
    internal static Option<string> TableFile(string defaultName) => new("--out")
    {
        Description = "Table file to write; the JSON goes beside it with the extension .json.",
        DefaultValueFactory = _ => Path.Combine("results", defaultName),
    };

    /// <summary>The repeatable <c>--set key=value</c> option of commands that run a case.</summary>
    internal static Option<string[]> Set(string example) => new("--set")
    {
        Description = $"Override a setting, e.g. --set {example} (repeatable; 'rom info CASE' lists them).",
        AllowMultipleArgumentsPerToken = false,
    };
}
