using System.Numerics;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>A change of basis on every spatial axis of a batch-first (B, C, n₁, …) tensor: matrix a along axis 2 + a.</summary>
internal static class SpatialAxes
{
    /// <summary>x with <paramref name="matrices"/>[a] applied along spatial axis a (<see cref="Ops.AxisLinear{T}"/>, differentiable).</summary>
    public static Variable<T> Apply<T>(Variable<T> x, IReadOnlyList<double[,]> matrices) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int a = 0; a < matrices.Count; a++)
            x = Ops.AxisLinear(x, matrices[a], 2 + a);
        return x;
    }

    /// <summary>
    /// Real Fourier coefficients (B, 1, m…) of fields (B, n…) on equispaced periodic grids: analysis on n points, then the
    /// slots resized to m; with <paramref name="removeMean"/> each field's mean is removed first.
    /// </summary>
    /// <exception cref="ArgumentException">Another number of spatial axes than <paramref name="modes"/>, fewer than 2 points, or a non-finite value.</exception>
    public static Tensor<double> FourierCoefficients(Tensor<double> fields, int[] modes, bool removeMean)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Rank != modes.Length + 1 || fields.Shape.Skip(1).Any(n => n < 2))
            throw new ArgumentException($"fields {fields.ShapeText} must be (samples, {string.Join(", ", modes.Select(_ => "n"))}) with n ≥ 2.", nameof(fields));
        int batch = fields.Extent(0), size = fields.Count / Math.Max(batch, 1);
        var values = new Tensor<double>([batch, 1, .. fields.Shape.Skip(1)], (double[])fields.Data.Clone());
        for (int b = 0; b < batch; b++)
        {
            var field = values.Data.AsSpan(b * size, size);
            for (int i = 0; i < size; i++)
                if (!double.IsFinite(field[i]))
                    throw new ArgumentException($"sample {b}, point {i} is {field[i]}; parameter fields must be finite.", nameof(fields));
            if (removeMean)
            {
                double mean = 0;
                foreach (double v in field) mean += v / size;
                foreach (ref double v in field) v -= mean;
            }
        }
        double[][,] toModes = [.. fields.Shape.Skip(1).Select((n, a) => Matrices.Product(RealFourierBasis.Resize(n, modes[a]), RealFourierBasis.Analysis(n)))];
        return Apply(Tape<double>.Constant(values), toModes).Value;
    }
}
