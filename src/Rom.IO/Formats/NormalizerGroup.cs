using Rom.IO.Hdf5;
using Rom.Neural;

namespace Rom.IO.Formats;

/// <summary>
/// A <see cref="UnitGaussianNormalizer{T}"/> as the group <c>normalizers/input</c> or <c>normalizers/output</c>:
/// <c>mean</c>, <c>std</c> (float [channels]) and <c>@eps</c>. Shared by model files and checkpoints.
/// </summary>
internal static class NormalizerGroup
{
    /// <summary>Stores the normaliser (if any) as <c>normalizers/NAME</c> of <paramref name="root"/>.</summary>
    public static void Write(DataGroup root, string name, UnitGaussianNormalizer<float>? normalizer)
    {
        if (normalizer is null)
            return;
        var group = root.GetOrAddGroup("normalizers/" + name);
        group.Datasets["mean"] = DataArray.Of([.. normalizer.Mean.Select(v => (double)v)]);
        group.Datasets["std"] = DataArray.Of([.. normalizer.StandardDeviation.Select(v => (double)v)]);
        group.Attributes["eps"] = DataArray.Scalar(normalizer.Epsilon);
    }

    /// <summary>The normaliser stored as <c>normalizers/NAME</c>, or null when there is none.</summary>
    /// <exception cref="DataFileException">Not <paramref name="channels"/> values each, or statistics a normaliser refuses.</exception>
    public static UnitGaussianNormalizer<float>? Read(DataGroup root, string name, int channels, string path)
    {
        if (!root.TryGetGroup("normalizers/" + name, out var group))
            return null;
        string where = "/normalizers/" + name;
        float[] Channels(string dataset) =>
            group.Datasets.TryGetValue(dataset, out var a) && a.IsFloat && a.Shape is [var n] && n == channels
                ? Array.ConvertAll(a.AsDoubles(), v => (float)v)
                : throw new DataFileException(path, $"{where}/{dataset}", $"found {a?.ToString() ?? "nothing"}; expected float [{channels}] (one value per channel)");
        double eps = group.Attributes.TryGetValue("eps", out var e) && e.IsFloat && e.Count == 1 ? e.AsDoubles()[0]
            : throw new DataFileException(path, where + "@eps", $"found {e?.ToString() ?? "nothing"}; expected a float scalar");
        try
        {
            return new UnitGaussianNormalizer<float>(Channels("mean"), Channels("std"), eps);
        }
        catch (ArgumentException x)
        {
            throw new DataFileException(path, where, x.Message);
        }
    }
}
