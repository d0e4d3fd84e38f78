using System.Numerics;

namespace Rom.Tensors;

public static partial class Ops
{
    /// <summary>
    /// The relative H¹ error of neuraloperator's <c>H1Loss</c> on a real (B, C, N₁[, N₂[, N₃]]) batch over [0, 1)^d:
    /// for each sample and channel, with e = p − t and D_a the finite-difference derivative along spatial axis a
    /// (spacing 1/N_a, see <c>FiniteDiff</c>), r = √(‖e‖² + Σ_a ‖D_a e‖²) / √(‖t‖² + Σ_a ‖D_a t‖²); the result is
    /// Σ r over samples and channels (reduction "sum"), or its mean over them when <paramref name="mean"/>.
    /// <paramref name="periodic"/> gives each spatial axis's boundary handling (default: all periodic, neuraloperator's
    /// default); a non-periodic axis needs at least 4 points. As <see cref="RelativeL2"/>, no ε is added to the
    /// denominator (neuraloperator 1.0); a target slice that is zero is bad input, a non-finite one gives a
    /// non-finite loss. The target takes no gradient.
    /// </summary>
    public static Variable<T> RelativeH1<T>(Variable<T> prediction, Tensor<T> target, bool mean = false, bool[]? periodic = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(prediction);
        Tensor<T> pv = prediction.Value;
        Require(pv.SameShape(target), $"prediction {pv.ShapeText} and target {target.ShapeText} differ.");
        Require(pv.Rank is >= 3 and <= 5, $"input {pv.ShapeText} needs (batch, channels, 1 to 3 spatial axes).");
        int[] size = [.. pv.Shape.Skip(2)];
        int d = size.Length, slices = pv.ExtentProduct(0, 2), points = pv.ExtentProduct(2, pv.Rank);
        bool[] axes = periodic ?? [.. Enumerable.Repeat(true, d)];
        Require(axes.Length == d, $"{axes.Length} periodicity flags for {d} spatial axes.");
        for (int a = 0; a < d; a++)
            Require(axes[a] || size[a] >= FiniteDifferences.NonPeriodicMinimum,
                $"non-periodic axis {a} has {size[a]} points; its one-sided differences need {FiniteDifferences.NonPeriodicMinimum}.");
        T[] p = pv.Data, t = target.Data;
        var errorSquares = new double[slices];
        var targetSquares = new double[slices];
        long work = (long)points * (4 + 6 * d);
        Parallelism.For(slices, work, (first, end) =>
        {
            var e = new double[points];
            var u = new double[points];
            var du = new double[points];
            for (int s = first; s < end; s++)
            {
                int offset = s * points;
                for (int j = 0; j < points; j++)
                {
                    u[j] = double.CreateTruncating(t[offset + j]);
                    e[j] = double.CreateTruncating(p[offset + j]) - u[j];
                }
                double ee = SquaredNorm(e), uu = SquaredNorm(u);
                for (int a = 0; a < d; a++)
                {
                    FiniteDifferences.Apply(e, du, size, a, axes[a]);
                    ee += SquaredNorm(du);
                    FiniteDifferences.Apply(u, du, size, a, axes[a]);
                    uu += SquaredNorm(du);
                }
                errorSquares[s] = ee;
                targetSquares[s] = uu;
            }
        });
        double total = 0;
        for (int s = 0; s < slices; s++)
        {
            Require(targetSquares[s] != 0, $"target sample {s / pv.Extent(1)}, channel {s % pv.Extent(1)} is zero everywhere, so its relative error is undefined.");
            total += Math.Sqrt(errorSquares[s]) / Math.Sqrt(targetSquares[s]);
        }
        double factor = mean ? 1.0 / slices : 1.0;
        var y = new Tensor<T>([], [T.CreateTruncating(total * factor)]);
        return Tape<T>.Result(y, [prediction], o =>
        {
            double seed = double.CreateTruncating(o.Gradient.Data[0]) * factor;
            T[] g = prediction.Gradient.Data;
            Parallelism.For(slices, work, (first, end) =>
            {
                var e = new double[points];
                var de = new double[points];
                var sum = new double[points];
                for (int s = first; s < end; s++)
                {
                    if (errorSquares[s] == 0)
                        continue; // the norm's gradient at zero: take the subgradient 0
                    int offset = s * points;
                    for (int j = 0; j < points; j++)
                        e[j] = double.CreateTruncating(p[offset + j]) - double.CreateTruncating(t[offset + j]);
                    e.CopyTo(sum, 0);
                    for (int a = 0; a < d; a++)
                    {
                        FiniteDifferences.Apply(e, de, size, a, axes[a]);
                        FiniteDifferences.AddTranspose(de, sum, size, a, axes[a]);
                    }
                    double c = seed / (Math.Sqrt(errorSquares[s]) * Math.Sqrt(targetSquares[s]));
                    for (int j = 0; j < points; j++)
                        g[offset + j] += T.CreateTruncating(c * sum[j]);
                }
            });
        });
    }

    private static double SquaredNorm(ReadOnlySpan<double> x)
    {
        double sum = 0;
        foreach (double v in x)
            sum += v * v;
        return sum;
    }
}
