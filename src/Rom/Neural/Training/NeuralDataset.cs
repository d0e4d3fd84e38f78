using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Training;

/// <summary>Paired function samples: inputs (N, C_in, spatial…) and targets (N, C_out, spatial…), real, sample first.</summary>
public sealed class NeuralDataset<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The dataset of <paramref name="inputs"/> and <paramref name="targets"/> (not copied).</summary>
    /// <exception cref="ArgumentException">Complex tensors, fewer than 3 dimensions, or different sample counts.</exception>
    public NeuralDataset(Tensor<T> inputs, Tensor<T> targets)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        foreach ((Tensor<T> t, string name) in ((Tensor<T>, string)[])[(inputs, nameof(inputs)), (targets, nameof(targets))])
            if (t.IsComplex || t.Rank < 3)
                throw new ArgumentException($"{name} {t.ShapeText} must be real (samples, channels, spatial…).", name);
        if (inputs.Extent(0) != targets.Extent(0))
            throw new ArgumentException($"inputs {inputs.ShapeText} and targets {targets.ShapeText} hold different numbers of samples.");
        Inputs = inputs;
        Targets = targets;
    }

    /// <summary>The inputs, (N, C_in, spatial…).</summary>
    public Tensor<T> Inputs { get; }

    /// <summary>The targets, (N, C_out, spatial…).</summary>
    public Tensor<T> Targets { get; }

    /// <summary>The number of samples N.</summary>
    public int Count => Inputs.Extent(0);

    /// <summary>Samples [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) as a new dataset (copied).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range leaves the dataset.</exception>
    public NeuralDataset<T> Range(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count);
        int[] indices = [.. Enumerable.Range(start, count)];
        return new NeuralDataset<T>(Gather(Inputs, indices), Gather(Targets, indices));
    }

    /// <summary>The samples <paramref name="indices"/> of <paramref name="source"/>, in that order, as one batch.</summary>
    internal static Tensor<T> Gather(Tensor<T> source, ReadOnlySpan<int> indices)
    {
        int size = source.ExtentProduct(1, source.Rank);
        int[] shape = [.. source.Shape];
        shape[0] = indices.Length;
        var batch = Tensor<T>.Zeros(shape);
        for (int k = 0; k < indices.Length; k++)
            source.Data.AsSpan(indices[k] * size, size).CopyTo(batch.Data.AsSpan(k * size, size));
        return batch;
    }
}
