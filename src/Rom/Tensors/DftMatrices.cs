using System.Collections.Concurrent;
using System.Numerics;

namespace Rom.Tensors;

/// <summary>
/// The matrices of the truncated DFT along one axis of length N, computed once per (N, kept modes) and type.
/// <para>
/// The last axis is real-to-complex and keeps frequencies 0 … K−1 (K = n/2 + 1 for n modes, as a real FFT's half
/// spectrum): <see cref="RealForward"/> is N × 2K, [cos(2πkx/N) | −sin(2πkx/N)], so one GEMM gives the real parts
/// and then the imaginary parts of each row, and the inverse <see cref="RealInverse"/> is 2K × N, [w_k cos(2πkx/N)/N ;
/// −w_k sin(2πkx/N)/N], w_k = 1 for k = 0 and the Nyquist frequency N/2, 2 otherwise (the Hermitian twins); like a
/// complex-to-real FFT it ignores the imaginary parts at k = 0 and N/2.
/// </para>
/// <para>
/// Every other axis is complex and keeps the n frequencies f_j = j − ⌊n/2⌋, j = 0 … n−1, in that (centred) order,
/// which is the order of neuraloperator's fftshift-ed weights: <see cref="Forward"/> (n × N) holds e^{−2πi f_j x/N},
/// <see cref="Inverse"/> (N × n) holds e^{+2πi f_j x/N}/N, and their conjugate transposes serve the backward pass.
/// </para>
/// </summary>
internal sealed class DftMatrices<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly ConcurrentDictionary<(int Length, int Modes, bool Last), DftMatrices<T>> Cache = new();

    private DftMatrices(int length, int modes, bool last)
    {
        Length = length;
        Kept = modes;
        if (last)
        {
            RealForward = new T[length * 2 * Kept];
            RealInverse = new T[2 * Kept * length];
            for (int x = 0; x < length; x++)
                for (int k = 0; k < Kept; k++)
                {
                    double angle = 2 * Math.PI * ((long)k * x % length) / length;
                    double weight = (k == 0 || 2 * k == length ? 1.0 : 2.0) / length;
                    RealForward[x * 2 * Kept + k] = T.CreateTruncating(Math.Cos(angle));
                    RealForward[x * 2 * Kept + Kept + k] = T.CreateTruncating(-Math.Sin(angle));
                    RealInverse[k * length + x] = T.CreateTruncating(weight * Math.Cos(angle));
                    RealInverse[(Kept + k) * length + x] = T.CreateTruncating(-weight * Math.Sin(angle));
                }
            return;
        }
        Forward = new Complex(new T[modes * length], new T[modes * length]);
        ForwardAdjoint = new Complex(new T[length * modes], new T[length * modes]);
        Inverse = new Complex(new T[length * modes], new T[length * modes]);
        InverseAdjoint = new Complex(new T[modes * length], new T[modes * length]);
        for (int j = 0; j < modes; j++)
        {
            long frequency = j - modes / 2;
            for (int x = 0; x < length; x++)
            {
                double angle = 2 * Math.PI * (((frequency * x) % length + length) % length) / length;
                T c = T.CreateTruncating(Math.Cos(angle)), s = T.CreateTruncating(Math.Sin(angle));
                T cn = T.CreateTruncating(Math.Cos(angle) / length), sn = T.CreateTruncating(Math.Sin(angle) / length);
                Forward.Re[j * length + x] = c;
                Forward.Im[j * length + x] = -s;
                ForwardAdjoint.Re[x * modes + j] = c;
                ForwardAdjoint.Im[x * modes + j] = s;
                Inverse.Re[x * modes + j] = cn;
                Inverse.Im[x * modes + j] = sn;
                InverseAdjoint.Re[j * length + x] = cn;
                InverseAdjoint.Im[j * length + x] = -sn;
            }
        }
    }

    /// <summary>The matrices for an axis of <paramref name="length"/> points keeping <paramref name="modes"/> frequencies.</summary>
    public static DftMatrices<T> For(int length, int modes, bool last) => Cache.GetOrAdd((length, modes, last), key => new DftMatrices<T>(key.Length, key.Modes, key.Last));

    /// <summary>A complex matrix as its real and imaginary parts, row-major.</summary>
    public sealed record Complex(T[] Re, T[] Im);

    /// <summary>N, the points along the axis.</summary>
    public int Length { get; }

    /// <summary>The number of kept frequencies.</summary>
    public int Kept { get; }

    public T[] RealForward { get; } = [];
    public T[] RealInverse { get; } = [];
    public Complex Forward { get; } = new([], []);
    public Complex ForwardAdjoint { get; } = new([], []);
    public Complex Inverse { get; } = new([], []);
    public Complex InverseAdjoint { get; } = new([], []);
}
