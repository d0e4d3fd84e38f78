using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rom.LinearAlgebra.Dense;

/// <summary>
/// Solves A x = b for a small dense SPD matrix (the packed lower triangle by columns of <see cref="DenseCholesky"/>, in
/// double) by mixed-precision iterative refinement (Moler 1967; Langou et al. 2006; Higham, Accuracy and Stability of
/// Numerical Algorithms, §12.1): the O(N³) factorisation runs in single precision, eight entries per 256-bit register instead of
/// four, and the O(N²) residuals b − A x in double; corrections from the single-precision factor are added to x in
/// double until the next one would not change it beyond <see cref="Tolerance"/>.
/// <para>
/// Each correction shrinks the error by a rate ρ ≈ κ(A)·2⁻²⁴. Refinement stops when the last correction d_k, times the
/// rate seen between the last two (ρ ≈ ‖d_k‖/‖d_k−1‖, the predicted size of the next), is below
/// <see cref="Tolerance"/>·‖x‖ (1-norms, so a NaN anywhere shows). When the single-precision factor breaks down, or
/// the corrections do not shrink at least twofold (κ(A) ≳ 10⁶), the solve is redone by a double-precision Cholesky of A, so the answer is
/// never worse than that of the double factorisation alone.
/// </para>
/// Holds its scratch: one instance per thread.
/// </summary>
internal sealed class RefinedCholesky
{
    /// <summary>Most corrections before giving up on refinement.</summary>
    private const int MaxCorrections = 8;

    private readonly AlignedArray<float> _factor;
    private readonly float[] _correction;
    private readonly double[] _residual;

    /// <summary>Scratch for N × N systems.</summary>
    public RefinedCholesky(int size, double tolerance = 1e-13)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (!(tolerance > 0 && tolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The refinement tolerance must lie in (0, 1).");
        Size = size;
        Tolerance = tolerance;
        _factor = new AlignedArray<float>(DenseCholesky.StorageLength(size));
        _correction = new float[size];
        _residual = new double[size];
    }

    /// <summary>N.</summary>
    public int Size { get; }

    /// <summary>Relative size (1-norm) of the predicted next correction at which refinement stops.</summary>
    public double Tolerance { get; }

    /// <summary>
    /// Writes A⁻¹ b into <paramref name="x"/> and returns the number of single-precision corrections used, or 0 when
    /// the double-precision fallback solved it (then <paramref name="a"/> holds its factor; otherwise a is untouched).
    /// Throws when A is not numerically SPD in double precision either.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Solve(Span<double> a, ReadOnlySpan<double> b, Span<double> x)
    {
        int n = Size;
        if (a.Length != DenseCholesky.StorageLength(n) || b.Length != n || x.Length != n)
            throw new ArgumentException($"N = {n} needs a packed matrix of {DenseCholesky.StorageLength(n)} (with slack) and vectors of {n} entries; got {a.Length}, {b.Length} and {x.Length}.");
        var factor = _factor.Span;
        Narrow(a[..DenseCholesky.PackedLength(n)], factor);
        if (DenseCholesky.TryFactor(factor, n, out _) < 0)
        {
            x.Clear();
            b.CopyTo(_residual);
            double previous = double.PositiveInfinity;
            for (int k = 1; k <= MaxCorrections; k++)
            {
                Narrow(_residual, _correction);
                DenseCholesky.Solve<float>(factor, n, _correction);
                var (correction, size) = Add(_correction, x);
                double rate = correction / previous;
                if (!(rate <= 0.5) && k > 1) break;
                if (correction <= Tolerance * size || (k > 1 && rate * correction <= Tolerance * size)) return k;
                previous = correction;
                DenseCholesky.Residual<double>(a, n, b, x, _residual);
            }
        }
        b.CopyTo(x);
        DenseCholesky.Factor(a, n);
        DenseCholesky.Solve<double>(a, n, x);
        return 0;
    }

    /// <summary>x += d, returning ‖d‖₁ and ‖x‖₁ (NaN when either holds one).</summary>
    private static (double Correction, double Size) Add(ReadOnlySpan<float> d, Span<double> x)
    {
        int i = 0;
        double correction = 0, size = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float ds = ref MemoryMarshal.GetReference(d);
            ref double xs = ref MemoryMarshal.GetReference(x);
            var (c, s) = (Vector256<double>.Zero, Vector256<double>.Zero);
            for (; i <= x.Length - 8; i += 8)
            {
                var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref ds, (nuint)i));
                var x0 = Vector256.LoadUnsafe(ref xs, (nuint)i) + low;
                var x1 = Vector256.LoadUnsafe(ref xs, (nuint)i + 4) + high;
                x0.StoreUnsafe(ref xs, (nuint)i);
                x1.StoreUnsafe(ref xs, (nuint)i + 4);
                c += Vector256.Abs(low) + Vector256.Abs(high);
                s += Vector256.Abs(x0) + Vector256.Abs(x1);
            }
            (correction, size) = (Vector256.Sum(c), Vector256.Sum(s));
        }
        for (; i < x.Length; i++)
        {
            x[i] += d[i];
            correction += Math.Abs(d[i]);
            size += Math.Abs(x[i]);
        }
        return (correction, size);
    }

    /// <summary>Rounds the doubles to the nearest singles, eight at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Narrow(ReadOnlySpan<double> source, Span<float> target)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double s = ref MemoryMarshal.GetReference(source);
            ref float t = ref MemoryMarshal.GetReference(target);
            for (; i <= source.Length - 8; i += 8)
                Vector256.Narrow(Vector256.LoadUnsafe(ref s, (nuint)i), Vector256.LoadUnsafe(ref s, (nuint)i + 4)).StoreUnsafe(ref t, (nuint)i);
        }
        for (; i < source.Length; i++) target[i] = (float)source[i];
    }
}
