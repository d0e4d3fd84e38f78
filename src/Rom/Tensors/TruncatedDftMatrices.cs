using System.Numerics;

namespace Rom.Tensors;

/// <summary>
/// The truncated DFT along one spatial axis as complex matrices, in the mode order and scaling of
/// <see cref="Ops.RealDft{T}"/> and <see cref="Ops.InverseRealDft{T}"/>, for backends that apply them themselves
/// (<see cref="ISpectralConvolutionKernels"/>). Both are planar (real parts, then imaginary parts) and row-major:
/// the forward F (kept × N) with z = F x along the axis, the inverse G (N × kept) with x = G z. On the last (real)
/// axis, x = Re(G z) is the complex-to-real inverse: G holds the Hermitian weights w_k/N (1 at k = 0 and N/2, 2
/// otherwise), and its imaginary parts vanish at k = 0 and N/2, so the imaginary parts there are ignored. The
/// backward passes use the conjugate transposes Fᴴ (then Re(Fᴴ z̄) on the last axis) and Gᴴ.
/// </summary>
public static class TruncatedDftMatrices
{
    /// <summary>F (kept × N, planar complex) for an axis of <paramref name="length"/> points keeping <paramref name="kept"/> frequencies.</summary>
    public static T[] Forward<T>(int length, int kept, bool lastAxis) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var m = DftMatrices<T>.For(length, kept, lastAxis);
        if (!lastAxis)
            return [.. m.Forward.Re, .. m.Forward.Im];
        // RealForward is N × 2K, [cos | −sin]: F[k, x] = cos − i sin.
        return Planar<T>(kept, length, (k, x) => m.RealForward[x * 2 * kept + k], (k, x) => m.RealForward[x * 2 * kept + kept + k]);
    }

    /// <summary>G (N × kept, planar complex) for an axis of <paramref name="length"/> points keeping <paramref name="kept"/> frequencies.</summary>
    public static T[] Inverse<T>(int length, int kept, bool lastAxis) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var m = DftMatrices<T>.For(length, kept, lastAxis);
        if (!lastAxis)
            return [.. m.Inverse.Re, .. m.Inverse.Im];
        // RealInverse is 2K × N, [w cos/N ; −w sin/N], and x = Σ_k Re z_k · w cos/N − Im z_k · w sin/N = Re(G z).
        return Planar<T>(length, kept, (x, k) => m.RealInverse[k * length + x], (x, k) => -m.RealInverse[(kept + k) * length + x]);
    }

    /// <summary>A planar complex rows × columns matrix, row-major, with entries re(i, j) + i·im(i, j).</summary>
    private static T[] Planar<T>(int rows, int columns, Func<int, int, T> re, Func<int, int, T> im)
    {
        var a = new T[2 * rows * columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
            {
                a[i * columns + j] = re(i, j);
                a[rows * columns + i * columns + j] = im(i, j);
            }
        return a;
    }
}
