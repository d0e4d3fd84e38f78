namespace Rom.Cases.Running;

/// <summary>Reads a parameter's range ("parameters.NAME.lower/upper") and its run value ("run.NAME") from case settings.</summary>
public static class ParameterSettings
{
    /// <summary>The range [lower, upper] of parameter <paramref name="name"/>, rejecting upper &lt; lower.</summary>
    public static (double Lower, double Upper) Range(CaseSettings s, string name)
    {
        double lower = s.Real($"parameters.{name}.lower"), upper = s.Real($"parameters.{name}.upper");
        if (upper < lower)
            throw new CaseInputException($"parameters.{name}.upper", upper.ToString("G6"), $"a value ≥ parameters.{name}.lower = {lower:G6}");
        return (lower, upper);
    }

    /// <summary>
    /// The values of "run.NAME": one per component (a single value is repeated), each inside the range.
    /// <paramref name="countMeaning"/> says where the count comes from, for the error message.
    /// </summary>
    public static double[] Values(CaseSettings s, string name, int count, string countMeaning, (double Lower, double Upper) range)
    {
        string key = $"run.{name}";
        var values = s.Reals(key);
        if (values.Length == 1)
            values = Enumerable.Repeat(values[0], count).ToArray();
        if (values.Length != count)
            throw new CaseInputException(key, $"{values.Length} values", $"{countMeaning} = {count} values (or one value for all)");
        for (int i = 0; i < values.Length; i++)
            if (!(values[i] >= range.Lower && values[i] <= range.Upper))
                throw new CaseInputException($"{key}[{i}]", values[i].ToString("G6"),
                    $"a value in [{range.Lower:G6}, {range.Upper:G6}] (parameters.{name}.lower/upper)");
        return values;
    }
}
