using System.Globalization;

namespace Rom.Cli.Output;

/// <summary>Writes label–value pairs as an aligned two-column table and formats summary values for people.</summary>
public static class SummaryTable
{
    /// <summary>Writes the rows, labels left-aligned in one column.</summary>
    public static void Write(TextWriter writer, IEnumerable<(string Label, string Value)> rows)
    {
        var list = rows.ToList();
        int width = list.Count == 0 ? 0 : list.Max(r => r.Label.Length);
        foreach (var (label, value) in list)
            writer.WriteLine($"  {label.PadRight(width)}  {value}");
    }

    /// <summary>Formats a number, count, flag or text for the table (counts with separators, reals to 6 digits).</summary>
    public static string Format(object value, string unit = "")
    {
        string text = value switch
        {
            long l => l.ToString("N0", CultureInfo.InvariantCulture),
            bool b => b ? "yes" : "no",
            double d when d != 0 && (Math.Abs(d) < 1e-3 || Math.Abs(d) >= 1e6) => d.ToString("0.000E+00", CultureInfo.InvariantCulture),
            double d => d.ToString("G6", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
        return unit.Length == 0 ? text : $"{text} {unit}";
    }
}
