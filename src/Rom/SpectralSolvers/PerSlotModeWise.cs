using System.Numerics;
using Rom.Neural;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// The reference network's spectral layer: y_k = W_k u_k with a real h × h matrix W_k for every coefficient slot k, so
/// the cosine and sine of one wave are learned independently (<see cref="ShiftEquivariantModeWise{T}"/> ties them).
/// </summary>
public sealed class PerSlotModeWise<T> : IModeWiseLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T> _weight;
    private readonly ModeCoupling _coupling;

    /// <summary>A layer named <paramref name="name"/> of width <paramref name="width"/> on slots <paramref name="modes"/>, weights N(0, σ²).</summary>
    public PerSlotModeWise(string name, int[] modes, int width, double std, Initialization init)
    {
        ArgumentNullException.ThrowIfNull(modes);
        ArgumentNullException.ThrowIfNull(init);
        _weight = new Parameter<T>(name, init.Normal<T>([.. modes, width, width], std));
        _coupling = ModeCoupling.Identity(modes.Aggregate(1, (p, n) => p * n));
    }

    /// <inheritdoc />
    public IEnumerable<Parameter<T>> Parameters => [_weight];

    /// <summary>y_k = W_k u_k for u (B, h, modes…), through the identity coupling built once with the layer.</summary>
    public Variable<T> Forward(Variable<T> u, Tape<T>? tape) => Ops.ModeWiseLinear(u, [_weight.Use(tape)], _coupling);
}
