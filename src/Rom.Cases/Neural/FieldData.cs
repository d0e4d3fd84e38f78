using Rom.Tensors;

namespace Rom.Cases.Neural;

/// <summary>
/// Input and (when the file has them) target fields of one data file, as (samples, channels, N…) float tensors.
/// </summary>
/// <param name="Path">The file they were read from.</param>
/// <param name="Layout">"neuraloperator" (datasets such as x, y) or "sweep" (a <c>rom sweep</c> dataset: /inputs, /solutions on @grid).</param>
/// <param name="InputDataset">The dataset the inputs came from.</param>
/// <param name="Inputs">(samples, channels, N…).</param>
/// <param name="TargetDataset">The dataset the targets came from, or null.</param>
/// <param name="Targets">(samples, channels, N…), or null when the file has none.</param>
public sealed record FieldData(string Path, string Layout, string InputDataset, Tensor<float> Inputs, string? TargetDataset, Tensor<float>? Targets)
{
    /// <summary>The number of samples.</summary>
    public int Samples => Inputs.Extent(0);

    /// <summary>The spatial extents (N…).</summary>
    public int[] Resolution => [.. Inputs.Shape.Skip(2)];

    /// <summary>The resolution written as 16×16.</summary>
    public string ResolutionText => string.Join("×", Resolution);

    /// <summary>Samples <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1 of a (samples, …) tensor, copied.</summary>
    public static Tensor<float> Slice(Tensor<float> tensor, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        int size = tensor.ExtentProduct(1, tensor.Rank);
        return new Tensor<float>([count, .. tensor.Shape.Skip(1)], tensor.Data.AsSpan(start * size, count * size).ToArray());
    }
}
