using System.Numerics;

namespace Rom.Tensors;

/// <summary>
/// A reverse-mode tape: each operation on a tracked variable records how to send its output's gradient back to its
/// inputs, and <see cref="Backward"/> replays those steps last to first. One tape serves one forward pass; a
/// new pass starts a new tape (the recorded steps hold the pass's intermediate tensors).
/// </summary>
public sealed class Tape<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Action> _steps = [];

    /// <summary>A value that takes no gradient (data, targets).</summary>
    public static Variable<T> Constant(Tensor<T> value) => new(value, null);

    /// <summary>Tracks a trained parameter: gradients reaching it add into <see cref="Parameter{T}.Gradient"/>.</summary>
    public Variable<T> Watch(Parameter<T> parameter) => new(parameter.Value, this, parameter.Gradient);

    /// <summary>Tracks a tensor whose gradient is wanted (gradient checks, inputs of a sensitivity).</summary>
    public Variable<T> Track(Tensor<T> value) => new(value, this);

    /// <summary>The number of recorded steps.</summary>
    public int Count => _steps.Count;

    /// <summary>
    /// Sends the gradient back from a scalar output (seeded with 1) through every recorded step, adding into the
    /// gradients of tracked variables and watched parameters. The tape is spent afterwards.
    /// </summary>
    /// <exception cref="ArgumentException">The output is not a real scalar recorded on this tape.</exception>
    public void Backward(Variable<T> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Tape != this || output.Value.IsComplex || output.Value.Count != 1)
            throw new ArgumentException($"Backward starts from a real scalar of this tape; got {output.Value.ShapeText}.", nameof(output));
        output.Gradient.Data[0] = T.One;
        for (int i = _steps.Count - 1; i >= 0; i--)
            _steps[i]();
        _steps.Clear();
    }

    /// <summary>
    /// The output variable of an operation: tracked, with <paramref name="backward"/> recorded, when any input is
    /// tracked; otherwise a constant and nothing is recorded. The backward step receives the output variable, and
    /// runs only when the output got a gradient.
    /// </summary>
    internal static Variable<T> Result(Tensor<T> value, ReadOnlySpan<Variable<T>> inputs, Action<Variable<T>> backward)
    {
        Tape<T>? tape = null;
        foreach (Variable<T> input in inputs)
            if (input.Tape is { } t)
            {
                if (tape is not null && tape != t)
                    throw new ArgumentException("the inputs of one operation belong to different tapes.");
                tape = t;
            }
        var output = new Variable<T>(value, tape);
        if (tape is not null)
            tape._steps.Add(() =>
            {
                if (output.GradientOrNull is null)
                    return;
                backward(output);
                // Nothing reads an operation's output gradient after its own backward step: recycle it for the steps still to run.
                output.ReleaseGradient();
            });
        return output;
    }
}
