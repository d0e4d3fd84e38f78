using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural;

/// <summary>A trainable map between function batches: (B, in, N…) to (B, out, N…), with its parameters.</summary>
public interface INeuralOperator<T> : IModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// The operator on a batch; with <paramref name="tape"/> the pass is recorded for <see cref="Tape{T}.Backward"/>,
    /// without one it is inference only.
    /// </summary>
    Variable<T> Forward(Variable<T> x, Tape<T>? tape);
}
