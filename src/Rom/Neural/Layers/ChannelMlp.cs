using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Layers;

/// <summary>
/// neuraloperator's ChannelMLP: pointwise linear layers <c>{name}.fcs.i</c> with biases and a non-linearity (GELU by
/// default, see <see cref="Activations"/>) between them (none after the last). FNO uses it for lifting (in → 2·width → width), projection (width → 2·width → out) and, inside each
/// block, as the channel MLP (width → width/2 → width).
/// </summary>
public sealed class ChannelMlp<T> : IModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly PointwiseLinear<T>[] _layers;
    private readonly string _nonLinearity;

    /// <summary>An MLP through the channel counts <paramref name="channels"/> (first input, last output), with <paramref name="nonLinearity"/> between layers.</summary>
    public ChannelMlp(string name, IReadOnlyList<int> channels, Initialization init, string nonLinearity = Activations.Gelu)
    {
        if (channels.Count < 2)
            throw new ArgumentException("a channel MLP needs at least an input and an output channel count.", nameof(channels));
        _nonLinearity = nonLinearity;
        _layers = [.. Enumerable.Range(0, channels.Count - 1).Select(i => new PointwiseLinear<T>($"{name}.fcs.{i}", channels[i], channels[i + 1], true, init))];
    }

    /// <inheritdoc />
    public IEnumerable<Parameter<T>> Parameters => _layers.SelectMany(l => l.Parameters);

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<PointwiseLinear<T>> Layers => _layers;

    /// <summary>The MLP at every point.</summary>
    public Variable<T> Forward(Variable<T> x, Tape<T>? tape)
    {
        for (int i = 0; i < _layers.Length; i++)
        {
            x = _layers[i].Forward(x, tape);
            if (i < _layers.Length - 1)
                x = Activations.Apply(_nonLinearity, x);
        }
        return x;
    }
}
