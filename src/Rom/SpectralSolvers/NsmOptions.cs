using Rom.Spectral.Chebyshev;

namespace Rom.SpectralSolvers;

/// <summary>
/// The network of neural spectral methods (reference code <c>src/model/fno/spectral.py</c>, "NSM"): its defaults are the
/// reference run scripts' for the periodic Poisson problem (width 64, depth 4, 31 × 31 modes).
/// </summary>
public sealed record NsmOptions
{
    /// <summary>Slots of the real Fourier basis per axis, for the input parameters and the output solution (--mode 31 31).</summary>
    public int[] Modes { get; init; } = [31, 31];

    /// <summary>The basis of every axis: real Fourier (periodic) or Chebyshev on [0, 1]; null: Fourier on every axis.</summary>
    public SpectralBasis[]? Bases { get; init; }

    /// <summary><see cref="Bases"/> with its default filled in.</summary>
    public SpectralBasis[] AxisBases => Bases ?? [.. Modes.Select(_ => SpectralBasis.Fourier)];

    /// <summary>Channels of the PDE parameters given as coefficients (a source: 1).</summary>
    public int InChannels { get; init; } = 1;

    /// <summary>The hidden width h (--hdim 64); the lifting and projection MLPs pass through 4h.</summary>
    public int Width { get; init; } = 64;

    /// <summary>Spectral blocks (--depth 4).</summary>
    public int Depth { get; init; } = 4;

    /// <summary>The mollifier's scale: the output is this times the network's (the reference's 1e-3).</summary>
    public double OutputScale { get; init; } = 1e-3;

    /// <summary>
    /// Whether the spectral layers commute with shifts along the Fourier axes (<see cref="ShiftEquivariantModeWise{T}"/>:
    /// channel matrices per wave, shared by its cosine and sine) instead of the reference's independent matrix per slot.
    /// </summary>
    public bool ShiftEquivariant { get; init; }

    /// <summary>Seed of the initial weights.</summary>
    public int Seed { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public NsmOptions Checked()
    {
        if (Modes is null || Modes.Length is < 1 or > 3 || Modes.Any(m => m < 2))
            throw new ArgumentException($"modes [{string.Join(", ", Modes ?? [])}] must give 1 to 3 axes of at least 2 slots.", nameof(Modes));
        if (Bases is not null && Bases.Length != Modes.Length)
            throw new ArgumentException($"bases has {Bases.Length} entries for {Modes.Length} axes of modes.", nameof(Bases));
        if (InChannels < 1) throw new ArgumentException($"in_channels {InChannels} must be at least 1.", nameof(InChannels));
        if (Width < 1) throw new ArgumentException($"width {Width} must be at least 1.", nameof(Width));
        if (Depth < 0) throw new ArgumentException($"depth {Depth} must be at least 0.", nameof(Depth));
        if (!(OutputScale > 0) || !double.IsFinite(OutputScale))
            throw new ArgumentException($"output scale {OutputScale} must be positive and finite.", nameof(OutputScale));
        return this;
    }
}
