using System.Reflection;
using Rom.Neural.Models;
using Rom.Neural.Training;
using Rom.Tensors;

namespace Rom.Bench.Neural;

/// <summary>
/// Rom's side of one configuration, in the calling process: <see cref="Fno{T}"/> in float with <see cref="Adam{T}"/>
/// (learning rate 10⁻³), timed as <c>torch_fno.py bench</c> times PyTorch. Meant to run in a fresh child process per
/// configuration (<c>rom bench neural</c> re-invokes itself), so the peak resident memory it reads
/// (<see cref="Process.PeakWorkingSet64"/>, Linux's VmHWM, the same figure as PyTorch's ru_maxrss) is that
/// configuration's.
/// </summary>
public static class RomFnoTiming
{
    /// <summary>
    /// Caps the tensor core at <paramref name="threads"/> (<see cref="TensorThreads.MaxThreads"/>), builds the model, a
    /// random input and target, and returns the median of <paramref name="repeats"/> inference calls, then of as many
    /// training steps, each after at least <paramref name="warmup"/> untimed calls and <paramref name="warmupSeconds"/>.
    /// </summary>
    public static NeuralTiming Measure(NeuralBenchCase config, int threads, int warmup, double warmupSeconds, int repeats)
    {
        long baseline = PeakRss();
        TensorThreads.MaxThreads = threads;
        var model = new Fno<float>(new FnoOptions { HiddenChannels = config.Width, Modes = config.Modes, Layers = config.Layers });
        var optimizer = new Adam<float>(model.Parameters, learningRate: 1e-3);
        var random = new Random(0);
        int[] shape = [config.Batch, 1, .. config.Size];
        Tensor<float> x = Normal(shape, random), target = Normal(shape, random);

        // As Rom's trainer and predictor run them: each call's tensors recycled through a TensorScope.
        double inference = StepTimer.Median(() =>
        {
            using var scope = TensorScope.Begin();
            model.Forward(Tape<float>.Constant(x), null);
        }, warmup, warmupSeconds, repeats);
        long inferencePeak = PeakRss();
        double training = StepTimer.Median(() =>
        {
            optimizer.ZeroGradients();
            using (TensorScope.Begin())
            {
                var tape = new Tape<float>();
                Variable<float> loss = Ops.RelativeL2(model.Forward(Tape<float>.Constant(x), tape), target);
                tape.Backward(loss);
            }
            optimizer.Step();
        }, warmup, warmupSeconds, repeats);
        return new NeuralTiming(Version(), TensorThreads.Count, model.Parameters.Sum(p => (long)p.Value.Data.Length),
            inference, training, baseline, inferencePeak, PeakRss());
    }

    /// <summary>"Rom" and the informational version of the Rom assembly.</summary>
    public static string Version()
    {
        string? version = typeof(Fno<>).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return $"Rom {version?.Split('+')[0] ?? "?"}";
    }

    private static long PeakRss()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    // Standard normal samples (Box–Muller), as torch.randn draws: the values do not matter for the timing.
    private static Tensor<float> Normal(int[] shape, Random random)
    {
        var t = Tensor<float>.Zeros(shape);
        for (int i = 0; i < t.Data.Length; i++)
            t.Data[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        return t;
    }
}
