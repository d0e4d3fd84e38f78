using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural;

/// <summary>A part of a network that owns trainable parameters (named as in neuraloperator's state dicts, dot-separated).</summary>
public interface IModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Every parameter of this module and its children, in a fixed order.</summary>
    IEnumerable<Parameter<T>> Parameters { get; }
}

/// <summary>Helpers shared by the modules.</summary>
public static class Modules
{
    /// <summary>The parameter as a variable of the pass: watched on <paramref name="tape"/>, or a constant for inference.</summary>
    public static Variable<T> Use<T>(this Parameter<T> parameter, Tape<T>? tape) where T : unmanaged, IFloatingPointIeee754<T> =>
        tape?.Watch(parameter) ?? Tape<T>.Constant(parameter.Value);

    /// <summary>The number of real scalars in all parameters (a complex entry counts two, as PyTorch's view_as_real).</summary>
    public static long ScalarCount<T>(this IModule<T> module) where T : unmanaged, IFloatingPointIeee754<T> =>
        module.Parameters.Sum(p => (long)p.ScalarCount);

    /// <summary>A copy of every parameter's value, by name (for checkpoints and best-model keeping).</summary>
    public static Dictionary<string, Tensor<T>> Snapshot<T>(this IEnumerable<Parameter<T>> parameters) where T : unmanaged, IFloatingPointIeee754<T> =>
        parameters.ToDictionary(p => p.Name, p => p.Value.Clone());

    /// <summary>Copies <paramref name="weights"/> into the parameters of the same names; nothing is copied unless every one is there with its shape.</summary>
    /// <exception cref="ArgumentException">A parameter missing from <paramref name="weights"/> or of another shape there.</exception>
    public static void Load<T>(this IReadOnlyList<Parameter<T>> parameters, IReadOnlyDictionary<string, Tensor<T>> weights) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (Parameter<T> p in parameters)
            if (!weights.TryGetValue(p.Name, out Tensor<T>? w) || !w.SameShape(p.Value))
                throw new ArgumentException($"the saved weights lack {p.Name} {p.Value.ShapeText} or hold another shape.", nameof(weights));
        foreach (Parameter<T> p in parameters)
            weights[p.Name].Data.CopyTo(p.Value.Data, 0);
    }
}
