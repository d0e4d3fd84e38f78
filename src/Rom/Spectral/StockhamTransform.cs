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

    /// <summary>
    /// Splits n into radices 4, with one radix 8 for an odd power of two (the hand-written passes beat the generic
    /// radix-2 one), a radix 2 only for n = 2·odd, then 3 and 5; false when another prime divides n.
    /// </summary>
    public static bool TryFactor(int n, out int[] radices)
    {
        var list = new List<int>();
        int rest = n, twos = 0;
        while (rest % 2 == 0) { twos++; rest /= 2; }
        if (twos % 2 == 1 && twos >= 3)
        {
            list.Add(8);
            twos -= 3;
        }
        for (; twos >= 2; twos -= 2)
            list.Add(4);
        if (twos == 1)
            list.Add(2);
        while (rest % 3 == 0) { list.Add(3); rest /= 3; }
        while (rest % 5 == 0) { list.Add(5); rest /= 5; }
        radices = [.. list];
        return rest == 1;
    }

    public override int WorkLength(int interleaved) => 2 * _n * interleaved;

    public override void Forward(Span<double> data, int interleaved, Span<double> work) => Forward(data, data, interleaved, work);

    /// <summary>
    /// Runs the passes from <paramref name="source"/> to <paramref name="destination"/>, alternating with
    /// <paramref name="work"/> so the last pass lands in the destination: an out-of-place call copies nothing, and an
    /// in-place one copies once only when the pass count is odd.
    /// </summary>
    public override void Forward(ReadOnlySpan<double> source, Span<double> destination, int interleaved, Span<double> work)
    {
        int count = 2 * _n * interleaved;
        if (_radices.Length == 0)
        {
            source[..count].CopyTo(destination);
            return;
        }
        if (_radices.Length % 2 == 1 && source.Overlaps(destination))
        {
            // The first pass would write over its own input: start from a copy in work, which the second pass reuses.
            source[..count].CopyTo(work);
            source = work[..count];
        }
        int length = _n, s = interleaved;
        for (int pass = 0; pass < _radices.Length; pass++)
        {
            var target = (_radices.Length - 1 - pass) % 2 == 0 ? destination : work;
            int m = length / _radices[pass];
            RunPass(pass, source, target, m, s, new PassLayout(s, s, s));
            source = target;
            length = m;
            s *= _radices[pass];
        }
    }

    public override int ColumnsWorkLength(int width) => 4 * _n * width;

    /// <summary>
    /// The first pass reads the columns where they lie and the last one writes them back there; the passes between
    /// alternate between two dense scratch arrays, so no gather or scatter copy is needed.
    /// </summary>
    public override void ForwardColumns(Span<double> data, int stride, int width, Span<double> work)
    {
        var even = work[..(2 * _n * width)];
        var odd = work[(2 * _n * width)..(4 * _n * width)];
        ReadOnlySpan<double> source = data;
        int length = _n, s = width, last = _radices.Length - 1;
        for (int pass = 0; pass <= last; pass++)
        {
            var target = pass == last ? data : pass % 2 == 0 ? even : odd;
            int m = length / _radices[pass], block = pass == 0 || pass == last ? width : s;
            RunPass(pass, source, target, m, s, new PassLayout(block, pass == 0 ? stride : block, pass == last ? stride : block));
            source = target;
            length = m;
            s *= _radices[pass];
        }
    }

    private void RunPass(int pass, ReadOnlySpan<double> x, Span<double> y, int m, int s, PassLayout layout)
    {
        var twiddles = _twiddles[pass];
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double ys = ref MemoryMarshal.GetReference(y);
        ref double tw = ref MemoryMarshal.GetReference(twiddles);
        // The written-out radix-4 and radix-8 passes take their values two at a time: over j for one dense sequence of
        // even m, otherwise over q when the width is even; the generic pass takes the rest.
        bool overJ = layout.Single && m % 2 == 0, overQ = layout.Width % 2 == 0;
        switch (_radices[pass])
        {
            case 8 when overJ: PassRadix8OverJ(ref xs, ref ys, m, ref tw); break;
            case 8 when overQ: PassRadix8OverQ(ref xs, ref ys, m, s, layout, ref tw); break;
            case 8: Pass<Radix8>(x, y, m, s, layout, twiddles); break;
            case 4 when overJ: PassRadix4OverJ(ref xs, ref ys, m, ref tw); break;
            case 4 when overQ: PassRadix4OverQ(ref xs, ref ys, m, s, layout, ref tw); break;
            case 4: Pass<Radix4>(x, y, m, s, layout, twiddles); break;
            case 2: Pass<Radix2>(x, y, m, s, layout, twiddles); break;
            case 3: Pass<Radix3>(x, y, m, s, layout, twiddles); break;
            default: Pass<Radix5>(x, y, m, s, layout, twiddles); break;
        }
    }

    /// <summary>
    /// Where a pass finds its s interleaved sequences: index q = t·Width + c (c &lt; Width) of dense element e lies at
    /// complex number c + Input·(t + (s/Width)·e) of the input and likewise with Output of the output. A dense pass has
    /// Width = Input = Output = s; a pass over columns of a larger array has Width = the column count and the array's row
    /// length as the stride on the side that touches the array.
    /// </summary>
    private readonly record struct PassLayout(int Width, int Input, int Output)
    {
        /// <summary>Whether the pass is a dense transform of one sequence (the case vectorised over j).</summary>
        public bool Single => Input == 1 && Output == 1;
    }

    /// <summary>
    /// The radix-4 pass of <see cref="Pass{T}"/> written out with the four values in registers, over pairs of j of one
    /// dense sequence (m even): radix 4 carries every power-of-two length, and the generic pass keeps its values in a
    /// stack array.
    /// </summary>
    private static void PassRadix4OverJ(ref double xs, ref double ys, int m, ref double tw)
    {
        for (int j = 0; j < m; j += 2)
        {
            var (b0, b1, b2, b3) = Radix4.Butterfly(LoadTwo(ref xs, j), LoadTwo(ref xs, j + m), LoadTwo(ref xs, j + 2 * m), LoadTwo(ref xs, j + 3 * m));
            b1 = Multiply(b1, LoadTwo(ref tw, j));
            b2 = Multiply(b2, LoadTwo(ref tw, m + j));
            b3 = Multiply(b3, LoadTwo(ref tw, 2 * m + j));
            // Lanes hold j and j + 1: outputs 4j…4j+3 take the lower lanes, 4j+4…4j+7 the upper ones.
            StorePair(b0, b1, ref ys, 4 * j, 4);
            StorePair(b2, b3, ref ys, 4 * j + 2, 4);
        }
    }

    /// <summary>The radix-4 pass over pairs of the interleaved index q (an even width).</summary>
    private static void PassRadix4OverQ(ref double xs, ref double ys, int m, int s, PassLayout layout, ref double tw)
    {
        int w = layout.Width, blocks = s / w, ks = layout.Input * blocks * m, rs = layout.Output * blocks;
        for (int j = 0; j < m; j++)
        {
            var w1r = Vector256.Create(Unsafe.Add(ref tw, 2 * j));
            var w1i = Vector256.Create(Unsafe.Add(ref tw, 2 * j + 1));
            var w2r = Vector256.Create(Unsafe.Add(ref tw, 2 * (m + j)));
            var w2i = Vector256.Create(Unsafe.Add(ref tw, 2 * (m + j) + 1));
            var w3r = Vector256.Create(Unsafe.Add(ref tw, 2 * (2 * m + j)));
            var w3i = Vector256.Create(Unsafe.Add(ref tw, 2 * (2 * m + j) + 1));
            for (int t = 0; t < blocks; t++)
            {
                ref double input = ref Unsafe.Add(ref xs, 2 * layout.Input * (t + blocks * j));
                ref double output = ref Unsafe.Add(ref ys, 2 * layout.Output * (t + blocks * 4 * j));
                for (int q = 0; q < w; q += 2)
                {
                    var (b0, b1, b2, b3) = Radix4.Butterfly(LoadTwo(ref input, q), LoadTwo(ref input, q + ks), LoadTwo(ref input, q + 2 * ks), LoadTwo(ref input, q + 3 * ks));
                    StoreTwo(b0, ref output, q);
                    StoreTwo(Multiply(b1, w1r, w1i), ref output, q + rs);
                    StoreTwo(Multiply(b2, w2r, w2i), ref output, q + 2 * rs);
                    StoreTwo(Multiply(b3, w3r, w3i), ref output, q + 3 * rs);
                }
            }
        }
    }

    /// <summary>The radix-8 pass written out like <see cref="PassRadix4OverJ"/>, the butterfly being <see cref="Radix8.Butterfly"/>.</summary>
    private static void PassRadix8OverJ(ref double xs, ref double ys, int m, ref double tw)
    {
        for (int j = 0; j < m; j += 2)
        {
            var (b0, b1, b2, b3, b4, b5, b6, b7) = Radix8.Butterfly(
                LoadTwo(ref xs, j), LoadTwo(ref xs, j + m), LoadTwo(ref xs, j + 2 * m), LoadTwo(ref xs, j + 3 * m),
                LoadTwo(ref xs, j + 4 * m), LoadTwo(ref xs, j + 5 * m), LoadTwo(ref xs, j + 6 * m), LoadTwo(ref xs, j + 7 * m));
            b1 = Multiply(b1, LoadTwo(ref tw, j));
            b2 = Multiply(b2, LoadTwo(ref tw, m + j));
            b3 = Multiply(b3, LoadTwo(ref tw, 2 * m + j));
            b4 = Multiply(b4, LoadTwo(ref tw, 3 * m + j));
            b5 = Multiply(b5, LoadTwo(ref tw, 4 * m + j));
            b6 = Multiply(b6, LoadTwo(ref tw, 5 * m + j));
            b7 = Multiply(b7, LoadTwo(ref tw, 6 * m + j));
            StorePair(b0, b1, ref ys, 8 * j, 8);
            StorePair(b2, b3, ref ys, 8 * j + 2, 8);
            StorePair(b4, b5, ref ys, 8 * j + 4, 8);
            StorePair(b6, b7, ref ys, 8 * j + 6, 8);
        }
    }

    /// <summary>The radix-8 pass over pairs of the interleaved index q (an even width), like <see cref="PassRadix4OverQ"/>.</summary>
    private static void PassRadix8OverQ(ref double xs, ref double ys, int m, int s, PassLayout layout, ref double tw)
    {
        int w = layout.Width, blocks = s / w, ks = layout.Input * blocks * m, rs = layout.Output * blocks;
        for (int j = 0; j < m; j++)
            for (int t = 0; t < blocks; t++)
            {
                ref double input = ref Unsafe.Add(ref xs, 2 * layout.Input * (t + blocks * j));
                ref double output = ref Unsafe.Add(ref ys, 2 * layout.Output * (t + blocks * 8 * j));
                for (int q = 0; q < w; q += 2)
                {
                    var (b0, b1, b2, b3, b4, b5, b6, b7) = Radix8.Butterfly(
                        LoadTwo(ref input, q), LoadTwo(ref input, q + ks), LoadTwo(ref input, q + 2 * ks), LoadTwo(ref input, q + 3 * ks),
                        LoadTwo(ref input, q + 4 * ks), LoadTwo(ref input, q + 5 * ks), LoadTwo(ref input, q + 6 * ks), LoadTwo(ref input, q + 7 * ks));
                    StoreTwo(b0, ref output, q);
                    StoreTwo(MultiplyBroadcast(b1, ref tw, j), ref output, q + rs);
                    StoreTwo(MultiplyBroadcast(b2, ref tw, m + j), ref output, q + 2 * rs);
                    StoreTwo(MultiplyBroadcast(b3, ref tw, 2 * m + j), ref output, q + 3 * rs);
                    StoreTwo(MultiplyBroadcast(b4, ref tw, 3 * m + j), ref output, q + 4 * rs);
                    StoreTwo(MultiplyBroadcast(b5, ref tw, 4 * m + j), ref output, q + 5 * rs);
                    StoreTwo(MultiplyBroadcast(b6, ref tw, 5 * m + j), ref output, q + 6 * rs);
                    StoreTwo(MultiplyBroadcast(b7, ref tw, 6 * m + j), ref output, q + 7 * rs);
                }
            }
    }

    /// <summary>
    /// Stores outputs r and r + 1 of two consecutive j, held as (j, j + 1) lanes in <paramref name="a"/> and
    /// <paramref name="b"/>: j's at <paramref name="index"/> and j + 1's <paramref name="radix"/> further.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StorePair(Vector256<double> a, Vector256<double> b, ref double y, int index, int radix)
    {
        StoreTwo(Vector256.Create(a.GetLower(), b.GetLower()), ref y, index);
        StoreTwo(Vector256.Create(a.GetUpper(), b.GetUpper()), ref y, index + radix);
    }

    /// <summary>v times twiddle number <paramref name="index"/> of the table, broadcast to both lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MultiplyBroadcast(Vector256<double> v, ref double table, int index) =>
        Multiply(v, Vector256.Create(Unsafe.Add(ref table, 2 * index)), Vector256.Create(Unsafe.Add(ref table, 2 * index + 1)));

    /// <summary>One radix-p pass from x to y (see the class summary for the index map and <see cref="PassLayout"/>).</summary>
    private static void Pass<T>(ReadOnlySpan<double> x, Span<double> y, int m, int s, PassLayout layout, ReadOnlySpan<double> twiddles)
        where T : struct, IButterfly
    {
        int p = T.Radix;
        Span<Vector256<double>> a = stackalloc Vector256<double>[p];
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double ys = ref MemoryMarshal.GetReference(y);
        ref double tw = ref MemoryMarshal.GetReference(twiddles);
        if (layout.Single)
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
        int w = layout.Width, blocks = s / w, ks = layout.Input * blocks * m, rs = layout.Output * blocks;
        for (int j = 0; j < m; j++)
        {
            for (int r = 1; r < p; r++)
            {
                int t = 2 * ((r - 1) * m + j);
                wr[r] = Vector256.Create(Unsafe.Add(ref tw, t));
                wi[r] = Vector256.Create(Unsafe.Add(ref tw, t + 1));
            }
            for (int t = 0; t < blocks; t++)
            {
                int input = layout.Input * (t + blocks * j), output = layout.Output * (t + blocks * p * j), q = 0;
                for (; q + 1 < w; q += 2)
                    StridedButterfly<T>(a, ref xs, ref ys, input + q, output + q, ks, rs, wr, wi, two: true);
                if (q < w)
                    StridedButterfly<T>(a, ref xs, ref ys, input + q, output + q, ks, rs, wr, wi, two: false);
            }
        }
    }

    /// <summary>
    /// One butterfly of <see cref="Pass{T}"/> over interleaved sequences: the values at <paramref name="input"/> + k·ks
    /// into the outputs at <paramref name="output"/> + r·rs, twiddled by (wr, wi); two sequences side by side, or with
    /// <paramref name="two"/> false the one in the lower lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StridedButterfly<T>(Span<Vector256<double>> a, ref double xs, ref double ys, int input, int output, int ks, int rs,
        ReadOnlySpan<Vector256<double>> wr, ReadOnlySpan<Vector256<double>> wi, bool two)
        where T : struct, IButterfly
    {
        int p = T.Radix;
        for (int k = 0; k < p; k++)
            a[k] = two ? LoadTwo(ref xs, input + k * ks) : LoadOne(ref xs, input + k * ks);
        T.Apply(a);
        for (int r = 0; r < p; r++)
        {
            var b = r == 0 ? a[0] : Multiply(a[r], wr[r], wi[r]);
            if (two)
                StoreTwo(b, ref ys, output + r * rs);
            else
                StoreLower(b, ref ys, output + r * rs);
        }
    }
}
