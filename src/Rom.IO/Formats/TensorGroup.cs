using Rom.IO.Hdf5;
using Rom.Tensors;

namespace Rom.IO.Formats;

/// <summary>
/// Named float tensors as the datasets of one group: float32 with the tensor's shape, a complex tensor with a leading
/// axis of 2 (real plane, imaginary plane) and <c>@complex = 1</c>. The layout of a model file's <c>/parameters</c> and
/// of a checkpoint's weights and optimiser state.
/// </summary>
internal static class TensorGroup
{
    /// <summary>Stores each tensor as the dataset of its name.</summary>
    public static void Write(DataGroup group, IEnumerable<KeyValuePair<string, Tensor<float>>> tensors)
    {
        foreach (var (name, value) in tensors)
        {
            int[] shape = value.IsComplex ? [2, .. value.Shape] : [.. value.Shape];
            group.Datasets[name] = DataArray.Create(DataType.Float32, Array.ConvertAll(value.Data, v => (double)v), shape);
            if (value.IsComplex)
                group.AttributesOf(name)["complex"] = DataArray.Scalar(1L);
        }
    }

    /// <summary>Whether the dataset <paramref name="name"/> of <paramref name="group"/> is marked <c>@complex = 1</c>.</summary>
    public static bool IsComplex(DataGroup group, string name) =>
        group.DatasetAttributes.TryGetValue(name, out var attributes) && attributes.TryGetValue("complex", out var c)
        && c.IsInteger && c.AsLongs()[0] == 1;

    /// <summary>Every dataset of <paramref name="group"/> (at <paramref name="where"/> in <paramref name="path"/>) as a tensor, by name.</summary>
    /// <exception cref="DataFileException">A dataset that is not float, or a complex one without its leading axis of 2.</exception>
    public static Dictionary<string, Tensor<float>> Read(DataGroup group, string path, string where)
    {
        var tensors = new Dictionary<string, Tensor<float>>(StringComparer.Ordinal);
        foreach (var (name, stored) in group.Datasets)
        {
            bool complex = IsComplex(group, name);
            if (!stored.IsFloat || (complex && stored.Shape is not [2, ..]))
                throw new DataFileException(path, $"{where}/{name}", $"found {stored}; expected float32{(complex ? " [2, …] (complex)" : "")}");
            int[] shape = complex ? stored.Shape[1..] : stored.Shape;
            tensors[name] = new Tensor<float>(shape, Array.ConvertAll(stored.AsDoubles(), v => (float)v), complex);
        }
        return tensors;
    }
}
