using System.Numerics;

namespace Rom.Tests.SpectralSolvers;

/// <summary>Spectral coefficients as the tensor core's planar complex tensors.</summary>
internal static class Coefficients
{
    /// <summary>A complex tensor of <paramref name="shape"/> holding <paramref name="c"/> row-major.</summary>
    public static Tensor<double> AsTensor(Complex[] c, int[] shape)
    {
        var t = Tensor<double>.Zeros(shape, isComplex: true);
        for (int i = 0; i < c.Length; i++)
        {
            t.Real[i] = c[i].Real;
            t.Imaginary[i] = c[i].Imaginary;
        }
        return t;
    }
}
