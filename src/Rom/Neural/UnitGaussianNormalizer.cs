using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural;

/// <summary>
/// neuraloperator's <c>UnitGaussianNormalizer</c> with its "channel-wise" encoding (<c>dim=[0, 2, 3…]</c>): one mean
/// and one standard deviation per channel over the samples and the space of the training set, encode
/// (x − μ) / (σ + ε), decode x (σ + ε) + μ, computed in T as PyTorch computes in the tensor's precision. σ is
/// torch.std's unbiased estimate; ε defaults to the class's 1e-7. The trainer fits it (training compares encoded
/// outputs with encoded targets, evaluation decodes, as neuraloperator's <c>DefaultDataProcessor</c>);
/// <see cref="NeuralOperatorModel"/> and the model file keep it. Immutable: one instance serves concurrent callers.
/// </summary>
public sealed class UnitGaussianNormalizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>neuraloperator's default ε.</summary>
    public const double DefaultEpsilon = 1e-7;

    private readonly T[] _mean, _standardDeviation, _denominators;

    /// <summary>A normaliser with given per-channel statistics (from a model file or a checkpoint).</summary>
    /// <exception cref="ArgumentException">Empty or unequal lengths, a non-finite mean, a negative or non-finite σ, or ε not finite and ≥ 0.</exception>
    public UnitGaussianNormalizer(IReadOnlyList<T> mean, IReadOnlyList<T> standardDeviation, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(standardDeviation);
        if (mean.Count == 0 || mean.Count != standardDeviation.Count)
            throw new ArgumentException($"mean has {mean.Count} channels and standard deviation {standardDeviation.Count}; expected the same positive number.", nameof(standardDeviation));
        if (!mean.All(T.IsFinite))
            throw new ArgumentException("the mean must be finite.", nameof(mean));
        if (!standardDeviation.All(s => T.IsFinite(s) && s >= T.Zero))
            throw new ArgumentException("the standard deviation must be finite and ≥ 0.", nameof(standardDeviation));
        if (!(epsilon >= 0 && double.IsFinite(epsilon)))
            throw new ArgumentException($"epsilon = {epsilon}, expected a finite number ≥ 0.", nameof(epsilon));
        _mean = [.. mean];
        _standardDeviation = [.. standardDeviation];
        Epsilon = epsilon;
        T eps = T.CreateTruncating(epsilon);
        _denominators = [.. _standardDeviation.Select(s => s + eps)];
    }

    /// <summary>The statistics of a real (N, C, spatial…) training set, per channel.</summary>
    /// <exception cref="ArgumentException">Not real, fewer than 3 dimensions, a single value per channel, or non-finite values.</exception>
    public static UnitGaussianNormalizer<T> Fit(Tensor<T> data, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.IsComplex || data.Rank < 3)
            throw new ArgumentException($"data {data.ShapeText} must be real (samples, channels, spatial…).", nameof(data));
        int samples = data.Extent(0), channels = data.Extent(1), points = data.ExtentProduct(2, data.Rank);
        long n = (long)samples * points;
        if (n < 2)
            throw new ArgumentException($"data {data.ShapeText} has {n} value per channel; a standard deviation needs two.", nameof(data));
        var mean = new T[channels];
        var std = new T[channels];
        for (int c = 0; c < channels; c++)
        {
            double sum = 0;
            for (int b = 0; b < samples; b++)
                sum += double.CreateTruncating(Kernels.Sum<T>(Slice(data, b, c)));
            double mu = sum / n, squares = 0;
            for (int b = 0; b < samples; b++)
                foreach (T v in Slice(data, b, c))
                {
                    double d = double.CreateTruncating(v) - mu;
                    squares += d * d;
                }
            mean[c] = T.CreateTruncating(mu);
            std[c] = T.CreateTruncating(Math.Sqrt(squares / (n - 1)));
        }
        return new UnitGaussianNormalizer<T>(mean, std, epsilon);
    }

    /// <summary>The mean of each channel, μ.</summary>
    public IReadOnlyList<T> Mean => _mean.AsReadOnly();

    /// <summary>The standard deviation of each channel, σ.</summary>
    public IReadOnlyList<T> StandardDeviation => _standardDeviation.AsReadOnly();

    /// <summary>The ε added to σ.</summary>
    public double Epsilon { get; }

    /// <summary>The number of channels.</summary>
    public int Channels => _mean.Length;

    /// <summary>(x − μ) / (σ + ε) per channel of a real (B, C, spatial…) tensor, as a new tensor.</summary>
    /// <exception cref="ArgumentException">Not a real (B, C, …) tensor with this normaliser's channels.</exception>
    public Tensor<T> Encode(Tensor<T> x)
    {
        CheckChannels(x);
        Tensor<T> y = x.ZerosLike();
        int batch = x.Extent(0), points = x.ExtentProduct(2, x.Rank);
        for (int b = 0; b < batch; b++)
            for (int c = 0; c < Channels; c++)
            {
                int offset = (b * Channels + c) * points;
                T mu = _mean[c], denominator = _denominators[c];
                for (int j = offset; j < offset + points; j++)
                    y.Data[j] = (x.Data[j] - mu) / denominator;
            }
        return y;
    }

    /// <summary>x (σ + ε) + μ per channel, differentiable (an <see cref="Ops.ChannelAffine"/>).</summary>
    /// <exception cref="ArgumentException">Not a real (B, C, …) tensor with this normaliser's channels.</exception>
    public Variable<T> Decode(Variable<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckChannels(x.Value);
        // Fresh constants: the tape never sees this instance's arrays, so nothing can write them.
        return Ops.ChannelAffine(x, Tape<T>.Constant(new Tensor<T>([Channels], (T[])_denominators.Clone())),
            Tape<T>.Constant(new Tensor<T>([Channels], (T[])_mean.Clone())));
    }

    /// <summary>x (σ + ε) + μ per channel, as a new tensor.</summary>
    /// <exception cref="ArgumentException">Not a real (B, C, …) tensor with this normaliser's channels.</exception>
    public Tensor<T> Decode(Tensor<T> x) => Decode(Tape<T>.Constant(x)).Value;

    private void CheckChannels(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.IsComplex || x.Rank < 2 || x.Extent(1) != Channels)
            throw new ArgumentException($"tensor {x.ShapeText} must be real (batch, {Channels} channels, …).", nameof(x));
    }

    private static ReadOnlySpan<T> Slice(Tensor<T> data, int sample, int channel)
    {
        int points = data.ExtentProduct(2, data.Rank);
        return data.Data.AsSpan((sample * data.Extent(1) + channel) * points, points);
    }
}
