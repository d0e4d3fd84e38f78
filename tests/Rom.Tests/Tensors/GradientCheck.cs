namespace Rom.Tests.Tensors;

/// <summary>
/// Central finite differences against the tape's gradient, in double. A non-scalar output is reduced to the scalar
/// Σ r ⊙ output with a fixed random r, so every output entry takes part.
/// </summary>
internal static class GradientCheck
{
    /// <summary>Random normal entries (Box–Muller), seeded.</summary>
    public static Tensor<double> Random(int[] shape, int seed, bool complex = false, double scale = 1)
    {
        var t = Tensor<double>.Zeros(shape, complex);
        var random = new System.Random(seed);
        for (int i = 0; i < t.Data.Length; i++)
            t.Data[i] = scale * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return t;
    }

    /// <summary>The scalar Σ r ⊙ f(inputs) for a fixed random r (complex outputs through their real view).</summary>
    private static Variable<double> Scalar(Variable<double> output, int seed)
    {
        Variable<double> real = output.Value.IsComplex ? Ops.AsReal(output) : output;
        if (real.Value.Count == 1)
            return Ops.Reshape(real);
        var weights = Tape<double>.Constant(Random([.. real.Value.Shape], seed));
        return Ops.Sum(Ops.Multiply(real, weights));
    }

    /// <summary>
    /// The relative error ‖g_fd − g‖ / ‖g‖ over every entry of every input (or up to <paramref name="maxEntries"/>
    /// entries per input, spread evenly).
    /// </summary>
    public static double RelativeError(Func<Variable<double>[], Variable<double>> f, Tensor<double>[] inputs, int maxEntries = 400, double h = 1e-6)
    {
        var tape = new Tape<double>();
        Variable<double>[] tracked = [.. inputs.Select(tape.Track)];
        tape.Backward(Scalar(f(tracked), 12345));
        double num = 0, den = 0;
        for (int k = 0; k < inputs.Length; k++)
        {
            double[] data = inputs[k].Data, analytic = tracked[k].Gradient.Data;
            int stride = Math.Max(1, data.Length / maxEntries);
            for (int i = 0; i < data.Length; i += stride)
            {
                double saved = data[i];
                data[i] = saved + h;
                double plus = Evaluate(f, inputs);
                data[i] = saved - h;
                double minus = Evaluate(f, inputs);
                data[i] = saved;
                double fd = (plus - minus) / (2 * h);
                num += (fd - analytic[i]) * (fd - analytic[i]);
                den += analytic[i] * analytic[i];
            }
        }
        Assert.That(den, Is.GreaterThan(0), "the gradient is zero everywhere: the check would be vacuous");
        return Math.Sqrt(num / den);
    }

    private static double Evaluate(Func<Variable<double>[], Variable<double>> f, Tensor<double>[] inputs)
    {
        Variable<double>[] constants = [.. inputs.Select(Tape<double>.Constant)];
        return Scalar(f(constants), 12345).Value.Data[0];
    }
}
