namespace Rom.GaussianProcesses;

/// <summary>
/// A one-dimensional stationary spectral-mixture kernel κ(r) = Σ_q w_q g(r; ℓ_q) cos(2π f_q r), r = x − x′, with
/// the envelope g of <see cref="KernelFamily"/> (Fang et al., "Solving high frequency and multi-scale PDEs with
/// Gaussian processes", ICLR 2024, eqs. 5–6). Its parameters are θ = (log w₁…log w_Q, log ℓ₁…log ℓ_Q, f₁…f_Q) as in
/// the authors' code: log-weights act like a Jeffreys prior that prunes useless components, ℓ is an inverse length
/// (a rate) and f a frequency in cycles per unit length.
/// <para>
/// <see cref="Value"/> gives ∂ᵏκ/∂rᵏ = ∂ᵏκ(x − x′)/∂xᵏ, the covariance of the k-th derivative of u at x with u at x′,
/// for k ≤ <see cref="MaxOrder"/>; <see cref="AddParameterGradient"/> its derivatives with respect to θ.
/// </para>
/// <para>
/// On a grid of spacing h, cos(2π f r) and cos(2π f′ r) agree at every lag r = kh when f′ is an alias of f (f′ = ±f + m/h),
/// so K cannot tell them apart, but K″ differs by (f′/f)²: an above-Nyquist component corrupts the derivative
/// matrices D = K″K⁻¹ without changing the prior. With a fold frequency F = 1/(2h) the kernel uses each frequency's
/// alias in [0, F] (a triangle wave in f, slope ±1), the one a grid of spacing h can represent.
/// </para>
/// </summary>
public sealed class SpectralMixtureKernel
{
    /// <summary>The highest derivative order in x that <see cref="Value"/> provides: second-order PDEs.</summary>
    public const int MaxOrder = 2;

    private const double TwoPi = 2 * Math.PI;
    private static readonly double Sqrt5 = Math.Sqrt(5);
    private readonly double[] _theta;

    /// <summary>
    /// Creates a kernel of <paramref name="family"/> from θ = (log w, log ℓ, f), 3Q values with Q ≥ 1, whose frequencies
    /// fold into [0, <paramref name="foldFrequency"/>] (infinite: used as given).
    /// </summary>
    public SpectralMixtureKernel(KernelFamily family, ReadOnlySpan<double> theta, double foldFrequency = double.PositiveInfinity)
    {
        if (theta.Length == 0 || theta.Length % 3 != 0)
            throw new ArgumentException($"theta has {theta.Length} values; expected 3Q > 0 (log-weights, log-scales, frequencies).", nameof(theta));
        if (!(foldFrequency > 0))
            throw new ArgumentException($"foldFrequency = {foldFrequency}; expected a positive number (infinity: no folding).", nameof(foldFrequency));
        Family = family;
        _theta = theta.ToArray();
        FoldFrequency = foldFrequency;
    }

    /// <summary>F: frequencies act as their alias in [0, F]; infinite when they act as given.</summary>
    public double FoldFrequency { get; }

    /// <summary>The components with a nonzero weight: all but those pruned (log w = −∞, <see cref="ComponentPruning"/>).</summary>
    public int ActiveComponents => Enumerable.Range(0, Components).Count(q => double.IsFinite(_theta[q]));

    /// <summary>The frequency component <paramref name="q"/> acts with: f_q, or its alias in [0, F].</summary>
    public double Frequency(int q) => Fold(_theta[2 * Components + q]).Frequency;

    /// <summary>The envelope of every component.</summary>
    public KernelFamily Family { get; }

    /// <summary>Q, the number of components.</summary>
    public int Components => _theta.Length / 3;

    /// <summary>θ = (log w₁…log w_Q, log ℓ₁…log ℓ_Q, f₁…f_Q).</summary>
    public ReadOnlySpan<double> Parameters => _theta;

    /// <summary>
    /// The reference code's starting point: w_q = 1/Q, ℓ_q = 1 and frequencies spread evenly on [0, <paramref name="frequencyScale"/>],
    /// all shifted by <paramref name="offset"/> of their spacing (0 in the reference; restarts interleave their starts).
    /// </summary>
    public static double[] InitialParameters(int components, double frequencyScale, double offset = 0)
    {
        if (components < 1)
            throw new ArgumentException($"components = {components}; a spectral mixture needs at least one.", nameof(components));
        var theta = new double[3 * components];
        for (int q = 0; q < components; q++)
        {
            theta[q] = Math.Log(1.0 / components);
            theta[2 * components + q] = components == 1 ? frequencyScale * offset : frequencyScale * (q + offset) / (components - 1);
        }
        return theta;
    }

    /// <summary>∂ᵏκ/∂rᵏ at r for k = <paramref name="order"/> ≤ <see cref="MaxOrder"/>.</summary>
    public double Value(double r, int order)
    {
        CheckOrder(order);
        int q = Components;
        double sum = 0;
        for (int c = 0; c < q; c++)
        {
            var (g, _) = Envelope(r, _theta[q + c]);
            var (cs, _) = Cosine(r, Fold(_theta[2 * q + c]).Frequency);
            sum += Math.Exp(_theta[c]) * Combine(g, cs, order);
        }
        return sum;
    }

    /// <summary>
    /// Adds <paramref name="scale"/> · ∂/∂θ (∂ᵏκ/∂rᵏ)(r) to <paramref name="gradient"/> (3Q values, laid out as θ).
    /// </summary>
    public void AddParameterGradient(double r, int order, double scale, Span<double> gradient)
    {
        CheckOrder(order);
        int q = Components;
        if (gradient.Length != 3 * q)
            throw new ArgumentException($"gradient has {gradient.Length} values; expected 3Q = {3 * q}.", nameof(gradient));
        for (int c = 0; c < q; c++)
        {
            double w = Math.Exp(_theta[c]) * scale;
            var (g, gs) = Envelope(r, _theta[q + c]);
            var (frequency, slope) = Fold(_theta[2 * q + c]);
            var (cs, cf) = Cosine(r, frequency);
            gradient[c] += w * Combine(g, cs, order);
            gradient[q + c] += w * Combine(gs, cs, order);
            gradient[2 * q + c] += slope * w * Combine(g, cf, order);
        }
    }

    private static void CheckOrder(int order)
    {
        if (order < 0 || order > MaxOrder)
            throw new ArgumentException($"derivative order {order} is not covered: the kernel gives orders 0 to {MaxOrder}.", nameof(order));
    }

    /// <summary>f's alias in [0, F] and d(alias)/df (±1); f itself and 1 without folding.</summary>
    private (double Frequency, double Slope) Fold(double f)
    {
        if (double.IsPositiveInfinity(FoldFrequency))
            return (f, 1);
        double period = 2 * FoldFrequency, m = Math.Abs(f) % period, sign = f < 0 ? -1 : 1;
        return m <= FoldFrequency ? (m, sign) : (period - m, -sign);
    }

    /// <summary>The k-th derivative of the product g·c by Leibniz's rule, from (g, g′, g″) and (c, c′, c″).</summary>
    private static double Combine(in Triple g, in Triple c, int order) => order switch
    {
        0 => g.D0 * c.D0,
        1 => g.D1 * c.D0 + g.D0 * c.D1,
        _ => g.D2 * c.D0 + 2 * g.D1 * c.D1 + g.D0 * c.D2,
    };

    /// <summary>(g, g′, g″) in r and their derivatives with respect to s = log ℓ.</summary>
    private (Triple Value, Triple ByLogScale) Envelope(double r, double logScale)
    {
        double l = Math.Exp(logScale);
        if (Family == KernelFamily.Gaussian)
        {
            double r2 = r * r, e = Math.Exp(-l * r2);
            double g2 = (4 * l * l * r2 - 2 * l) * e;
            return (new Triple(e, -2 * l * r * e, g2),
                new Triple(-l * r2 * e, (-2 * l * r + 2 * l * l * r2 * r) * e, (8 * l * l * r2 - 2 * l) * e - l * r2 * g2));
        }
        // Matérn-5/2 in t = √5 ℓ |r|: g = (1 + t + t²/3) e^(−t), g_t = −t(1 + t)/3 e^(−t),
        // g_tt = (t² − t − 1)/3 e^(−t), g_ttt = t(3 − t)/3 e^(−t); ∂t/∂s = t and dt/dr = √5 ℓ sign(r).
        double k = Sqrt5 * l, t = k * Math.Abs(r), sign = Math.Sign(r), et = Math.Exp(-t);
        double g0 = (1 + t + t * t / 3) * et, gt = -t * (1 + t) / 3 * et, gtt = (t * t - t - 1) / 3 * et, gttt = t * (3 - t) / 3 * et;
        return (new Triple(g0, gt * k * sign, gtt * k * k),
            new Triple(gt * t, k * sign * (t * gtt + gt), k * k * (t * gttt + 2 * gtt)));
    }

    /// <summary>(c, c′, c″) of c = cos(2π f r) in r and their derivatives with respect to f.</summary>
    private static (Triple Value, Triple ByFrequency) Cosine(double r, double f)
    {
        double w = TwoPi * f, cos = Math.Cos(w * r), sin = Math.Sin(w * r);
        return (new Triple(cos, -w * sin, -w * w * cos),
            new Triple(-TwoPi * r * sin, -TwoPi * sin - TwoPi * w * r * cos, -2 * TwoPi * w * cos + TwoPi * w * w * r * sin));
    }

    private readonly record struct Triple(double D0, double D1, double D2);
}
