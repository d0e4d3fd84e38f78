using System.Text.Encodings.Web;

namespace Rom.Bench;

/// <summary>The text forms the benchmark reports share: an aligned table and an indented JSON array.</summary>
public static class BenchText
{
    /// <summary>Writes <paramref name="lines"/> (the header first) as columns padded to their widest cell, two spaces apart.</summary>
    public static void WriteAligned(TextWriter writer, IReadOnlyList<string[]> lines)
    {
        var widths = Enumerable.Range(0, lines[0].Length).Select(c => lines.Max(l => l[c].Length)).ToArray();
        foreach (var line in lines)
            writer.WriteLine(string.Join("  ", line.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
    }

    /// <summary>The rows as an indented JSON array, non-ASCII text such as µ written as it is.</summary>
    public static string RelaxedJson(IEnumerable<JsonNode> rows) =>
        new JsonArray(rows.ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
