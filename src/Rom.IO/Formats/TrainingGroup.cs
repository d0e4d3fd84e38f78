using Rom.IO.Hdf5;

namespace Rom.IO.Formats;

/// <summary>A <see cref="NeuralTrainingRecord"/> as a model file's <c>/training</c> group: provenance attributes, <c>settings</c>, <c>history/NAME</c>.</summary>
internal static class TrainingGroup
{
    public static void WriteTo(DataGroup group, NeuralTrainingRecord record)
    {
        group.Attributes["rom_version"] = DataArray.Scalar(record.RomVersion);
        group.Attributes["created_utc"] = DataArray.Scalar(record.CreatedUtc);
        group.Attributes["machine"] = DataArray.Scalar(record.Machine);
        group.Attributes["case_file"] = DataArray.Scalar(record.CaseFile);
        group.Attributes["case_sha256"] = DataArray.Scalar(record.CaseSha256);
        group.Attributes["seconds"] = DataArray.Scalar(record.Seconds);
        if (record.Settings is not null)
            group.Groups["settings"] = record.Settings;
        var history = group.GetOrAddGroup("history");
        foreach (var (name, values) in record.History)
            history.Datasets[name] = DataArray.Of(values);
    }

    public static NeuralTrainingRecord Read(DataGroup group, string path)
    {
        string Text(string name) => group.Attributes.TryGetValue(name, out var a) && a.IsString && a.Count == 1 ? a.AsStrings()[0] : "";
        var history = new Dictionary<string, double[]>(StringComparer.Ordinal);
        if (group.TryGetGroup("history", out var h))
            foreach (var (name, values) in h.Datasets)
                history[name] = values.IsFloat || values.IsInteger ? values.AsDoubles()
                    : throw new DataFileException(path, "/training/history/" + name, $"found {values}; expected numbers, one per epoch");
        return new NeuralTrainingRecord
        {
            Settings = group.TryGetGroup("settings", out var s) ? s : null,
            History = history,
            RomVersion = Text("rom_version"),
            CreatedUtc = Text("created_utc"),
            Machine = Text("machine"),
            CaseFile = Text("case_file"),
            CaseSha256 = Text("case_sha256"),
            Seconds = group.Attributes.TryGetValue("seconds", out var sec) && sec.IsFloat && sec.Count == 1 ? sec.AsDoubles()[0] : double.NaN,
        };
    }
}
