using Rom.SpectralSolvers;
using Rom.Tensors;
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
    [Test]
    public void GradientOfTheLossThroughTheWholeNetwork_MatchesFiniteDifferences()
    {
        var model = new Nsm<double>(new NsmOptions { Modes = [5, 6], Width = 3, Depth = 2, OutputScale = 1, Seed = 2 });
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
    public void Output_VanishesAtTheOrigin()
    {
        var model = new Nsm<double>(new NsmOptions { Modes = [7, 8], Width = 4, Depth = 1, Seed = 5 });
        var u = model.Forward(Tape<double>.Constant(GradientCheck.Random([3, 1, 7, 8], 6)), null).Value;
        var poisson = new PeriodicPoisson(7, 8);
        for (int b = 0; b < 3; b++)
            Assert.That(poisson.ValueAtOrigin(u.Data.AsSpan(b * 56, 56)), Is.EqualTo(0).Within(1e-15));
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
}
