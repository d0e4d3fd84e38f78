using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Layers;

/// <summary>A 1×1 convolution (PyTorch's Conv1d with kernel size 1 over flattened space): weight (out, in), optional bias (out).</summary>
public sealed class PointwiseLinear<T> : IModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A layer named <paramref name="name"/> from <paramref name="inputs"/> to <paramref name="outputs"/> channels.</summary>
    public PointwiseLinear(string name, int inputs, int outputs, bool bias, Initialization init)
    {
        double bound = 1 / Math.Sqrt(inputs);
        Weight = new Parameter<T>($"{name}.weight", init.Uniform<T>([outputs, inputs], bound));
        Bias = bias ? new Parameter<T>($"{name}.bias", init.Uniform<T>([outputs], bound)) : null;
    }

    /// <summary>The (out, in) weight.</summary>
    public Parameter<T> Weight { get; }

    /// <summary>The (out) bias, or null.</summary>
    public Parameter<T>? Bias { get; }

    /// <inheritdoc />
    public IEnumerable<Parameter<T>> Parameters => Bias is null ? [Weight] : [Weight, Bias];

    /// <summary>y = W x (+ b) at every point.</summary>
    public Variable<T> Forward(Variable<T> x, Tape<T>? tape) => Ops.ChannelLinear(x, Weight.Use(tape), Bias?.Use(tape));
}
