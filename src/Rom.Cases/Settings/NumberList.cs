namespace Rom.Cases.Settings;

/// <summary>Parses the command line's lists of numbers: "0.1,0.5,1" (optionally in brackets), invariant culture.</summary>
public static class NumberList
{
    /// <summary>The numbers, or null when the text holds none or a part is not a number.</summary>
    public static double[]? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                return null;
        return parts.Length > 0 ? values : null;
    }
}
