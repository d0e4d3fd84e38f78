using Rom.Neural.Training;

namespace Rom.Tests.Neural.Training;

/// <summary>Adam and AdamW against torch's update formulas worked step by step, and their state round trip.</summary>
public class OptimizerTests
{
    private static readonly double[] Initial = [0.5, -1.25, 2.0];

    /// <summary>Gradients of three steps (given, not computed from a loss).</summary>
    private static readonly double[][] Gradients = [[0.1, -0.2, 0.3], [-0.4, 0.05, 0.6], [0.2, 0.2, -0.7]];

    /// <summary>torch.optim.Adam / AdamW (1.13, single tensor) for one scalar, written out.</summary>
    private static double[] Expected(double lr, double wd, bool decoupled) => Expected(lr, wd, decoupled, Initial, Gradients);

    /// <summary>The same for any initial values and gradients.</summary>
    private static double[] Expected(double lr, double wd, bool decoupled, double[] initial, double[][] gradients)
    {
        int n = initial.Length;
        double[] p = (double[])initial.Clone(), m = new double[n], v = new double[n];
        const double b1 = 0.9, b2 = 0.999, eps = 1e-8;
        for (int t = 1; t <= gradients.Length; t++)
            for (int i = 0; i < n; i++)
            {
                double g = gradients[t - 1][i];
                if (decoupled)
                    p[i] *= 1 - lr * wd;
                else
                    g += wd * p[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double stepSize = lr / (1 - Math.Pow(b1, t));
                p[i] -= stepSize * m[i] / (Math.Sqrt(v[i]) / Math.Sqrt(1 - Math.Pow(b2, t)) + eps);
            }
        return p;
    }

    private static double[] Run(Func<Parameter<double>, Adam<double>> create, bool complex = false) =>
        Run(create, complex ? new Tensor<double>([1], [Initial[0], Initial[1]], isComplex: true) : new Tensor<double>([3], (double[])Initial.Clone()), Gradients);

    private static double[] Run(Func<Parameter<double>, Adam<double>> create, Tensor<double> tensor, double[][] gradients)
    {
        var parameter = new Parameter<double>("w", tensor);
        Adam<double> optimizer = create(parameter);
        foreach (double[] g in gradients)
        {
            optimizer.ZeroGradients();
            g.AsSpan(0, parameter.Gradient.Data.Length).CopyTo(parameter.Gradient.Data);
            optimizer.Step();
        }
        Assert.That(optimizer.StepCount, Is.EqualTo(gradients.Length));
        return parameter.Value.Data;
    }

    [TestCase(0.1, 0.0)]
    [TestCase(0.01, 0.5)]
    public void AdamMatchesTorchFormulas(double lr, double wd) =>
        Assert.That(Run(p => new Adam<double>([p], lr, wd)), Is.EqualTo(Expected(lr, wd, decoupled: false)).Within(1e-14));

    [TestCase(0.1, 0.0)]
    [TestCase(0.01, 0.5)]
    [TestCase(0.05, 1e-2)]
    public void AdamWMatchesTorchFormulas(double lr, double wd) =>
        Assert.That(Run(p => new AdamW<double>([p], lr, wd)), Is.EqualTo(Expected(lr, wd, decoupled: true)).Within(1e-14));

    /// <summary>
    /// A parameter long enough for the vector lanes and the scalar tail (37 entries) takes torch's update on every entry:
    /// the lanes round as the scalar formula does.
    /// </summary>
    [TestCase(0.1, 0.0, false)]
    [TestCase(0.01, 0.5, false)]
    [TestCase(0.05, 1e-2, true)]
    public void EveryLaneMatchesTorchFormulas(double lr, double wd, bool decoupled)
    {
        var random = new Random(7);
        double[] initial = [.. Enumerable.Range(0, 37).Select(_ => random.NextDouble() * 4 - 2)];
        double[][] gradients = [.. Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 37).Select(_ => random.NextDouble() - 0.5).ToArray())];
        Func<Parameter<double>, Adam<double>> create = decoupled ? p => new AdamW<double>([p], lr, wd) : p => new Adam<double>([p], lr, wd);
        Assert.That(Run(create, new Tensor<double>([37], (double[])initial.Clone()), gradients),
            Is.EqualTo(Expected(lr, wd, decoupled, initial, gradients)).Within(1e-14));
    }

    [Test]
    public void FirstAdamStepMovesEachScalarByTheLearningRate()
    {
        // m̂ = g and v̂ = g² after one step, so p₁ = p₀ − lr g / (|g| + ε).
        var parameter = new Parameter<double>("w", new Tensor<double>([2], [1.0, 1.0]));
        var adam = new Adam<double>([parameter], learningRate: 0.1);
        parameter.Gradient.Data[0] = 3;
        parameter.Gradient.Data[1] = -1e-3;
        adam.Step();
        Assert.That(parameter.Value.Data[0], Is.EqualTo(1 - 0.1 * 3 / (3 + 1e-8)).Within(1e-15));
        Assert.That(parameter.Value.Data[1], Is.EqualTo(1 + 0.1 * 1e-3 / (1e-3 + 1e-8)).Within(1e-15));
    }

    [Test]
    public void ComplexParameterIsUpdatedAsItsRealAndImaginaryParts()
    {
        double[] real = Run(p => new AdamW<double>([p], 0.05, 0.1));
        double[] complex = Run(p => new AdamW<double>([p], 0.05, 0.1), complex: true);
        Assert.That(complex, Is.EqualTo(real[..2]));
    }

    [Test]
    public void ExportedStateResumesBitForBit()
    {
        Parameter<float> Make() => new("layer.weight", new Tensor<float>([2, 2], [0.3f, -0.7f, 1.1f, 0.2f]));
        void Gradient(Parameter<float> p, int step)
        {
            for (int i = 0; i < 4; i++)
                p.Gradient.Data[i] = MathF.Sin(step + i) * 0.1f;
        }
        Parameter<float> straight = Make(), resumed = Make();
        var first = new AdamW<float>([straight], 0.01);
        for (int t = 0; t < 2; t++) { first.ZeroGradients(); Gradient(straight, t); first.Step(); }
        IReadOnlyDictionary<string, Tensor<float>> state = first.ExportState();
        Assert.That(state.Keys, Is.EquivalentTo(new[] { "step", "layer.weight.exp_avg", "layer.weight.exp_avg_sq" }));
        Assert.That(state["step"].Data[0], Is.EqualTo(2f));
        straight.Value.Data.CopyTo(resumed.Value.Data, 0);
        var second = new AdamW<float>([resumed], 0.01);
        second.ImportState(state);
        for (int t = 2; t < 4; t++)
        {
            first.ZeroGradients(); Gradient(straight, t); first.Step();
            second.ZeroGradients(); Gradient(resumed, t); second.Step();
        }
        Assert.That(resumed.Value.Data, Is.EqualTo(straight.Value.Data));
        Assert.That(second.StepCount, Is.EqualTo(4));
    }

    [Test]
    public void ImportRejectsMissingOrMisshapenState()
    {
        var p = new Parameter<double>("w", Tensor<double>.Zeros([3]));
        var adam = new Adam<double>([p]);
        var state = new Dictionary<string, Tensor<double>>(adam.ExportState());
        state["w.exp_avg"] = Tensor<double>.Zeros([4]);
        Assert.Throws<ArgumentException>(() => adam.ImportState(state));
        state.Remove("w.exp_avg");
        Assert.Throws<ArgumentException>(() => adam.ImportState(state));
    }

    [Test]
    public void ZeroGradientsClearsEveryGradient()
    {
        var p = new Parameter<double>("w", Tensor<double>.Zeros([3]));
        p.Gradient.Data[1] = 5;
        new Adam<double>([p]).ZeroGradients();
        Assert.That(p.Gradient.Data, Is.All.Zero);
    }
}
