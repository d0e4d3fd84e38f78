using System.Runtime.InteropServices;

namespace Rom.IO.Torch;

/// <summary>A dense tensor read from a PyTorch file: its element type, shape and contiguous (row-major) little-endian bytes.</summary>
public sealed class TorchTensor(TorchDType dtype, int[] shape, byte[] data)
{
    /// <summary>The element type.</summary>
    public TorchDType DType { get; } = dtype;

    /// <summary>The shape.</summary>
    public int[] Shape { get; } = shape;

    /// <summary>The elements, row-major.</summary>
    public byte[] Data { get; } = data;

    /// <summary>The shape as PyTorch prints it, e.g. [32, 32, 12, 7, 2].</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";

    /// <summary>
    /// The elements as float32 (complex ones interleaved real, imaginary), converting float64 and float16.
    /// </summary>
    /// <exception cref="InvalidOperationException">An integer or boolean tensor.</exception>
    public float[] ToSingles() => DType switch
    {
        TorchDType.Float32 or TorchDType.Complex64 => MemoryMarshal.Cast<byte, float>(Data).ToArray(),
        TorchDType.Float64 or TorchDType.Complex128 => [.. MemoryMarshal.Cast<byte, double>(Data).ToArray().Select(v => (float)v)],
        TorchDType.Float16 => [.. MemoryMarshal.Cast<byte, Half>(Data).ToArray().Select(v => (float)v)],
        TorchDType.BFloat16 => [.. MemoryMarshal.Cast<byte, ushort>(Data).ToArray().Select(v => BitConverter.Int32BitsToSingle(v << 16))],
        _ => throw new InvalidOperationException($"a {DType} tensor holds no floating-point values."),
    };

    /// <summary>Whether the elements are complex.</summary>
    public bool IsComplex => DType is TorchDType.Complex64 or TorchDType.Complex128;

    /// <summary>Whether the elements are floating point (real or complex).</summary>
    public bool IsFloatingPoint => DType is TorchDType.Float32 or TorchDType.Float64 or TorchDType.Float16 or TorchDType.BFloat16 || IsComplex;
}
