using System.Numerics;

namespace Rom.Spectral.Chebyshev;

/// <summary>
/// Values ↔ coefficients on a tensor-product grid whose axes are Fourier or Chebyshev (<see cref="SpectralAxis"/>),
/// one axis at a time (the bases are separable): f(x) = Σ_k c_k Π_axes φ_{k_axis}(x_axis) with
/// φ_k = exp(2πi k (x − Start) / L) along a Fourier axis (k in FFT order: 0, 1, …, −1) and T_k mapped to [a, b]
/// along a Chebyshev axis. Arrays are row-major over the axes, the last fastest. Coefficients are complex because
/// of the Fourier axes; a real f has Hermitian-symmetric ones. Derivatives are taken in coefficient space.
/// </summary>
public sealed class TensorSpectralTransform
{
    private readonly SpectralAxis[] axes;
    private readonly int[] shape;
    private readonly object?[] plans;

    /// <summary>Plans the transform of one array on the grid of <paramref name="axes"/> (1 to 3 of them, or more).</summary>
    public TensorSpectralTransform(IReadOnlyList<SpectralAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Count == 0)
            throw new ArgumentException("axes is empty; a grid needs at least one axis.", nameof(axes));
        for (int i = 0; i < axes.Count; i++)
        {
            var axis = axes[i];
            int least = axis.Basis == SpectralBasis.Chebyshev ? 2 : 1;
            if (axis.PointCount < least)
                throw new ArgumentException($"axes[{i}] has {axis.PointCount} points; a {axis.Basis} axis needs at least {least}.", nameof(axes));
            if (!(axis.End > axis.Start) || !double.IsFinite(axis.End - axis.Start))
                throw new ArgumentException($"axes[{i}] runs from {axis.Start} to {axis.End}; the end must be finite and greater than the start.", nameof(axes));
        }
        this.axes = axes.ToArray();
        shape = this.axes.Select(a => a.PointCount).ToArray();
        Length = shape.Aggregate(1, (p, n) => checked(p * n));
        plans = new object?[shape.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            int lines = Length / shape[i];
            // Chebyshev axes transform the real and imaginary parts of every line as two real lines.
            plans[i] = axes[i].Basis == SpectralBasis.Fourier ? new FftPlan([shape[i]], lines) : new ChebyshevTransform(shape[i], 2 * lines);
        }
    }

    /// <summary>The axes, outermost first.</summary>
    public IReadOnlyList<SpectralAxis> Axes => axes;

    /// <summary>Points per axis.</summary>
    public IReadOnlyList<int> Shape => shape;

    /// <summary>Points (and coefficients) in all: the product of <see cref="Shape"/>.</summary>
    public int Length { get; }

    /// <summary>Coefficients of the values f(x_j) on the grid.</summary>
    public void Forward(ReadOnlySpan<double> values, Span<Complex> coefficients)
    {
        CheckLength(values.Length, nameof(values));
        CheckLength(coefficients.Length, nameof(coefficients));
        for (int i = 0; i < Length; i++)
            coefficients[i] = values[i];
        for (int axis = 0; axis < shape.Length; axis++)
            AlongAxis(coefficients, axis, forward: true);
    }

    /// <summary>Values on the grid of the series with <paramref name="coefficients"/>, keeping the real part.</summary>
    public void Inverse(ReadOnlySpan<Complex> coefficients, Span<double> values)
    {
        CheckLength(coefficients.Length, nameof(coefficients));
        CheckLength(values.Length, nameof(values));
        var work = coefficients.ToArray();
        for (int axis = 0; axis < shape.Length; axis++)
            AlongAxis(work, axis, forward: false);
        for (int i = 0; i < Length; i++)
            values[i] = work[i].Real;
    }

    /// <summary>
    /// The coefficients of ∂f/∂x_axis: along a Fourier axis c_k · 2πi k / L (the Nyquist mode of an even n dropped,
    /// as its derivative is not real), along a Chebyshev axis the recurrence of <see cref="ChebyshevSeries.Differentiate"/>
    /// times 2 / (b − a).
    /// </summary>
    public void Differentiate(ReadOnlySpan<Complex> coefficients, int axis, Span<Complex> derivative)
    {
        CheckLength(coefficients.Length, nameof(coefficients));
        CheckLength(derivative.Length, nameof(derivative));
        if (axis < 0 || axis >= shape.Length)
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"The grid has axes 0 … {shape.Length - 1}.");
        var spec = axes[axis];
        int n = shape[axis], lines = Length / n;
        var gathered = new Complex[Length];
        AxisLines.Gather(coefficients, shape, axis, gathered);
        if (spec.Basis == SpectralBasis.Fourier)
        {
            double factor = 2 * Math.PI / (spec.End - spec.Start);
            for (int line = 0; line < lines; line++)
                for (int k = 0; k < n; k++)
                {
                    int wave = k <= (n - 1) / 2 ? k : k - n; // FFT order; for even n, k = n/2 is the Nyquist mode
                    ref var c = ref gathered[line * n + k];
                    c = 2 * k == n ? Complex.Zero : c * new Complex(0, factor * wave);
                }
        }
        else
        {
            double scale = 2 / (spec.End - spec.Start);
            double[] parts = SplitParts(gathered, n, lines), result = new double[parts.Length];
            for (int line = 0; line < 2 * lines; line++)
                ChebyshevSeries.Differentiate(parts.AsSpan(line * n, n), result.AsSpan(line * n, n), scale);
            JoinParts(result, n, lines, gathered);
        }
        AxisLines.Scatter<Complex>(gathered, shape, axis, derivative);
    }

    /// <summary>Transforms every line along <paramref name="axis"/> in place, forward or inverse.</summary>
    private void AlongAxis(Span<Complex> data, int axis, bool forward)
    {
        int n = shape[axis], lines = Length / n;
        var gathered = new Complex[Length];
        AxisLines.Gather<Complex>(data, shape, axis, gathered);
        if (plans[axis] is FftPlan fft)
        {
            // Normalisation "forward": the coefficients are those of the Fourier series, the inverse sums it.
            var result = new Complex[Length];
            if (forward)
                fft.Forward(gathered, result, FftNormalization.Forward);
            else
                fft.Inverse(gathered, result, FftNormalization.Forward);
            gathered = result;
        }
        else
        {
            var chebyshev = (ChebyshevTransform)plans[axis]!;
            double[] parts = SplitParts(gathered, n, lines), result = new double[parts.Length];
            if (forward)
                chebyshev.ValuesToCoefficients(parts, result);
            else
                chebyshev.CoefficientsToValues(parts, result);
            JoinParts(result, n, lines, gathered);
        }
        AxisLines.Scatter<Complex>(gathered, shape, axis, data);
    }

    /// <summary>Lines of complex numbers as real lines: the real part of line l at 2l, the imaginary part at 2l + 1.</summary>
    private static double[] SplitParts(Complex[] lines, int n, int count)
    {
        double[] parts = new double[2 * n * count];
        for (int l = 0; l < count; l++)
            for (int i = 0; i < n; i++)
            {
                parts[2 * l * n + i] = lines[l * n + i].Real;
                parts[(2 * l + 1) * n + i] = lines[l * n + i].Imaginary;
            }
        return parts;
    }

    /// <summary>The inverse of <see cref="SplitParts"/>.</summary>
    private static void JoinParts(double[] parts, int n, int count, Complex[] lines)
    {
        for (int l = 0; l < count; l++)
            for (int i = 0; i < n; i++)
                lines[l * n + i] = new Complex(parts[2 * l * n + i], parts[(2 * l + 1) * n + i]);
    }

    private void CheckLength(int length, string name)
    {
        if (length != Length)
            throw new ArgumentException($"{name} holds {length} values, expected the grid's {Length} ({string.Join(" × ", shape)}).", name);
    }
}
