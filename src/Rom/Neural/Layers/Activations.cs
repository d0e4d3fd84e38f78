using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Layers;

/// <summary>
/// The pointwise non-linearities an FNO can use, by neuraloperator's <c>non_linearity</c> names: the exact GELU
/// (neuraloperator's default), ReLU (the neural-spectral-methods reference code's FNO) and tanh (its smooth PINN variant).
/// </summary>
public static class Activations
{
    /// <summary>x Φ(x), the exact GELU.</summary>
    public const string Gelu = "gelu";

    /// <summary>max(x, 0).</summary>
    public const string Relu = "relu";

    /// <summary>tanh x.</summary>
    public const string Tanh = "tanh";

    /// <summary>Every name <see cref="Apply"/> takes.</summary>
    public static IReadOnlyList<string> Names { get; } = [Gelu, Relu, Tanh];

    /// <summary>The non-linearity <paramref name="name"/> (one of <see cref="Names"/>, any case) at every entry of <paramref name="x"/>.</summary>
    /// <exception cref="ArgumentException">A name not in <see cref="Names"/>.</exception>
    public static Variable<T> Apply<T>(string name, Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        name.ToLowerInvariant() switch
        {
            Gelu => Ops.Gelu(x),
            Relu => Ops.Relu(x),
            Tanh => Ops.Tanh(x),
            _ => throw new ArgumentException($"non-linearity '{name}', expected one of {string.Join(", ", Names)}.", nameof(name)),
        };
}
