using System.Runtime.InteropServices;

namespace Rom.Gpu;

/// <summary>
/// A complex number the kernels compute with: the same layout as <see cref="System.Numerics.Complex"/> (two
/// doubles, real first), so device views of Complex are cast to it, but with arithmetic ILGPU compiles plainly.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct GpuComplex(double re, double im)
{
    public readonly double Re = re;
    public readonly double Im = im;

    public static GpuComplex operator +(GpuComplex a, GpuComplex b) => new(a.Re + b.Re, a.Im + b.Im);

    public static GpuComplex operator -(GpuComplex a, GpuComplex b) => new(a.Re - b.Re, a.Im - b.Im);

    public static GpuComplex operator *(GpuComplex a, GpuComplex b) =>
        new(a.Re * b.Re - a.Im * b.Im, a.Re * b.Im + a.Im * b.Re);

    /// <summary>a·(s·i) for s = ±1: a quarter turn, the only twiddle of a radix-4 butterfly.</summary>
    public static GpuComplex QuarterTurn(GpuComplex a, int s) => new(-s * a.Im, s * a.Re);

    /// <summary>The conjugate when s = +1, the number itself when s = −1 (twiddles are stored for s = −1).</summary>
    public static GpuComplex Directed(GpuComplex w, int s) => new(w.Re, -s * w.Im);

    public static GpuComplex Conjugate(GpuComplex a) => new(a.Re, -a.Im);
}
