using System.Runtime.CompilerServices;
using System.Numerics;

namespace Rom.Tensors;

/// <summary>
/// The differentiable operations of the tensor core. Each takes variables, computes its value, and records on the
/// inputs' tape how the output's gradient goes back. Shapes are checked at the call, and a mismatch is an
/// <see cref="ArgumentException"/> naming both shapes.
/// </summary>
public static partial class Ops
{
    /// <summary>a + b, entrywise (same shape and kind).</summary>
    public static Variable<T> Add<T>(Variable<T> a, Variable<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        SameShape(a, b);
        Tensor<T> y = a.Value.UninitializedLike();
        Kernels.Add(a.Value.Data, b.Value.Data, y.Data);
        return Tape<T>.Result(y, [a, b], o =>
        {
            if (a.RequiresGradient) Kernels.AddInPlace(a.Gradient.Data, o.Gradient.Data);
            if (b.RequiresGradient) Kernels.AddInPlace(b.Gradient.Data, o.Gradient.Data);
        });
    }

    /// <summary>a − b, entrywise (same shape and kind).</summary>
    public static Variable<T> Subtract<T>(Variable<T> a, Variable<T> b) where T : unmanaged, IFloatingPointIeee754<T> =>
        Add(a, Scale(b, -T.One));

    /// <summary>a ⊙ b, entrywise, for real tensors of the same shape.</summary>
    public static Variable<T> Multiply<T>(Variable<T> a, Variable<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        SameShape(a, b);
        RealOnly(a);
        Tensor<T> y = a.Value.UninitializedLike();
        Kernels.Multiply(a.Value.Data, b.Value.Data, y.Data);
        return Tape<T>.Result(y, [a, b], o =>
        {
            if (a.RequiresGradient) Kernels.MultiplyAdd(a.Gradient.Data, o.Gradient.Data, b.Value.Data);
            if (b.RequiresGradient) Kernels.MultiplyAdd(b.Gradient.Data, o.Gradient.Data, a.Value.Data);
        });
    }

    /// <summary>s·x for a constant s.</summary>
    public static Variable<T> Scale<T>(Variable<T> x, T s) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Tensor<T> y = x.Value.UninitializedLike();
        Kernels.Scale(x.Value.Data, s, y.Data);
        return Tape<T>.Result(y, [x], o => Kernels.ScaleAdd(x.Gradient.Data, o.Gradient.Data, s));
    }

    /// <summary>GELU(x) = x Φ(x) with the exact normal distribution function (PyTorch's default, not the tanh form).</summary>
    public static Variable<T> Gelu<T>(Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(x);
        T[] input = x.Value.Data;
        Tensor<T> y = x.Value.UninitializedLike();
        T[] output = y.Data;
        Parallelism.For(input.Length, 8, (first, end) => GeluKernels.Forward<T>(input.AsSpan(first, end - first), output.AsSpan(first, end - first)));
        return Tape<T>.Result(y, [x], o =>
        {
            T[] g = o.Gradient.Data, gx = x.Gradient.Data;
            Parallelism.For(input.Length, 12, (first, end) =>
                GeluKernels.Backward<T>(input.AsSpan(first, end - first), g.AsSpan(first, end - first), gx.AsSpan(first, end - first)));
        });
    }

    /// <summary>ReLU(x) = max(x, 0), with the gradient 0 at x = 0 (PyTorch's and JAX's choice).</summary>
    public static Variable<T> Relu<T>(Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(x);
        T[] input = x.Value.Data;
        Tensor<T> y = x.Value.UninitializedLike();
        T[] output = y.Data;
        Kernels.Relu<T>(input, output);
        return Tape<T>.Result(y, [x], o => Kernels.AddWherePositive<T>(x.Gradient.Data, o.Gradient.Data, input));
    }

    /// <summary>tanh(x), with the derivative 1 − tanh²(x).</summary>
    public static Variable<T> Tanh<T>(Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(x);
        T[] input = x.Value.Data;
        Tensor<T> y = x.Value.UninitializedLike();
        T[] output = y.Data;
        for (int i = 0; i < input.Length; i++)
            output[i] = T.Tanh(input[i]);
        return Tape<T>.Result(y, [x], o =>
        {
            T[] g = o.Gradient.Data, gx = x.Gradient.Data;
            for (int i = 0; i < input.Length; i++)
                gx[i] += g[i] * (T.One - output[i] * output[i]);
        });
    }

    /// <summary>The sum of all entries of a real tensor, as a scalar of shape [].</summary>
    public static Variable<T> Sum<T>(Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(x);
        var y = new Tensor<T>([], [Kernels.Sum(x.Value.Data)]);
        return Tape<T>.Result(y, [x], o => Kernels.AddScalar(x.Gradient.Data, o.Gradient.Data[0]));
    }

    /// <summary>The same values seen with another shape of the same count (the storage is shared).</summary>
    public static Variable<T> Reshape<T>(Variable<T> x, params int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Tensor<T> y = x.Value.Reshaped(shape);
        return Tape<T>.Result(y, [x], o => Kernels.AddInPlace(x.Gradient.Data, o.Gradient.Data));
    }

    // The checks at the start of an operation; the message names the operation, the calling method.

    private static void SameShape<T>(Variable<T> a, Variable<T> b, [CallerMemberName] string operation = "") where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!a.Value.SameShape(b.Value))
            throw new ArgumentException($"{operation}: shapes {a.Value.ShapeText} and {b.Value.ShapeText} differ.");
    }

    private static void RealOnly<T>(Variable<T> x, [CallerMemberName] string operation = "") where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Value.IsComplex)
            throw new ArgumentException($"{operation} takes a real tensor; got {x.Value.ShapeText}.");
    }

    private static void RealOnly<T>(Variable<T> a, Variable<T> b, [CallerMemberName] string operation = "") where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(a, operation);
        RealOnly(b, operation);
    }

    private static void Require(bool condition, string message, [CallerMemberName] string operation = "")
    {
        if (!condition)
            throw new ArgumentException($"{operation}: {message}");
    }
}
