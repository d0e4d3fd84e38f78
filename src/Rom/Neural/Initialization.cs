using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural;

/// <summary>
/// Seeded parameter initialisation, with PyTorch's rules: a 1×1 convolution's weight and bias uniform on
/// ±1/√(fan in) (kaiming_uniform with a = √5), spectral weights complex normal with standard deviation
/// √(2/(in + out)) (each part √½ of it, as torch's complex normal_).
/// </summary>
public sealed class Initialization(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>Entries uniform on [−bound, bound].</summary>
    public Tensor<T> Uniform<T>(int[] shape, double bound) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Tensor<T>.Zeros(shape);
        for (int i = 0; i < t.Data.Length; i++)
            t.Data[i] = T.CreateTruncating(bound * (2 * _random.NextDouble() - 1));
        return t;
    }

    /// <summary>Entries normal with the given standard deviation (each part of a complex entry std/√2).</summary>
    public Tensor<T> Normal<T>(int[] shape, double std, bool complex = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Tensor<T>.Zeros(shape, complex);
        double partStd = complex ? std / Math.Sqrt(2) : std;
        for (int i = 0; i < t.Data.Length; i++)
            t.Data[i] = T.CreateTruncating(partStd * Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble()));
        return t;
    }

    /// <summary>Every entry equal to <paramref name="value"/>.</summary>
    public static Tensor<T> Constant<T>(int[] shape, double value) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Tensor<T>.Zeros(shape);
        Array.Fill(t.Data, T.CreateTruncating(value));
        return t;
    }
}
