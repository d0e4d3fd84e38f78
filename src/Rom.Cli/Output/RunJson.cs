namespace Rom.Cli.Output;

/// <summary>The JSON object <c>rom run --json</c> prints: the case, the outcome, the files, and every summary key at top level.</summary>
public static class RunJson
{
    /// <summary>Formats one run as an indented JSON object.</summary>
    public static string Format(RunReport report) => Indented(Object(report));

    /// <summary>The JSON object of one run, for commands that add keys of their own.</summary>
    public static JsonObject Object(RunReport report)
    {
        var json = new JsonObject
        {
            ["case"] = report.Document.Path,
            ["kind"] = report.Document.Kind.Name,
            ["title"] = report.Document.Title,
            ["setting_changes"] = new JsonArray(report.SettingChanges.Select(c => (JsonNode?)c).ToArray()),
            ["succeeded"] = report.Outcome.Succeeded,
            ["message"] = report.Outcome.Message,
            ["results"] = report.ResultsPath,
            ["plots"] = new JsonArray(report.PlotFiles.Select(p => (JsonNode?)p).ToArray()),
            ["total_seconds"] = report.TotalSeconds,
        };
        AddSummary(json, report.Outcome.Summary);
        return json;
    }

    /// <summary>Adds each summary item under its key (non-finite numbers as null, lists of counts as arrays).</summary>
    public static JsonObject AddSummary(JsonObject json, IEnumerable<SummaryItem> items)
    {
        foreach (var item in items)
            json[item.Key] = item.Value switch
            {
                double d => JsonNumber.Of(d),
                long l => l,
                long[] list => new JsonArray([.. list.Select(l => (JsonNode?)l)]),
                bool b => b,
                var other => other.ToString(),
            };
        return json;
    }

    /// <summary>The object as indented JSON text.</summary>
    public static string Indented(JsonObject json) => json.ToJsonString(Options);

    /// <summary>Indented, with symbols such as ‖, Δ and ε̂ written as themselves rather than as \u escapes.</summary>
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
