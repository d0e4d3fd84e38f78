using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Layers.Weights;

/// <summary>The weight stored whole: one complex (I, O, kept…) tensor, <c>{name}.tensor</c> as in neuraloperator's ComplexDenseTensor.</summary>
public sealed class DenseSpectralWeight<T> : ISpectralWeight<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A weight initialised complex normal with standard deviation √(2/(I + O)).</summary>
    public DenseSpectralWeight(string name, int inChannels, int outChannels, IReadOnlyList<int> keptModes, Initialization init)
    {
        InChannels = inChannels;
        OutChannels = outChannels;
        KeptModes = [.. keptModes];
        Tensor = new Parameter<T>($"{name}.tensor",
            init.Normal<T>([inChannels, outChannels, .. keptModes], Math.Sqrt(2.0 / (inChannels + outChannels)), complex: true));
    }

    /// <summary>The (I, O, kept…) complex weight.</summary>
    public Parameter<T> Tensor { get; }

    /// <inheritdoc />
    public string Factorization => "dense";

    /// <inheritdoc />
    public int InChannels { get; }

    /// <inheritdoc />
    public int OutChannels { get; }

    /// <inheritdoc />
    public IReadOnlyList<int> KeptModes { get; }

    /// <inheritdoc />
    public IEnumerable<Parameter<T>> Parameters => [Tensor];

    /// <inheritdoc />
    public Variable<T> Contract(Variable<T> spectrum, Tape<T>? tape) => Ops.ModeContraction(spectrum, Tensor.Use(tape));

    /// <inheritdoc />
    public Variable<T> Dense(Tape<T>? tape) => Tensor.Use(tape);
}
