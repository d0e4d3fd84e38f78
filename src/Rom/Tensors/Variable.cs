using System.Numerics;

namespace Rom.Tensors;

/// <summary>
/// A value in a forward pass: a tensor, and, when something it depends on is trained, the tape that will carry
/// its gradient back. Operations (<see cref="Ops"/>) take and return variables.
/// </summary>
public sealed class Variable<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _gradient;

    internal Variable(Tensor<T> value, Tape<T>? tape, Tensor<T>? gradient = null)
    {
        Value = value;
        Tape = tape;
        _gradient = gradient;
    }

    /// <summary>The forward value.</summary>
    public Tensor<T> Value { get; }

    /// <summary>The tape recording operations on this value, or null for a constant.</summary>
    public Tape<T>? Tape { get; }

    /// <summary>Whether a gradient flows back through this value.</summary>
    public bool RequiresGradient => Tape is not null;

    /// <summary>The gradient accumulated so far (allocated on first use).</summary>
    public Tensor<T> Gradient => _gradient ??= Value.ZerosLike();

    /// <summary>The gradient if one was ever added, else null (so a backward step can skip untouched branches).</summary>
    internal Tensor<T>? GradientOrNull => _gradient;

    /// <summary>Drops the gradient after the backward step that reads it, recycling its storage into the current <see cref="TensorScope"/>.</summary>
    internal void ReleaseGradient()
    {
        if (_gradient is null)
            return;
        TensorScope.Current?.Recycle(_gradient.Data);
        _gradient = null;
    }

    /// <summary>The shape of the value.</summary>
    public IReadOnlyList<int> Shape => Value.Shape;
}
