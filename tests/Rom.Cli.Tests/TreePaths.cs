namespace Rom.Cli.Tests;

/// <summary>Looks up groups and datasets in a tree, failing the test when they are missing.</summary>
internal static class TreePaths
{
    public static DataGroup Group(this DataGroup tree, string path)
    {
        Assert.That(tree.TryGetGroup(path, out var group), $"group {path} exists");
        return group!;
    }

    public static DataArray Dataset(this DataGroup tree, string path)
    {
        Assert.That(tree.TryGetDataset(path, out var array), $"dataset {path} exists");
        return array!;
    }
}
