using System.Diagnostics.CodeAnalysis;

namespace Rom.IO.Hdf5;

/// <summary>A group held in memory: attributes, child groups and datasets, each keyed by name, insertion-ordered.</summary>
public sealed class DataGroup
{
    /// <summary>Attributes of this group, by name.</summary>
    public IDictionary<string, DataArray> Attributes { get; } = new OrderedDictionary<string, DataArray>(StringComparer.Ordinal);

    /// <summary>Child groups, by name (a plain name, no '/').</summary>
    public IDictionary<string, DataGroup> Groups { get; } = new OrderedDictionary<string, DataGroup>(StringComparer.Ordinal);

    /// <summary>Datasets of this group, by name (a plain name, no '/').</summary>
    public IDictionary<string, DataArray> Datasets { get; } = new OrderedDictionary<string, DataArray>(StringComparer.Ordinal);

    /// <summary>Attributes of each dataset, keyed by dataset name; only datasets that have attributes appear.</summary>
    public IDictionary<string, IDictionary<string, DataArray>> DatasetAttributes { get; } =
        new OrderedDictionary<string, IDictionary<string, DataArray>>(StringComparer.Ordinal);

    /// <summary>The group at a '/'-separated path relative to this one (e.g. "a/b/c"), created as needed.</summary>
    /// <exception cref="ArgumentException">The path has an empty segment, or a segment names a dataset.</exception>
    public DataGroup GetOrAddGroup(string path)
    {
        DataGroup group = this;
        foreach (string name in SplitPath(path))
        {
            if (group.Groups.TryGetValue(name, out var child))
            {
                group = child;
                continue;
            }
            if (group.Datasets.ContainsKey(name))
                throw new ArgumentException($"Cannot create group '{path}': '{name}' is a dataset.", nameof(path));
            child = new DataGroup();
            group.Groups.Add(name, child);
            group = child;
        }
        return group;
    }

    /// <summary>Finds the group at a '/'-separated path relative to this one; "" names this group.</summary>
    public bool TryGetGroup(string path, [MaybeNullWhen(false)] out DataGroup group)
    {
        group = this;
        foreach (string name in SplitPath(path))
        {
            if (!group.Groups.TryGetValue(name, out group))
                return false;
        }
        return true;
    }

    /// <summary>Finds the dataset at a '/'-separated path relative to this one, e.g. "a/b/ds".</summary>
    public bool TryGetDataset(string path, [MaybeNullWhen(false)] out DataArray array)
    {
        array = null;
        string[] names = SplitPath(path);
        if (names.Length == 0)
            return false;
        return TryGetGroup(string.Join('/', names[..^1]), out var parent)
            && parent.Datasets.TryGetValue(names[^1], out array);
    }

    /// <summary>Attributes of the named dataset of this group, created empty as needed.</summary>
    /// <exception cref="KeyNotFoundException">This group has no dataset of that name.</exception>
    public IDictionary<string, DataArray> AttributesOf(string datasetName)
    {
        if (!Datasets.ContainsKey(datasetName))
            throw new KeyNotFoundException($"No dataset '{datasetName}' in this group.");
        if (!DatasetAttributes.TryGetValue(datasetName, out var attributes))
        {
            attributes = new OrderedDictionary<string, DataArray>(StringComparer.Ordinal);
            DatasetAttributes.Add(datasetName, attributes);
        }
        return attributes;
    }

    private static string[] SplitPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string trimmed = path.Trim('/');
        if (trimmed.Length == 0)
            return [];
        string[] names = trimmed.Split('/');
        if (Array.IndexOf(names, "") >= 0)
            throw new ArgumentException($"Path '{path}' has an empty segment.", nameof(path));
        return names;
    }
}
