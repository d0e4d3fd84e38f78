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

    /// <summary>
    /// Formats a number, count, list of counts (as 300 × 300), flag or text for the table: counts with separators; every real to 4 significant digits,
    /// in E-notation below 10⁻³ and from 10⁶ (1.235E-07), as a plain decimal between (0.02474, 130.2, 12,346).
    /// </summary>
    public static string Format(object value, string unit = "")
    {
        string text = value switch
        {
            long l => l.ToString("N0", CultureInfo.InvariantCulture),
            long[] list => string.Join(" × ", list.Select(l => l.ToString("N0", CultureInfo.InvariantCulture))),
            bool b => b ? "yes" : "no",
            double d when d != 0 && (Math.Abs(d) < 1e-3 || Math.Abs(d) >= 1e6) => d.ToString("0.000E+00", CultureInfo.InvariantCulture),
            double d when double.IsFinite(d) && d != 0 => Decimal(d),
            double d => d.ToString(CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
        return unit.Length == 0 ? text : $"{text} {unit}";
    }

    /// <summary>A real in [10⁻³, 10⁶) to 4 significant digits (whole numbers from 10⁴ up), trailing zeros dropped.</summary>
    private static string Decimal(double d)
    {
        int decimals = Math.Max(0, 3 - (int)Math.Floor(Math.Log10(Math.Abs(d))));
        return Math.Round(d, decimals).ToString("#,##0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }
}
