using System.Numerics;

namespace Rom.Neural.Layers.Weights;

/// <summary>Creates the spectral weight a model's settings name.</summary>
public static class SpectralWeights
{
    /// <summary>The factorisations that can be asked for.</summary>
    public static IReadOnlyList<string> Names { get; } = ["dense"];

    /// <summary>
    /// A weight for (I, O, kept…) stored as <paramref name="factorization"/> with <paramref name="rank"/> the fraction of the
    /// dense parameter count (ignored for dense).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown factorisation or a rank outside (0, 1].</exception>
    public static ISpectralWeight<T> Create<T>(string name, string factorization, double rank, int inChannels, int outChannels,
        IReadOnlyList<int> keptModes, Initialization init) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(rank > 0 && rank <= 1))
            throw new ArgumentException($"rank = {rank}, expected a fraction of the dense parameter count in (0, 1].", nameof(rank));
        return factorization.ToLowerInvariant() switch
        {
            "dense" => new DenseSpectralWeight<T>(name, inChannels, outChannels, keptModes, init),
            _ => throw new ArgumentException($"factorization = '{factorization}', expected one of {string.Join(", ", Names)}.", nameof(factorization)),
        };
    }
}
