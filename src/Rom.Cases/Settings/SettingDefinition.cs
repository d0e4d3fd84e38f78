namespace Rom.Cases.Settings;

/// <summary>
/// One setting a case kind understands. The key is "group.attribute" with dots for nested groups, e.g.
/// "solver.relative_tolerance" is the attribute relative_tolerance of the HDF5 group /solver.
/// </summary>
/// <param name="Key">Dotted key: group path then attribute name.</param>
/// <param name="Type">Storage and parsing type.</param>
/// <param name="Default">Value used when the file does not set it (and written by <c>rom new</c>).</param>
/// <param name="Description">One line for documentation and help.</param>
/// <param name="Check">Returns null when a value is acceptable, else what was expected (e.g. "an integer ≥ 1").</param>
/// <param name="Choices">For text settings, the accepted values; empty means any text.</param>
public sealed record SettingDefinition(
    string Key,
    SettingType Type,
    object Default,
    string Description,
    Func<object, string?>? Check = null,
    IReadOnlyList<string>? Choices = null)
{
    /// <summary>The group path inside the file, e.g. "parameters/diffusion".</summary>
    public string GroupPath => Key[..Key.LastIndexOf('.')].Replace('.', '/');

    /// <summary>The attribute name inside the group.</summary>
    public string AttributeName => Key[(Key.LastIndexOf('.') + 1)..];

    /// <summary>An integer setting with a lower bound, and an upper one where a larger value could only exhaust memory or time.</summary>
    public static SettingDefinition Integer(string key, long defaultValue, string description, long min, long max = int.MaxValue) =>
        new(key, SettingType.Integer, defaultValue, description,
            v => (long)v >= min && (long)v <= max ? null : max == int.MaxValue ? $"an integer ≥ {min}" : $"an integer in {min} … {max:N0}");

    /// <summary>A real setting that must be finite and satisfy an optional test.</summary>
    public static SettingDefinition Real(string key, double defaultValue, string description, Func<double, bool>? accept = null, string expected = "a finite number") =>
        new(key, SettingType.Real, defaultValue, description,
            v => double.IsFinite((double)v) && (accept?.Invoke((double)v) ?? true) ? null : expected);

    /// <summary>An on/off setting stored as the integer 0 or 1.</summary>
    public static SettingDefinition Flag(string key, bool defaultValue, string description) =>
        new(key, SettingType.Integer, defaultValue ? 1L : 0L, description,
            v => (long)v is 0 or 1 ? null : "0 (off) or 1 (on)");

    /// <summary>A text setting restricted to a list of choices.</summary>
    public static SettingDefinition Choice(string key, string defaultValue, string description, params string[] choices) =>
        new(key, SettingType.Text, defaultValue, description, null, choices);

    /// <summary>Formats a value of this setting for messages and tables.</summary>
    public static string Format(object value) => value switch
    {
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        double[] a => "[" + string.Join(", ", a.Select(x => x.ToString("G6", CultureInfo.InvariantCulture))) + "]",
        string s => $"'{s}'",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
