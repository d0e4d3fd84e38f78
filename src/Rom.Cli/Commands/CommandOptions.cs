namespace Rom.Cli.Commands;

/// <summary>The options several commands declare alike, declared once.</summary>
internal static class CommandOptions
{
    /// <summary><c>--json</c>: print JSON instead of the table, as <paramref name="description"/> says.</summary>
    internal static Option<bool> Json(string description = "Print one JSON object instead of the table.") => new("--json") { Description = description };

    /// <summary>The required <c>--out FILE</c> option of commands that always write a file.</summary>
    internal static Option<string> RequiredOut(string description) => new("--out") { Description = description, Required = true };

    /// <summary>The repeatable <c>--set key=value</c> option of commands that run a case.</summary>
    internal static Option<string[]> Set(string example) => new("--set")
    {
        Description = $"Override a setting, e.g. --set {example} (repeatable; 'rom info CASE' lists them).",
        AllowMultipleArgumentsPerToken = false,
    };
}
