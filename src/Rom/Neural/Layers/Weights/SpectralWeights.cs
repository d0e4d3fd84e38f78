using System.Numerics;

namespace Rom.Neural.Layers.Weights;

/// <summary>Creates the spectral weight a model's settings name.</summary>
public static class SpectralWeights
{
    /// <summary>Contract the spectrum with the factors, never forming the dense weight.</summary>
    public const string Factorized = "factorized";

    /// <summary>Rebuild the dense weight from the factors, then contract with it.</summary>
    public const string Reconstructed = "reconstructed";

    /// <summary>The factorisations that can be asked for.</summary>
    public static IReadOnlyList<string> Names { get; } = ["dense", "cp", "tucker", "tt"];

    /// <summary>How a factorised weight is contracted (neuraloperator's implementation; dense ignores it).</summary>
    public static IReadOnlyList<string> Implementations { get; } = [Factorized, Reconstructed];

    /// <summary>
    /// A weight for (I, O, kept…) stored as <paramref name="factorization"/> with <paramref name="rank"/> the fraction of the
    /// dense parameter count (ignored for dense), contracted as <paramref name="implementation"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown factorisation or implementation, or a rank outside (0, 1].</exception>
    public static ISpectralWeight<T> Create<T>(string name, string factorization, double rank, int inChannels, int outChannels,
        IReadOnlyList<int> keptModes, Initialization init, string implementation = Factorized) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(rank > 0 && rank <= 1))
            throw new ArgumentException($"rank = {rank}, expected a fraction of the dense parameter count in (0, 1].", nameof(rank));
        string how = implementation.ToLowerInvariant();
        if (!Implementations.Contains(how))
            throw new ArgumentException($"implementation = '{implementation}', expected one of {string.Join(", ", Implementations)}.", nameof(implementation));
        return factorization.ToLowerInvariant() switch
        {
            "dense" => new DenseSpectralWeight<T>(name, inChannels, outChannels, keptModes, init),
            "cp" => new CpSpectralWeight<T>(name, inChannels, outChannels, keptModes, rank, init, how),
            "tucker" => new TuckerSpectralWeight<T>(name, inChannels, outChannels, keptModes, rank, init, how),
            "tt" => new TtSpectralWeight<T>(name, inChannels, outChannels, keptModes, rank, init, how),
            _ => throw new ArgumentException($"factorization = '{factorization}', expected one of {string.Join(", ", Names)}.", nameof(factorization)),
        };
    }
}
