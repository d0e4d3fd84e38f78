using Rom.Tests.Neural;
using Rom.Tests.Tensors;

namespace Rom.Tests.SpectralSolvers;

/// <summary>
/// <see cref="Nsm{T}"/> and <see cref="SpectralTrainer"/>: the whole network's gradient (through the spectral residual
/// loss) against finite differences in double; the mollifier's u(0) = 0; a short self-supervised training on the
/// periodic Poisson problem that reaches a few percent of the FFT solution with no solution data.
/// </summary>
public class NsmTests
{
    [TestCase(false)]
    [TestCase(true)]
    public void GradientOfTheLossThroughTheWholeNetwork_MatchesFiniteDifferences(bool shiftEquivariant)
    {
        var model = new Nsm<double>(new NsmOptions { Modes = [5, 6], Width = 3, Depth = 2, OutputScale = 1, Seed = 2, ShiftEquivariant = shiftEquivariant });
        // The biases start at zero, and with the activation taken on the modes' own collocation points a point where
        // every channel is negative stays exactly zero through the next dense layer: ReLU's kink, where finite
        // differences see one side. Random biases move the check off it.
        int seed = 10;
        foreach (var bias in model.Parameters.Where(p => p.Name.EndsWith(".bias")))
            GradientCheck.Random([.. bias.Value.Shape], seed++, scale: 0.1).Data.CopyTo(bias.Value.Data, 0);
        var poisson = new PeriodicPoisson(5, 6);
        var s = GradientCheck.Random([2, 1, 5, 6], 3);
        var x = Tape<double>.Constant(GradientCheck.Random([2, 1, 5, 6], 4));
        double error = ParameterGradientCheck.RelativeError([.. model.Parameters], tape => poisson.ResidualLoss(model.Forward(x, tape), s), maxEntries: 300);
        Assert.That(error, Is.LessThan(1e-6));
    }

    [Test]
    public void PeriodicMollifier_PinsTheOrigin()
    {
        var problem = new PoissonSourceProblem(modes: 8, sourcePoints: 8);
        var model = new Nsm<float>(new NsmOptions { Modes = [8, 8], Width = 4, Depth = 1, OutputScale = 1, Seed = 5 });
        var sources = problem.SampleParameters(3, new Random(6));
        var raw = model.Forward(Tape<float>.Constant(sources), null).Value;
        var u = SpectralTrainer.Predict(model, problem, sources, null).Value;
        var poisson = new PeriodicPoisson(8, 8);
        for (int b = 0; b < 3; b++)
        {
            double[] before = [.. raw.Data.AsSpan(b * 64, 64).ToArray().Select(v => (double)v)], after = [.. u.Data.AsSpan(b * 64, 64).ToArray().Select(v => (double)v)];
            Assert.That(Math.Abs(poisson.ValueAtOrigin(before)), Is.GreaterThan(1e-5), "the raw output is not pinned");
            Assert.That(poisson.ValueAtOrigin(after), Is.EqualTo(0).Within(1e-6));
        }
    }

    [Test]
    public void ShortSelfSupervisedTraining_ApproachesTheFftSolution()
    {
        var problem = new PoissonSourceProblem(modes: 15, sourcePoints: 8);
        var model = new Nsm<float>(new NsmOptions { Modes = [15, 15], Width = 16, Depth = 2, Seed = 0 });
        var records = SpectralTrainer.Train(model, problem, new SpectralTrainingOptions { Steps = 300, LearningRate = 1e-3, Decay = 1, TestSamples = 32, EvaluateEvery = 100 },
            r => TestContext.Out.WriteLine($"step {r.Step} loss {r.Loss:G4} test {r.TestRelativeL2:P3} {r.Seconds:F1} s"));
        Assert.That(records[0].TestRelativeL2, Is.GreaterThan(records[^1].TestRelativeL2));
        Assert.That(records[^1].TestRelativeL2, Is.LessThan(0.05));
    }

    [Test]
    public void ChebyshevFourierNetwork_LearnsReactionDiffusion()
    {
        var problem = new ReactionDiffusionProblem(0.05, timeModes: 6, spaceModes: 16, initialPoints: 16);
        var model = new Nsm<float>(new NsmOptions { Modes = problem.Modes, Bases = problem.Bases, Width = 8, Depth = 2, Seed = 0 });
        var records = SpectralTrainer.Train(model, problem, new SpectralTrainingOptions { Steps = 200, LearningRate = 3e-3, Decay = 1, TestSamples = 16, EvaluateEvery = 40 },
            r => TestContext.Out.WriteLine($"step {r.Step} loss {r.Loss:G4} test {r.TestRelativeL2:P3} {r.Seconds:F1} s"));
        Assert.That(records[^1].Loss, Is.LessThan(records[0].Loss / 3), "the spectral residual loss falls");
        Assert.That(records[^1].TestRelativeL2, Is.LessThan(records[0].TestRelativeL2), "the error against ETDRK4 falls");
    }

    [Test]
    public void RecordedLoss_IsTheMeanOverTheStepsSinceThePreviousRecord()
    {
        var weight = new Parameter<float>("w", new Tensor<float>([1], [1f]));
        int calls = 0;
        Variable<float> StepLoss(Random random, Tape<float> tape) =>
            Ops.Add(Ops.Scale(weight.Use(tape), 0f), Tape<float>.Constant(new Tensor<float>([1], [++calls])));
        var records = SpectralTrainer.Train([weight], StepLoss, () => 0, new SpectralTrainingOptions { Steps = 7, EvaluateEvery = 3 });
        Assert.That(records.Select(r => (r.Step, r.Loss)), Is.EqualTo(new[] { (3, 2.0), (6, 5.0), (7, 7.0) }), "steps 1–3 lose 1, 2, 3; steps 4–6 lose 4, 5, 6; the last record holds step 7 alone");
    }

    [Test]
    public void ResumedTraining_TakesTheSameStepsAsAnUninterruptedOne()
    {
        var problem = new PoissonSourceProblem(modes: 9, sourcePoints: 8);
        var options = new SpectralTrainingOptions { Steps = 12, BatchSize = 4, TestSamples = 4, EvaluateEvery = 4 };
        Nsm<float> Model() => new(new NsmOptions { Modes = [9, 9], Width = 4, Depth = 1, Seed = 3 });
        var whole = Model();
        var states = new List<SpectralTrainingState>();
        SpectralTrainer.Train(whole, problem, options, checkpoint: states.Add);
        var resumed = Model();
        var records = SpectralTrainer.Train(resumed, problem, options, resume: states[1]);
        Assert.Multiple(() =>
        {
            Assert.That(states.Select(s => s.StepsCompleted), Is.EqualTo(new[] { 4, 8, 12 }));
            Assert.That(records.Select(r => r.Step), Is.EqualTo(new[] { 4, 8, 12 }), "the history carries on");
            foreach (var (a, b) in whole.Parameters.Zip(resumed.Parameters))
                Assert.That(b.Value.Data, Is.EqualTo(a.Value.Data), a.Name);
        });
    }
}
