namespace Rom.Cases.Settings;

/// <summary>
/// The typed settings of one case: read from the file's attributes against the kind's definitions, changed by
/// <c>--set key=value</c>, written back to a tree. Every error names the key, the value and what was expected.
/// </summary>
public sealed class CaseSettings
{
    private readonly Dictionary<string, SettingDefinition> _definitions;
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
    // The file's (or default) value of every setting the command line overrode: its keys are the overridden settings.
    private readonly Dictionary<string, object> _fromFile = new(StringComparer.Ordinal);

    private CaseSettings(IReadOnlyList<SettingDefinition> definitions)
    {
        _definitions = definitions.ToDictionary(d => d.Key, StringComparer.Ordinal);
    }

    /// <summary>The definitions these settings follow, in declaration order.</summary>
    public IEnumerable<SettingDefinition> Definitions => _definitions.Values;

    /// <summary>Settings holding every default.</summary>
    public static CaseSettings Defaults(IReadOnlyList<SettingDefinition> definitions)
    {
        var settings = new CaseSettings(definitions);
        foreach (var d in definitions)
            settings._values[d.Key] = d.Default;
        return settings;
    }

    /// <summary>
    /// Reads the settings from a case tree. Missing attributes take their defaults; an attribute of a known
    /// group that no definition names is rejected, so a misspelt setting never silently falls back to a default.
    /// </summary>
    public static CaseSettings Read(DataGroup root, IReadOnlyList<SettingDefinition> definitions)
    {
        var settings = Defaults(definitions);
        foreach (var d in definitions)
        {
            if (root.TryGetGroup(d.GroupPath, out var group) && group.Attributes.TryGetValue(d.AttributeName, out var stored))
                settings.Set(d, FromStored(d, stored));
        }
        foreach (var groupPath in definitions.Select(d => d.GroupPath).Distinct())
        {
            if (!root.TryGetGroup(groupPath, out var group)) continue;
            foreach (var name in group.Attributes.Keys)
            {
                string key = groupPath.Replace('/', '.') + "." + name;
                if (!settings._definitions.ContainsKey(key))
                    throw new CaseInputException($"/{groupPath}/@{name}", "an attribute this case kind does not know", $"one of {KnownIn(definitions, groupPath)}");
            }
        }
        return settings;
    }

    /// <summary>Applies one <c>key=value</c> override from the command line.</summary>
    public void Override(string assignment)
    {
        int eq = assignment.IndexOf('=');
        if (eq <= 0)
            throw new CaseInputException("--set", $"'{assignment}'", "key=value, e.g. solver.relative_tolerance=1e-8");
        string key = assignment[..eq].Trim(), text = assignment[(eq + 1)..].Trim();
        if (!_definitions.TryGetValue(key, out var d))
            throw new CaseInputException($"--set {key}", "an unknown setting", $"one of: {string.Join(", ", _definitions.Keys)}");
        var before = _values[key];
        Set(d, Parse(d, text));
        _fromFile.TryAdd(key, before);
    }

    /// <summary>
    /// The settings the command line changed from the file's values, each as "key: file value → value used", so that a
    /// summary never presents the file's title as what ran when it did not.
    /// </summary>
    public IReadOnlyList<string> Changes() =>
        [.. _fromFile.Select(kv => (kv.Key, From: SettingDefinition.Format(kv.Value), To: SettingDefinition.Format(_values[kv.Key])))
            .Where(c => c.From != c.To).Select(c => $"{c.Key}: {c.From} → {c.To}")];

    /// <summary>True when the setting was given on the command line rather than by the file or a default.</summary>
    public bool IsOverridden(string key) => _fromFile.ContainsKey(key);

    /// <summary>An integer setting.</summary>
    public long Integer(string key) => (long)Get(key, SettingType.Integer);

    /// <summary>A real setting.</summary>
    public double Real(string key) => (double)Get(key, SettingType.Real);

    /// <summary>A text setting.</summary>
    public string Text(string key) => (string)Get(key, SettingType.Text);

    /// <summary>A list-of-reals setting.</summary>
    public double[] Reals(string key) => (double[])((double[])Get(key, SettingType.RealList)).Clone();

    /// <summary>Writes every setting as an attribute under <paramref name="root"/>.</summary>
    public void WriteTo(DataGroup root)
    {
        foreach (var d in _definitions.Values)
        {
            var group = root.GetOrAddGroup(d.GroupPath);
            group.Attributes[d.AttributeName] = _values[d.Key] switch
            {
                long l => DataArray.Scalar(l),
                double x => DataArray.Scalar(x),
                string s => DataArray.Scalar(s),
                double[] a => DataArray.Of(a),
                var other => throw new InvalidOperationException($"Setting {d.Key} holds a {other.GetType().Name}."),
            };
        }
    }

    /// <summary>Every key with its value formatted for people.</summary>
    public IEnumerable<(string Key, string Value)> Describe() =>
        _definitions.Keys.Select(k => (k, SettingDefinition.Format(_values[k])));

    /// <summary>Replaces a value after checking it (used by kinds whose settings depend on each other).</summary>
    public void Set(string key, object value)
    {
        if (!_definitions.TryGetValue(key, out var d))
            throw new ArgumentException($"Unknown setting '{key}'.", nameof(key));
        Set(d, value);
    }

    private void Set(SettingDefinition d, object value)
    {
        if (d.Choices is { Count: > 0 } choices && !choices.Contains((string)value))
            throw new CaseInputException(d.Key, SettingDefinition.Format(value), "one of " + string.Join(", ", choices.Select(c => $"'{c}'")));
        if (d.Type == SettingType.RealList && !((double[])value).All(double.IsFinite))
            throw new CaseInputException(d.Key, SettingDefinition.Format(value), "finite numbers (no NaN or infinity)");
        // Every integer setting is a count, size, index or seed that the code holds in an int: checked here, before
        // any narrowing, so that 4294967297 is refused instead of read as 1.
        if (d.Type == SettingType.Integer && (long)value is < int.MinValue or > int.MaxValue)
            throw new CaseInputException(d.Key, SettingDefinition.Format(value), $"an integer of at most {int.MaxValue:N0} in size");
        if (d.Check?.Invoke(value) is { } expected)
            throw new CaseInputException(d.Key, SettingDefinition.Format(value), expected);
        _values[d.Key] = value;
    }

    private object Get(string key, SettingType type)
    {
        if (!_definitions.TryGetValue(key, out var d))
            throw new ArgumentException($"Unknown setting '{key}'.", nameof(key));
        if (d.Type != type)
            throw new ArgumentException($"Setting '{key}' is {d.Type}, not {type}.", nameof(key));
        return _values[key];
    }

    private static object FromStored(SettingDefinition d, DataArray a)
    {
        string where = $"/{d.GroupPath}/@{d.AttributeName}";
        string found = a.ToString();
        bool scalar = a.Count == 1;
        return d.Type switch
        {
            SettingType.Integer when a.IsInteger && scalar => a.AsLongs()[0],
            SettingType.Real when (a.IsFloat || a.IsInteger) && scalar => a.AsDoubles()[0],
            SettingType.Text when a.IsString && scalar => a.AsStrings()[0],
            SettingType.RealList when (a.IsFloat || a.IsInteger) && a.Shape.Length <= 1 => a.AsDoubles(),
            _ => throw new CaseInputException(where, found, Expectation(d.Type)),
        };
    }

    private static object Parse(SettingDefinition d, string text)
    {
        var inv = CultureInfo.InvariantCulture;
        object? value = d.Type switch
        {
            SettingType.Integer => long.TryParse(text, NumberStyles.Integer, inv, out var l) ? l : null,
            SettingType.Real => double.TryParse(text, NumberStyles.Float, inv, out var x) ? x : null,
            SettingType.Text => text,
            SettingType.RealList => NumberList.TryParse(text),
            _ => null,
        };
        return value ?? throw new CaseInputException($"--set {d.Key}", $"'{text}'", Expectation(d.Type));
    }

    private static string Expectation(SettingType type) => type switch
    {
        SettingType.Integer => "a scalar integer",
        SettingType.Real => "a scalar number",
        SettingType.Text => "a scalar string",
        _ => "a list of numbers (1-D)",
    };

    private static string KnownIn(IReadOnlyList<SettingDefinition> definitions, string groupPath) =>
        string.Join(", ", definitions.Where(d => d.GroupPath == groupPath).Select(d => d.AttributeName));
}
