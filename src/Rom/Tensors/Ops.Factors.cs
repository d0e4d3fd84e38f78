using System.Numerics;

namespace Rom.Tensors;

public static partial class Ops
{
    /// <summary>
    /// The mode-n product of a complex tensor with a complex matrix, x ×_axis op(u) (Kolda and Bader's notation):
    /// y[p, j, q] = Σ_n op(u)[j, n] x[p, n, q], where x is seen as (P, N, Q) around <paramref name="axis"/> and op(u) is
    /// u (J × N), or uᵀ for u (N × J) when <paramref name="transpose"/>. On the channel axis of (B, I, modes…) with
    /// u (I × R) transposed this is the channel mix Σ_i x[b, i, k] u[i, r]; along the axes of a core it builds Tucker and
    /// tensor-train products. One GEMM when the axis is last, else one per leading index p.
    /// </summary>
    public static Variable<T> ModeProduct<T>(Variable<T> x, Variable<T> u, int axis, bool transpose = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Tensor<T> xv = x.Value, uv = u.Value;
        Require(xv.IsComplex && uv.IsComplex && uv.Rank == 2 && axis >= 0 && axis < xv.Rank
                && uv.Extent(transpose ? 0 : 1) == xv.Extent(axis),
            $"input {xv.ShapeText} along axis {axis} and matrix {uv.ShapeText}{(transpose ? " (transposed)" : "")} must be complex, "
            + $"the matrix {(transpose ? "(N, J)" : "(J, N)")} with N the axis extent.");
        int p = xv.ExtentProduct(0, axis), n = xv.Extent(axis), q = xv.ExtentProduct(axis + 1, xv.Rank);
        int j = uv.Extent(transpose ? 1 : 0);
        int[] shape = [.. xv.Shape];
        shape[axis] = j;
        var y = Tensor<T>.Zeros(shape, true);
        T[] xd = xv.Data, ud = uv.Data, yd = y.Data;
        int xc = xv.Count, uc = uv.Count, yc = y.Count;
        long work = 8L * j * n * q;
        if (q == 1)
            // Y (P × J) = X (P × N) op(u)ᵀ.
            Gemm.ComplexProduct(false, false, !transpose, false, p, j, n, xv.Real, xv.Imaginary, uv.Real, uv.Imaginary, y.Real, y.Imaginary);
        else
            Parallelism.For(p, work, (first, end) =>
            {
                // y_p (J × Q) = op(u) (J × N) x_p (N × Q).
                for (int i = first; i < end; i++)
                    Gemm.ComplexProduct(transpose, false, false, false, j, q, n, ud.AsSpan(0, uc), ud.AsSpan(uc, uc),
                        xd.AsSpan(i * n * q, n * q), xd.AsSpan(xc + i * n * q, n * q),
                        yd.AsSpan(i * j * q, j * q), yd.AsSpan(yc + i * j * q, j * q));
            });
        return Tape<T>.Result(y, [x, u], r =>
        {
            T[] gy = r.Gradient.Data;
            if (x.RequiresGradient)
            {
                // ∂x = op(u)ᴴ ∂y, per leading index.
                T[] gx = x.Gradient.Data;
                if (q == 1)
                    Gemm.ComplexProduct(false, false, transpose, true, p, n, j, gy.AsSpan(0, yc), gy.AsSpan(yc, yc),
                        ud.AsSpan(0, uc), ud.AsSpan(uc, uc), gx.AsSpan(0, xc), gx.AsSpan(xc, xc), accumulate: true);
                else
                    Parallelism.For(p, work, (first, end) =>
                    {
                        for (int i = first; i < end; i++)
                            Gemm.ComplexProduct(!transpose, true, false, false, n, q, j, ud.AsSpan(0, uc), ud.AsSpan(uc, uc),
                                gy.AsSpan(i * j * q, j * q), gy.AsSpan(yc + i * j * q, j * q),
                                gx.AsSpan(i * n * q, n * q), gx.AsSpan(xc + i * n * q, n * q), accumulate: true);
                    });
            }
            if (u.RequiresGradient)
            {
                // ∂op(u) = Σ_p ∂y_p x_pᴴ (J × N); transposed, ∂u = Σ_p conj(x_p) ∂y_pᵀ (N × J). With Q = 1 the sum
                // over p is the inner dimension of one product.
                T[] gu = u.Gradient.Data;
                int steps = q == 1 ? 1 : p, inner = q == 1 ? p : q;
                for (int i = 0; i < steps; i++)
                {
                    ReadOnlySpan<T> gyRe = gy.AsSpan(i * j * q, j * inner), gyIm = gy.AsSpan(yc + i * j * q, j * inner);
                    ReadOnlySpan<T> xRe = xd.AsSpan(i * n * q, n * inner), xIm = xd.AsSpan(xc + i * n * q, n * inner);
                    if (transpose)
                        Gemm.ComplexProduct(q == 1, true, q != 1, false, n, j, inner, xRe, xIm, gyRe, gyIm,
                            gu.AsSpan(0, uc), gu.AsSpan(uc, uc), accumulate: true);
                    else
                        Gemm.ComplexProduct(q == 1, false, q != 1, true, j, n, inner, gyRe, gyIm, xRe, xIm,
                            gu.AsSpan(0, uc), gu.AsSpan(uc, uc), accumulate: true);
                }
            }
        });
    }

    /// <summary>
    /// y = x ⊙ w for complex tensors where w's shape is the trailing part of x's, broadcast over x's leading axes:
    /// y[l, s] = x[l, s] w[s] (a (B, R, modes…) tensor times a (R, modes…) one in a CP contraction).
    /// </summary>
    public static Variable<T> BroadcastMultiply<T>(Variable<T> x, Variable<T> w) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Tensor<T> xv = x.Value, wv = w.Value;
        Require(xv.IsComplex && wv.IsComplex && wv.Rank <= xv.Rank && xv.Shape.Skip(xv.Rank - wv.Rank).SequenceEqual(wv.Shape),
            $"input {xv.ShapeText} and factor {wv.ShapeText} must be complex, the factor's shape the input's trailing extents.");
        int size = wv.Count, leading = size == 0 ? 0 : xv.Count / size;
        var y = xv.ZerosLike();
        T[] xd = xv.Data, wd = wv.Data, yd = y.Data;
        int xc = xv.Count;
        for (int l = 0; l < leading; l++)
            ComplexKernels.MultiplyAdd(xd, l * size, xc, wd, 0, size, yd, l * size, xc, size, conjugateFirst: false);
        return Tape<T>.Result(y, [x, w], r =>
        {
            T[] gy = r.Gradient.Data;
            for (int l = 0; l < leading; l++)
            {
                if (x.RequiresGradient)
                    ComplexKernels.MultiplyAdd(wd, 0, size, gy, l * size, xc, x.Gradient.Data, l * size, xc, size, conjugateFirst: true);
                if (w.RequiresGradient)
                    ComplexKernels.MultiplyAdd(xd, l * size, xc, gy, l * size, xc, w.Gradient.Data, 0, size, size, conjugateFirst: true);
            }
        });
    }

    /// <summary>
    /// The rank-one terms of a CP tensor: for complex factors U_j of shape (n_j, R), the (R, n₁, …, n_m) tensor
    /// y[r, k₁, …, k_m] = Π_j U_j[k_j, r], the Khatri–Rao product of the factors with the rank axis first.
    /// </summary>
    public static Variable<T> KhatriRao<T>(IReadOnlyList<Variable<T>> factors) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Require(factors.Count >= 1, "needs at least one factor.");
        int rank = factors[0].Value.Rank == 2 ? factors[0].Value.Extent(1) : -1;
        foreach (Variable<T> f in factors)
            Require(f.Value.IsComplex && f.Value.Rank == 2 && f.Value.Extent(1) == rank,
                $"factors [{string.Join(", ", factors.Select(g => g.Value.ShapeText))}] must be complex (n_j, R) with one R.");
        Tensor<T>[] values = [.. factors.Select(f => f.Value)];
        int[] extents = [.. values.Select(v => v.Extent(0))];
        int count = extents.Aggregate(1, (a, b) => a * b);
        var y = Tensor<T>.Zeros([rank, .. extents], true);
        for (int r = 0; r < rank; r++)
            RankOneTerm(values, r, skip: -1, y.Real.Slice(r * count, count), y.Imaginary.Slice(r * count, count));
        return Tape<T>.Result(y, [.. factors], o =>
        {
            T[] g = o.Gradient.Data;
            int yc = y.Count;
            for (int f = 0; f < values.Length; f++)
            {
                if (!factors[f].RequiresGradient)
                    continue;
                // ∂U_f[t, r] = Σ over the other indices of ∂y[r, …, t, …] · conj(Π_{l≠f} U_l[k_l, r]).
                int nf = extents[f], others = count / Math.Max(nf, 1), after = extents.Skip(f + 1).Aggregate(1, (a, b) => a * b);
                T[] gu = factors[f].Gradient.Data;
                int uc = values[f].Count;
                var re = new T[others];
                var im = new T[others];
                for (int r = 0; r < rank; r++)
                {
                    RankOneTerm(values, r, skip: f, re, im);
                    for (int k = 0; k < others; k++)
                    {
                        int before = k / after, rest = k % after;
                        for (int t = 0; t < nf; t++)
                        {
                            int at = r * count + (before * nf + t) * after + rest;
                            T gr = g[at], gi = g[yc + at];
                            gu[t * rank + r] += gr * re[k] + gi * im[k];
                            gu[uc + t * rank + r] += gi * re[k] - gr * im[k];
                        }
                    }
                }
            }
        });
    }

    /// <summary>
    /// Writes Π_{j ≠ skip} U_j[k_j, r] for every multi-index k (last factor fastest) into (re, im), expanding one factor
    /// at a time in place from the back so each entry is read before it is overwritten.
    /// </summary>
    private static void RankOneTerm<T>(Tensor<T>[] factors, int r, int skip, Span<T> re, Span<T> im) where T : unmanaged, IFloatingPointIeee754<T>
    {
        re[0] = T.One;
        im[0] = T.Zero;
        int length = 1;
        for (int f = 0; f < factors.Length; f++)
        {
            if (f == skip)
                continue;
            Tensor<T> u = factors[f];
            int n = u.Extent(0), rank = u.Extent(1);
            ReadOnlySpan<T> ur = u.Real, ui = u.Imaginary;
            for (int a = length - 1; a >= 0; a--)
            {
                T cr = re[a], ci = im[a];
                for (int t = n - 1; t >= 0; t--)
                {
                    T vr = ur[t * rank + r], vi = ui[t * rank + r];
                    re[a * n + t] = cr * vr - ci * vi;
                    im[a * n + t] = cr * vi + ci * vr;
                }
            }
            length *= n;
        }
    }
}
