namespace Rom.Cases;

/// <summary>
/// Bad input to a case: names the field (a setting such as "problem.squares_per_side", an object such as
/// "/data/rhs", or an option such as "--set"), the value found and what was expected, and the file when
/// there is one. The CLI prints its message and exits with code 2.
/// </summary>
/// <param name="field">The setting, object or option that is wrong.</param>
/// <param name="value">The offending value, as text.</param>
/// <param name="expected">What would have been accepted.</param>
/// <param name="file">The file the field belongs to, or null for command-line input.</param>
public sealed class CaseInputException(string field, string value, string expected, string? file = null)
    : Exception($"{(file is null ? "" : file + ": ")}{field}: got {value}; expected {expected}.")
{
    /// <summary>The setting, object or option that is wrong.</summary>
    public string Field { get; } = field;

    /// <summary>The offending value, as text.</summary>
    public string Value { get; } = value;

    /// <summary>What would have been accepted.</summary>
    public string Expected { get; } = expected;

    /// <summary>The file the field belongs to, or null for command-line input.</summary>
    public string? File { get; } = file;

    /// <summary>The same error attributed to a file (unchanged when it already names one).</summary>
    public CaseInputException InFile(string file) => File is null ? new(Field, Value, Expected, file) : this;

    /// <summary>The setting key the field refers to: the field without an index suffix such as "[3]".</summary>
    public string SettingKey => Field.Split('[')[0];
}
