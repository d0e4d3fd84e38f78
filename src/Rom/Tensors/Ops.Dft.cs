using System.Numerics;

namespace Rom.Tensors;

public static partial class Ops
{
    /// <summary>
    /// The real DFT over the spatial axes of x (B, C, N₁, …, N_d), truncated to the modes a spectral convolution keeps:
    /// n_i modes on every axis but the last (frequencies −⌊n_i/2⌋ … in centred order) and n_d/2 + 1 on the last
    /// (0 … n_d/2), as neuraloperator's <c>n_modes</c>. Returns the complex (B, C, n₁, …, n_d/2 + 1) spectrum, unscaled
    /// (the 1/N of the round trip is in <see cref="InverseRealDft{T}"/>). Computed as truncated DFT matrices applied one
    /// axis at a time by GEMM, never the full spectrum.
    /// </summary>
    public static Variable<T> RealDft<T>(Variable<T> x, IReadOnlyList<int> modes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(x);
        Tensor<T> xv = x.Value;
        int d = xv.Rank - 2;
        Require(d >= 1 && modes.Count == d, $"input {xv.ShapeText} and modes [{string.Join(", ", modes)}] need one mode count per spatial axis.");
        int[] kept = KeptModes(modes);
        for (int i = 0; i < d; i++)
        {
            int n = xv.Extent(2 + i);
            bool ok = i == d - 1 ? kept[i] <= n / 2 + 1 : kept[i] <= n;
            Require(modes[i] >= 1 && ok, $"spatial axis {i} has {n} points, too few for {modes[i]} modes (at least {(i == d - 1 ? 2 * (kept[i] - 1) : modes[i])}).");
        }
        int[] shape = [.. xv.Shape];
        // Last axis, real to complex.
        int nLast = shape[^1], rows = xv.Count / nLast;
        var last = DftMatrices<T>.For(nLast, kept[^1], true);
        shape[^1] = kept[^1];
        var z = Tensor<T>.Zeros(shape, true);
        int kLast = kept[^1];
        T[] rowsSpectrum = TensorScope.Scratch<T>(rows * 2 * kLast);
        Gemm.Product<T>(false, false, rows, 2 * kLast, nLast, xv.Data, last.RealForward, rowsSpectrum);
        Planes.Split<T>(rowsSpectrum, rows, kLast, z.Real, z.Imaginary);
        // The other spatial axes, complex, last to first.
        for (int axis = xv.Rank - 2; axis >= 2; axis--)
        {
            var m = DftMatrices<T>.For(shape[axis], kept[axis - 2], false);
            z = AlongAxis(z, axis, m.Forward, kept[axis - 2]);
        }
        int[] inputShape = [.. xv.Shape];
        return Tape<T>.Result(z, [x], o =>
        {
            Tensor<T> g = o.Gradient;
            for (int axis = 2; axis <= inputShape.Length - 2; axis++)
            {
                var m = DftMatrices<T>.For(inputShape[axis], kept[axis - 2], false);
                g = AlongAxis(g, axis, m.ForwardAdjoint, inputShape[axis]);
            }
            T[] joined = TensorScope.Scratch<T>(rows * 2 * kLast);
            Planes.Join<T>(g.Real, g.Imaginary, rows, kLast, joined);
            Gemm.Product<T>(false, true, rows, nLast, 2 * kLast, joined, last.RealForward, x.Gradient.Data, accumulate: true);
        });
    }

    /// <summary>
    /// The inverse of <see cref="RealDft{T}"/> with zero padding: a complex (B, C, n₁, …, n_d/2 + 1) spectrum becomes the
    /// real field (B, C, N₁, …, N_d) whose truncated spectrum it is, scaled by 1/(N₁⋯N_d) as an inverse FFT; the
    /// imaginary parts at frequency 0 and N_d/2 of the last axis are ignored, as a complex-to-real FFT does. Any
    /// resolution with at least the kept modes works, which is what lets a model trained at one resolution run at another.
    /// </summary>
    public static Variable<T> InverseRealDft<T>(Variable<T> z, IReadOnlyList<int> sizes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Tensor<T> zv = z.Value;
        int d = zv.Rank - 2;
        Require(zv.IsComplex && d >= 1 && sizes.Count == d, $"spectrum {zv.ShapeText} must be complex with one output size per spatial axis, got [{string.Join(", ", sizes)}].");
        for (int i = 0; i < d; i++)
        {
            int k = zv.Extent(2 + i), n = sizes[i];
            Require(i == d - 1 ? k <= n / 2 + 1 : k <= n, $"output size {n} on spatial axis {i} is too small for {k} kept modes.");
        }
        Tensor<T> g0 = zv;
        for (int axis = 2; axis <= zv.Rank - 2; axis++)
        {
            var m = DftMatrices<T>.For(sizes[axis - 2], zv.Extent(axis), false);
            g0 = AlongAxis(g0, axis, m.Inverse, sizes[axis - 2]);
        }
        int kLast = zv.Extent(-1), nLast = sizes[^1], rows = g0.Count / kLast;
        var last = DftMatrices<T>.For(nLast, kLast, true);
        int[] shape = [.. g0.Shape];
        shape[^1] = nLast;
        var y = Tensor<T>.Uninitialized(shape);
        T[] joined = TensorScope.Scratch<T>(rows * 2 * kLast);
        Planes.Join<T>(g0.Real, g0.Imaginary, rows, kLast, joined);
        Gemm.Product<T>(false, false, rows, nLast, 2 * kLast, joined, last.RealInverse, y.Data);
        int[] spectrumShape = [.. zv.Shape];
        return Tape<T>.Result(y, [z], o =>
        {
            int[] gShape = [.. shape];
            gShape[^1] = kLast;
            var g = Tensor<T>.Zeros(gShape, true);
            T[] rowsGradient = TensorScope.Scratch<T>(rows * 2 * kLast);
            Gemm.Product<T>(false, true, rows, 2 * kLast, nLast, o.Gradient.Data, last.RealInverse, rowsGradient);
            Planes.Split<T>(rowsGradient, rows, kLast, g.Real, g.Imaginary);
            for (int axis = spectrumShape.Length - 2; axis >= 2; axis--)
            {
                var m = DftMatrices<T>.For(sizes[axis - 2], spectrumShape[axis], false);
                g = AlongAxis(g, axis, m.InverseAdjoint, spectrumShape[axis]);
            }
            Kernels.AddInPlace(z.Gradient.Data, g.Data);
        });
    }

    /// <summary>The kept frequencies per spatial axis for neuraloperator-style mode counts: n_i, and n_d/2 + 1 on the last.</summary>
    public static int[] KeptModes(IReadOnlyList<int> modes)
    {
        int[] kept = [.. modes];
        kept[^1] = modes[^1] / 2 + 1;
        return kept;
    }

    /// <summary>Applies the complex M × N matrix <paramref name="a"/> along <paramref name="axis"/> of a complex tensor.</summary>
    private static Tensor<T> AlongAxis<T>(Tensor<T> z, int axis, DftMatrices<T>.Complex a, int m) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int p = z.ExtentProduct(0, axis), n = z.Extent(axis), q = z.ExtentProduct(axis + 1, z.Rank);
        int[] shape = [.. z.Shape];
        shape[axis] = m;
        var result = Tensor<T>.Zeros(shape, true);
        AxisProducts.Apply(a, m, z.Real, z.Imaginary, p, n, q, result.Real, result.Imaginary);
        return result;
    }
}
