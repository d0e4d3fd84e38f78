namespace Rom.Tensors;

/// <summary>
/// The sizes of one spectral convolution y = F⁻¹(W · (F x)|kept): a real input x (B, I, N₁, …, N_d), a complex weight
/// W (I, O, kept₁, …, kept_d) and a real output y (B, O, N₁, …, N_d), with neuraloperator's mode counts (the last axis
/// keeps modes/2 + 1 frequencies, see <see cref="Ops.KeptModes"/>). Lengths count array entries (floats): complex
/// arrays are planar, twice their element count.
/// </summary>
/// <param name="batch">B.</param>
/// <param name="inChannels">I.</param>
/// <param name="outChannels">O.</param>
/// <param name="sizes">The points per spatial axis.</param>
/// <param name="modes">The mode counts per spatial axis.</param>
/// <exception cref="ArgumentException">A non-positive extent, differing axis counts, or an axis too short for its modes.</exception>
public sealed class SpectralConvolutionShape(int batch, int inChannels, int outChannels, IReadOnlyList<int> sizes, IReadOnlyList<int> modes)
    : IEquatable<SpectralConvolutionShape>
{
    private readonly int[] _kept = CheckedKept(batch, inChannels, outChannels, sizes, modes);
    private readonly int[] _sizes = [.. sizes];
    private readonly int[] _modes = [.. modes];

    /// <summary>B.</summary>
    public int Batch { get; } = batch;

    /// <summary>I.</summary>
    public int InChannels { get; } = inChannels;

    /// <summary>O.</summary>
    public int OutChannels { get; } = outChannels;

    /// <summary>N₁ … N_d, the points per spatial axis.</summary>
    public IReadOnlyList<int> Sizes => _sizes;

    /// <summary>The mode counts per spatial axis (neuraloperator's n_modes).</summary>
    public IReadOnlyList<int> Modes => _modes;

    /// <summary>The kept frequencies per spatial axis: the mode counts, and modes/2 + 1 on the last axis.</summary>
    public IReadOnlyList<int> Kept => _kept;

    /// <summary>N₁⋯N_d.</summary>
    public int Points => _sizes.Aggregate(1, (p, n) => p * n);

    /// <summary>kept₁⋯kept_d.</summary>
    public int KeptCount => _kept.Aggregate(1, (p, k) => p * k);

    /// <summary>Entries of x (and of its gradient): B·I·N₁⋯N_d.</summary>
    public int InputLength => Batch * InChannels * Points;

    /// <summary>Entries of y (and of its gradient): B·O·N₁⋯N_d.</summary>
    public int OutputLength => Batch * OutChannels * Points;

    /// <summary>Entries of the planar complex spectrum (F x)|kept: 2·B·I·kept₁⋯kept_d.</summary>
    public int SpectrumLength => 2 * Batch * InChannels * KeptCount;

    /// <summary>Entries of the planar complex weight (and of its gradient): 2·I·O·kept₁⋯kept_d.</summary>
    public int WeightLength => 2 * InChannels * OutChannels * KeptCount;

    /// <summary>The kept frequencies of a shape, once its extents, axis counts and modes are checked.</summary>
    private static int[] CheckedKept(int batch, int inChannels, int outChannels, IReadOnlyList<int> sizes, IReadOnlyList<int> modes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(modes);
        if (batch < 1 || inChannels < 1 || outChannels < 1)
            throw new ArgumentException($"batch {batch}, channels {inChannels} → {outChannels}: expected positive.", nameof(batch));
        if (sizes.Count == 0 || sizes.Count != modes.Count)
            throw new ArgumentException($"sizes [{string.Join(", ", sizes)}] and modes [{string.Join(", ", modes)}] need one entry per spatial axis.", nameof(modes));
        int[] kept = Ops.KeptModes(modes);
        for (int a = 0; a < kept.Length; a++)
        {
            int n = sizes[a];
            bool ok = a == kept.Length - 1 ? kept[a] <= n / 2 + 1 : kept[a] <= n;
            if (modes[a] < 1 || !ok)
                throw new ArgumentException($"spatial axis {a} has {n} points, too few for {modes[a]} modes.", nameof(modes));
        }
        return kept;
    }

    /// <summary>Throws unless the arrays have the lengths this shape gives them.</summary>
    /// <exception cref="ArgumentException">A length differs; the message names the array.</exception>
    public void CheckLength(int length, int expected, string name)
    {
        if (length != expected)
            throw new ArgumentException($"{name} has {length} entries; expected {expected} for {this}.", name);
    }

    /// <inheritdoc />
    public bool Equals(SpectralConvolutionShape? other) =>
        other is not null && Batch == other.Batch && InChannels == other.InChannels && OutChannels == other.OutChannels
        && _sizes.AsSpan().SequenceEqual(other._sizes) && _modes.AsSpan().SequenceEqual(other._modes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SpectralConvolutionShape);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Batch, InChannels, OutChannels, string.Join(",", _sizes), string.Join(",", _modes));

    /// <summary>E.g. "B 4, 8 → 8 channels, 32×32 points, modes 12×12".</summary>
    public override string ToString() =>
        $"B {Batch}, {InChannels} → {OutChannels} channels, {string.Join("×", _sizes)} points, modes {string.Join("×", _modes)}";
}
