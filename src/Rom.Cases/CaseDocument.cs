using System.Security.Cryptography;
using Rom.Cases.Kinds;

namespace Rom.Cases;

/// <summary>A case file read into memory: its envelope (format, version, kind, title), its tree and its hash.</summary>
/// <param name="Path">The file it was read from.</param>
/// <param name="Kind">The case kind that runs it.</param>
/// <param name="Title">Human-readable title.</param>
/// <param name="Root">The whole HDF5 tree.</param>
/// <param name="Sha256">Hex SHA-256 of the file's bytes, recorded in results for provenance.</param>
public sealed record CaseDocument(string Path, ICaseKind Kind, string Title, DataGroup Root, string Sha256)
{
    /// <summary>Short name of the case: its file name without extension, used in plot titles.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Reads and checks a case file; bad files raise <see cref="DataFileException"/> or <see cref="CaseInputException"/>.</summary>
    public static CaseDocument Load(string path)
    {
        var root = Hdf5File.Read(path);
        string format = RootText(root, "format", path, $"'{RomFileFormat.CaseFormat}'");
        if (format != RomFileFormat.CaseFormat)
            throw new CaseInputException("/@format", $"'{format}'", $"'{RomFileFormat.CaseFormat}' (this file is not a Rom case)", path);
        if (!root.Attributes.TryGetValue("format_version", out var version) || !version.IsInteger || version.Count != 1)
            throw new CaseInputException("/@format_version", Describe(version), "a scalar integer", path);
        long v = version.AsLongs()[0];
        if (v < 1 || v > RomFileFormat.Version)
            throw new CaseInputException("/@format_version", v.ToString(), $"1..{RomFileFormat.Version} (update Rom to read newer files)", path);
        string kindName = RootText(root, "kind", path, "a case kind");
        var kind = CaseKinds.Find(kindName)
            ?? throw new CaseInputException("/@kind", $"'{kindName}'", "one of " + string.Join(", ", CaseKinds.All.Select(k => $"'{k.Name}'")), path);
        string title = root.Attributes.TryGetValue("title", out var t) && t.IsString && t.Count == 1
            ? t.AsStrings()[0]
            : System.IO.Path.GetFileNameWithoutExtension(path);
        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        return new CaseDocument(path, kind, title, root, sha);
    }

    /// <summary>
    /// A new case tree for a kind: envelope attributes, then the kind's default settings and data, with the
    /// <c>key=value</c> <paramref name="overrides"/> applied (checked as <c>--set</c> is). Without a
    /// <paramref name="title"/>, the kind's default title when nothing changed, else its summary and the changes (the
    /// default title describes the default settings).
    /// </summary>
    public static DataGroup Create(ICaseKind kind, string? title, IReadOnlyList<string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var root = kind.CreateDefault();
        IReadOnlyList<string> changes = [];
        if (overrides is { Count: > 0 })
        {
            var settings = CaseSettings.Read(root, kind.Settings);
            foreach (string assignment in overrides)
                settings.Override(assignment);
            settings.WriteTo(root);
            changes = settings.Changes();
        }
        title ??= changes.Count == 0 ? kind.DefaultTitle : $"{kind.Summary}; defaults changed: {string.Join("; ", changes)}";
        root.Attributes["format"] = DataArray.Scalar(RomFileFormat.CaseFormat);
        root.Attributes["format_version"] = DataArray.Scalar(RomFileFormat.Version);
        root.Attributes["kind"] = DataArray.Scalar(kind.Name);
        root.Attributes["title"] = DataArray.Scalar(title);
        return root;
    }

    private static string RootText(DataGroup root, string name, string path, string expected)
    {
        if (!root.Attributes.TryGetValue(name, out var a) || !a.IsString || a.Count != 1)
            throw new CaseInputException($"/@{name}", Describe(a), $"a string attribute holding {expected}", path);
        return a.AsStrings()[0];
    }

    private static string Describe(DataArray? a) =>
        a is null ? "nothing (attribute missing)" : a.ToString();
}
