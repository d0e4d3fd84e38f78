using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Training;

/// <summary>
/// AdamW (Loshchilov and Hutter) as torch.optim.AdamW (PyTorch 1.13): the weight decay is decoupled from the
/// gradient, p ← p · (1 − lr·λ), and then the plain <see cref="Adam{T}"/> step follows. torch's default λ is 1e-2.
/// </summary>
public sealed class AdamW<T> : Adam<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>AdamW over <paramref name="parameters"/> with torch's defaults (lr 1e-3, λ 1e-2, β (0.9, 0.999), ε 1e-8).</summary>
    /// <exception cref="ArgumentException">A setting out of range, or two parameters with one name.</exception>
    public AdamW(IEnumerable<Parameter<T>> parameters, double learningRate = 1e-3, double weightDecay = 1e-2,
        double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : base(parameters, learningRate, weightDecay, beta1, beta2, epsilon, decoupled: true)
    {
    }
}
