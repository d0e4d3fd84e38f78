using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using static Rom.Spectral.ComplexPairs;

namespace Rom.Spectral;

/// <summary>
/// Mixed-radix (4, 2, 3, 5) Stockham autosort FFT (Stockham 1966; the formulation of Van Loan, "Computational
/// Frameworks for the FFT", §1.7). Each pass of radix p over the current length L = p·m reads a_k = x[q + s·(j + k·m)],
/// forms the radix-p DFT b_r and writes y[q + s·(p·j + r)] = b_r·exp(−2πi·r·j/L); the next pass continues with
/// L ← m and s ← p·s. The output ends in natural order without a bit reversal. Passes vectorise over the
/// interleaved index q (two complex numbers per AVX register) or, when s = 1, over j.
/// </summary>
internal sealed class StockhamTransform : LineTransform
{
    private readonly int _n;
    private readonly int[] _radices;
    private readonly double[][] _twiddles;   // per pass: exp(−2πi·r·j/L) at [(r−1)·m + j], interleaved

    public StockhamTransform(int n, int[] radices)
    {
        _n = n;
        _radices = radices;
        _twiddles = new double[radices.Length][];
        int length = n;
        for (int pass = 0; pass < radices.Length; pass++)
        {
            int p = radices[pass], m = length / p;
            var table = new double[2 * (p - 1) * m];
            for (int r = 1; r < p; r++)
                for (int j = 0; j < m; j++)
                {
                    // Reduce r·j modulo L first so the angle stays accurate for long transforms.
                    double angle = -2.0 * Math.PI * ((long)r * j % length) / length;
                    var (sin, cos) = Math.SinCos(angle);
                    table[2 * ((r - 1) * m + j)] = cos;
                    table[2 * ((r - 1) * m + j) + 1] = sin;
                }
            _twiddles[pass] = table;
            length = m;
        }
    }

    public override int Length => _n;

    /// <summary>Splits n into radices 4, then 2, 3, 5; false when another prime divides n.</summary>
    public static bool TryFactor(int n, out int[] radices)
    {
        var list = new List<int>();
        int rest = n;
        while (rest % 4 == 0) { list.Add(4); rest /= 4; }
        while (rest % 2 == 0) { list.Add(2); rest /= 2; }
        while (rest % 3 == 0) { list.Add(3); rest /= 3; }
        while (rest % 5 == 0) { list.Add(5); rest /= 5; }
        radices = [.. list];
        return rest == 1;
    }

    public override int WorkLength(int interleaved) => 2 * _n * interleaved;

    public override void Forward(Span<double> data, int interleaved, Span<double> work)
    {
        int length = _n, s = interleaved;
        var source = data;
        var target = work;
        for (int pass = 0; pass < _radices.Length; pass++)
        {
            int p = _radices[pass], m = length / p;
            switch (p)
            {
                case 4: Pass<Radix4>(source, target, m, s, _twiddles[pass]); break;
                case 2: Pass<Radix2>(source, target, m, s, _twiddles[pass]); break;
                case 3: Pass<Radix3>(source, target, m, s, _twiddles[pass]); break;
                default: Pass<Radix5>(source, target, m, s, _twiddles[pass]); break;
            }
            var previous = source;
            source = target;
            target = previous;
            length = m;
            s *= p;
        }
        if (_radices.Length % 2 == 1)
            work[..(2 * _n * interleaved)].CopyTo(data);
    }

    /// <summary>One radix-p pass from x to y (see the class summary for the index map).</summary>
    private static void Pass<T>(ReadOnlySpan<double> x, Span<double> y, int m, int s, ReadOnlySpan<double> twiddles)
        where T : struct, IButterfly
    {
        int p = T.Radix;
        Span<Vector256<double>> a = stackalloc Vector256<double>[p];
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double ys = ref MemoryMarshal.GetReference(y);
        ref double tw = ref MemoryMarshal.GetReference(twiddles);
        if (s == 1)
        {
            // One sequence: two consecutive j per register, each with its own twiddles.
            int j = 0;
            for (; j + 1 < m; j += 2)
            {
                for (int k = 0; k < p; k++)
                    a[k] = LoadTwo(ref xs, j + k * m);
                T.Apply(a);
                StoreLower(a[0], ref ys, p * j);
                StoreUpper(a[0], ref ys, p * j + p);
                for (int r = 1; r < p; r++)
                {
                    var b = Multiply(a[r], LoadTwo(ref tw, (r - 1) * m + j));
                    StoreLower(b, ref ys, p * j + r);
                    StoreUpper(b, ref ys, p * j + p + r);
                }
            }
            if (j < m)
            {
                for (int k = 0; k < p; k++)
                    a[k] = LoadOne(ref xs, j + k * m);
                T.Apply(a);
                StoreLower(a[0], ref ys, p * j);
                for (int r = 1; r < p; r++)
                    StoreLower(Multiply(a[r], LoadOne(ref tw, (r - 1) * m + j)), ref ys, p * j + r);
            }
            return;
        }
        Span<Vector256<double>> wr = stackalloc Vector256<double>[p];
        Span<Vector256<double>> wi = stackalloc Vector256<double>[p];
        for (int j = 0; j < m; j++)
        {
            for (int r = 1; r < p; r++)
            {
                int t = 2 * ((r - 1) * m + j);
                wr[r] = Vector256.Create(Unsafe.Add(ref tw, t));
                wi[r] = Vector256.Create(Unsafe.Add(ref tw, t + 1));
            }
            int input = s * j, output = s * p * j, q = 0;
            for (; q + 1 < s; q += 2)
            {
                for (int k = 0; k < p; k++)
                    a[k] = LoadTwo(ref xs, input + q + k * s * m);
                T.Apply(a);
                StoreTwo(a[0], ref ys, output + q);
                for (int r = 1; r < p; r++)
                    StoreTwo(Multiply(a[r], wr[r], wi[r]), ref ys, output + q + r * s);
            }
            if (q < s)
            {
                for (int k = 0; k < p; k++)
                    a[k] = LoadOne(ref xs, input + q + k * s * m);
                T.Apply(a);
                StoreLower(a[0], ref ys, output + q);
                for (int r = 1; r < p; r++)
                    StoreLower(Multiply(a[r], wr[r], wi[r]), ref ys, output + q + r * s);
            }
        }
    }
}
