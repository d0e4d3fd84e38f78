using System.Numerics;

namespace Rom.Tensors;

/// <summary>
/// A trainable tensor with its gradient. A forward pass watches it on a <see cref="Tape{T}"/>; the backward pass
/// adds into <see cref="Gradient"/>, which the optimiser reads and <see cref="ZeroGradient"/> clears.
/// </summary>
public sealed class Parameter<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A parameter named <paramref name="name"/> (the key in model files) holding <paramref name="value"/>.</summary>
    public Parameter(string name, Tensor<T> value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Value = value;
        Gradient = new Tensor<T>([.. value.Shape], new T[value.Data.Length], value.IsComplex); // never from a TensorScope's pool
    }

    /// <summary>The name, unique within a model: "blocks.0.spectral.weight".</summary>
    public string Name { get; }

    /// <summary>The current value; optimisers update it in place.</summary>
    public Tensor<T> Value { get; }

    /// <summary>The accumulated gradient ∂L/∂(real part) + i ∂L/∂(imaginary part), planar like the value.</summary>
    public Tensor<T> Gradient { get; }

    /// <summary>The number of real scalars (twice the count for a complex tensor).</summary>
    public int ScalarCount => Value.Data.Length;

    /// <summary>Sets the gradient to zero.</summary>
    public void ZeroGradient() => Array.Clear(Gradient.Data);
}
