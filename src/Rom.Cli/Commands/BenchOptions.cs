namespace Rom.Cli.Commands;

/// <summary>The options every <c>rom bench</c> command shares, declared once.</summary>
public static class BenchOptions
{
    /// <summary><c>--out FILE</c>: the table file, results/<paramref name="defaultName"/> by default, with a .json twin beside it.</summary>
    public static Option<string> TableFile(string defaultName) => new("--out")
    {
        Description = "Table file to write; the JSON goes beside it with the extension .json.",
        DefaultValueFactory = _ => Path.Combine("results", defaultName),
    };

    /// <summary><c>--json</c>: print the rows as a JSON array instead of the table.</summary>
    public static Option<bool> JsonRows() => new("--json") { Description = "Print a JSON array of rows instead of the table." };
}
