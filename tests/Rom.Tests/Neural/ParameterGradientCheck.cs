namespace Rom.Tests.Neural;

/// <summary>
/// Central finite differences against the tape's gradient for the parameters of a model, in double: up to
/// <c>maxEntries</c> real scalars spread evenly over all parameters taken together are perturbed one at a time.
/// </summary>
internal static class ParameterGradientCheck
{
    /// <summary>
    /// The relative error ‖g_fd − g‖ / ‖g‖ over the sampled scalars, where <paramref name="loss"/> computes a real scalar,
    /// recorded on the tape it is given, or as a constant for null.
    /// </summary>
    public static double RelativeError(IReadOnlyList<Parameter<double>> parameters, Func<Tape<double>?, Variable<double>> loss,
        int maxEntries = 200, double h = 1e-6)
    {
        foreach (Parameter<double> p in parameters)
            p.ZeroGradient();
        var tape = new Tape<double>();
        tape.Backward(loss(tape));
        int total = parameters.Sum(p => p.ScalarCount), stride = Math.Max(1, (total + maxEntries - 1) / maxEntries);
        double num = 0, den = 0;
        int sampled = 0;
        for (int flat = 0; flat < total; flat += stride)
        {
            (Parameter<double> p, int i) = Locate(parameters, flat);
            double[] data = p.Value.Data;
            double saved = data[i];
            data[i] = saved + h;
            double plus = loss(null).Value.Data[0];
            data[i] = saved - h;
            double minus = loss(null).Value.Data[0];
            data[i] = saved;
            double fd = (plus - minus) / (2 * h), analytic = p.Gradient.Data[i];
            num += (fd - analytic) * (fd - analytic);
            den += analytic * analytic;
            sampled++;
        }
        Assert.That(den, Is.GreaterThan(0), "the gradient is zero at every sampled scalar: the check would be vacuous");
        Assert.That(sampled, Is.LessThanOrEqualTo(maxEntries));
        return Math.Sqrt(num / den);
    }

    /// <summary>Σ r ⊙ y for a fixed random r, y complex through its real view: a scalar in which every entry of y takes part.</summary>
    public static Variable<double> Probe(Variable<double> y, int seed = 12345)
    {
        Variable<double> real = y.Value.IsComplex ? Ops.AsReal(y) : y;
        return Ops.Sum(Ops.Multiply(real, Tape<double>.Constant(Tensors.GradientCheck.Random([.. real.Value.Shape], seed))));
    }

    private static (Parameter<double> Parameter, int Index) Locate(IReadOnlyList<Parameter<double>> parameters, int flat)
    {
        foreach (Parameter<double> p in parameters)
        {
            if (flat < p.ScalarCount)
                return (p, flat);
            flat -= p.ScalarCount;
        }
        throw new ArgumentOutOfRangeException(nameof(flat));
    }
}
