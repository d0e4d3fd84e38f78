using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural;

/// <summary>
/// neuraloperator's <c>UnitGaussianNormalizer</c> reduced over every axis but the channel one: per channel c,
/// encode x ↦ (x − mean_c)/(std_c + ε) and decode y ↦ y·(std_c + ε) + mean_c, on (B, C, N…) tensors. Immutable, so
/// one instance serves concurrent callers.
/// </summary>
public sealed class ChannelNormalizer
{
    private readonly double[] _mean, _std;

    /// <summary>The statistics of <paramref name="mean"/>.Length channels; ε defaults to neuraloperator's 1e-7.</summary>
    /// <exception cref="ArgumentException">Empty or unequal lengths, a non-finite mean, a negative or non-finite std, or ε &lt; 0.</exception>
    public ChannelNormalizer(IReadOnlyList<double> mean, IReadOnlyList<double> std, double epsilon = 1e-7)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Count == 0 || mean.Count != std.Count)
            throw new ArgumentException($"mean has {mean.Count} channels and std {std.Count}; expected the same positive number.", nameof(std));
        if (!mean.All(double.IsFinite))
            throw new ArgumentException("mean must be finite.", nameof(mean));
        if (!std.All(s => double.IsFinite(s) && s >= 0))
            throw new ArgumentException("std must be finite and ≥ 0.", nameof(std));
        if (!(epsilon >= 0 && double.IsFinite(epsilon)))
            throw new ArgumentException($"epsilon = {epsilon}, expected a finite number ≥ 0.", nameof(epsilon));
        _mean = [.. mean];
        _std = [.. std];
        Epsilon = epsilon;
    }

    /// <summary>The mean of each channel.</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>The standard deviation of each channel.</summary>
    public IReadOnlyList<double> Std => _std;

    /// <summary>ε added to the standard deviation.</summary>
    public double Epsilon { get; }

    /// <summary>The number of channels.</summary>
    public int Channels => _mean.Length;

    /// <summary>(x − mean)/(std + ε) per channel, into a new tensor.</summary>
    /// <exception cref="ArgumentException">Not a real (B, C, N…) tensor with this normaliser's channels.</exception>
    public Tensor<T> Encode<T>(Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Apply(x, encode: true);

    /// <summary>y·(std + ε) + mean per channel, into a new tensor.</summary>
    /// <exception cref="ArgumentException">Not a real (B, C, N…) tensor with this normaliser's channels.</exception>
    public Tensor<T> Decode<T>(Tensor<T> y) where T : unmanaged, IFloatingPointIeee754<T> => Apply(y, encode: false);

    private Tensor<T> Apply<T>(Tensor<T> x, bool encode) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.IsComplex || x.Rank < 2 || x.Extent(1) != Channels)
            throw new ArgumentException($"tensor {x.ShapeText} must be real (batch, {Channels} channels, …).", nameof(x));
        var result = x.ZerosLike();
        int batch = x.Extent(0), points = x.ExtentProduct(2, x.Rank);
        for (int c = 0; c < Channels; c++)
        {
            // In T, as PyTorch computes in the tensor's precision.
            T mean = T.CreateTruncating(_mean[c]), scale = T.CreateTruncating(_std[c]) + T.CreateTruncating(Epsilon);
            for (int b = 0; b < batch; b++)
            {
                var source = x.Data.AsSpan((b * Channels + c) * points, points);
                var target = result.Data.AsSpan((b * Channels + c) * points, points);
                for (int p = 0; p < points; p++)
                    target[p] = encode ? (source[p] - mean) / scale : source[p] * scale + mean;
            }
        }
        return result;
    }
}
