using System.Diagnostics;
using Rom.Neural;
using Rom.Neural.Models;
using Rom.SpectralSolvers;
using Rom.Tensors;

namespace Rom.Bench.Nsm;

/// <summary>
/// Neural spectral methods against their baselines on the periodic Poisson problem, in one run (the comparison of Du,
/// Chalapathi &amp; Krishnapriyan, ICLR 2024, table 1): the NSM network trained on the spectral residual loss (exact L2
/// norm, and the reference code's sum of squared coefficients), an FNO of the same width and depth trained on the
/// PINN loss (finite-difference residual) on each grid, the same FNO trained on FFT solutions (supervised), and the FFT
/// solver itself. Every method sees the same sources (one seeded stream) and the same test sources.
/// </summary>
public static class NsmBenchmark
{
    /// <summary>Runs every method; <paramref name="log"/> gets a line per evaluation.</summary>
    public static IReadOnlyList<NsmBenchRow> Run(NsmBenchOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problem = new PoissonSourceProblem(options.Modes);
        var training = new SpectralTrainingOptions
        {
            Steps = options.Steps, BatchSize = options.BatchSize, LearningRate = options.LearningRate, Decay = options.Decay,
            TestSamples = options.TestSamples, EvaluateEvery = Math.Max(1, options.Steps / 5),
        };
        var (test, references) = SpectralTrainer.TestSet(problem, training);
        var rows = new List<NsmBenchRow>();
        if (options.Runs("nsm"))
            rows.Add(Nsm(problem, training with { ExactNorm = true }, options, test, references, "nsm", log));
        if (options.Runs("nsm-sum-of-squares"))
            rows.Add(Nsm(problem, training with { ExactNorm = false }, options, test, references, "nsm-sum-of-squares", log));
        if (options.Runs("pinn"))
            foreach (int grid in options.Grids)
                rows.Add(GridFno(problem, training, options, test, references, grid, supervised: false, log));
        if (options.Runs("supervised"))
            rows.Add(GridFno(problem, training, options, test, references, options.SupervisedGrid, supervised: true, log));
        if (options.Runs("fft"))
            rows.Add(Solver(problem, test));
        return rows;
    }

    private static NsmBenchRow Nsm(PoissonSourceProblem problem, SpectralTrainingOptions training, NsmBenchOptions options,
        Tensor<float> test, double[][] references, string method, Action<string>? log)
    {
        var model = new Nsm<float>(new NsmOptions { Modes = [options.Modes, options.Modes], Width = options.Width, Depth = options.Depth });
        var records = SpectralTrainer.Train(model, problem, training, r => log?.Invoke(Line(method, r)));
        double inference = PerInstance(() => SpectralTrainer.Predict(model, problem, test, null), test.Extent(0));
        var byResolution = options.EvaluationResolutions.ToDictionary(g => g,
            g => PerInstance(() => PoissonGridLosses.Values(SpectralTrainer.Predict(model, problem, test, null).Value, g), test.Extent(0)));
        return new NsmBenchRow(problem.Name, method, records[^1].TestRelativeL2, records[^1].Seconds, inference, model.ScalarCount(), options.Steps, byResolution,
            $"NSM width {options.Width}, depth {options.Depth}, {options.Modes}² real Fourier slots, spectral residual loss "
            + (training.ExactNorm ? "(exact L2 norm)" : "(sum of squared coefficients, as the reference code)")
            + "; error in L2 from coefficients");
    }

    private static NsmBenchRow GridFno(PoissonSourceProblem problem, SpectralTrainingOptions training, NsmBenchOptions options,
        Tensor<float> test, double[][] references, int grid, bool supervised, Action<string>? log)
    {
        string method = $"{(supervised ? "supervised" : "pinn")}-{grid}";
        int modes = Math.Min(options.Modes, grid / 2);
        var model = new Fno<float>(new FnoOptions { HiddenChannels = options.Width, Layers = options.Depth, Modes = [modes, modes] });
        Variable<float> Predict(Tensor<float> sources, Tape<float>? tape) =>
            PoissonGridLosses.PinOrigin(model.Forward(Tape<float>.Constant(PoissonGridLosses.Values(sources, grid)), tape), 1e-3);
        // The test set in chunks of a training batch: 100 samples of a width-32 network on a 256² grid would hold 800 MB per activation.
        var chunks = Chunks(test, training.BatchSize);
        var targets = chunks.Select((c, i) => Values(references[(i * training.BatchSize)..(i * training.BatchSize + c.Extent(0))], options.Modes, grid)).ToArray();
        double TestError()
        {
            double total = 0;
            for (int i = 0; i < chunks.Length; i++)
            {
                using var scope = TensorScope.Begin();
                total += MeanRelativeL2(Predict(chunks[i], null).Value, targets[i]) * chunks[i].Extent(0);
            }
            return total / test.Extent(0);
        }
        var records = SpectralTrainer.Train(model.Parameters, (random, tape) =>
        {
            var sources = problem.SampleParameters(training.BatchSize, random);
            var u = Predict(sources, tape);
            if (!supervised)
                return Ops.Scale(PoissonGridLosses.FiniteDifferenceResidualLoss(u, PoissonGridLosses.Values(sources, grid)), 1f / training.BatchSize);
            int perSample = sources.Count / training.BatchSize;
            var solutions = Enumerable.Range(0, training.BatchSize).Select(b => problem.Solve(sources.Data.AsSpan(b * perSample, perSample))).ToArray();
            return Ops.RelativeL2(u, Values(solutions, options.Modes, grid), mean: true);
        }, TestError, training, r => log?.Invoke(Line(method, r)));
        double inference = PerInstance(() => Predict(chunks[0], null), chunks[0].Extent(0));
        string loss = supervised ? "relative L2 against FFT solutions on the grid (solver data)" : "PINN loss: periodic five-point residual, mean square over the grid";
        return new NsmBenchRow(problem.Name, method, records[^1].TestRelativeL2, records[^1].Seconds, inference, model.ScalarCount(), options.Steps, null,
            $"FNO width {options.Width}, {options.Depth} layers, {modes} modes, on the {grid}² grid; {loss}; error on the grid");
    }

    private static NsmBenchRow Solver(PoissonSourceProblem problem, Tensor<float> test)
    {
        int count = test.Extent(0), perSample = test.Count / count;
        double seconds = PerInstance(() =>
        {
            for (int b = 0; b < count; b++)
                problem.Solve(test.Data.AsSpan(b * perSample, perSample));
            return 0;
        }, count);
        return new NsmBenchRow(problem.Name, "fft", 0, null, seconds, null, 0, null,
            "the FFT solution: exact for these band-limited sources, and the reference every error is measured against");
    }

    /// <summary>The samples of <paramref name="t"/> in consecutive chunks of at most <paramref name="size"/>.</summary>
    private static Tensor<float>[] Chunks(Tensor<float> t, int size)
    {
        int count = t.Extent(0), per = t.Count / count;
        return [.. Enumerable.Range(0, (count + size - 1) / size).Select(i =>
        {
            int first = i * size, n = Math.Min(size, count - first);
            return new Tensor<float>([n, .. t.Shape.Skip(1)], t.Data.AsSpan(first * per, n * per).ToArray());
        })];
    }

    /// <summary>Grid values (B, 1, G, G) of coefficient arrays.</summary>
    private static Tensor<float> Values(double[][] coefficients, int modes, int grid)
    {
        var c = new Tensor<float>([coefficients.Length, 1, modes, modes], [.. coefficients.SelectMany(r => r.Select(v => (float)v))]);
        return PoissonGridLosses.Values(c, grid);
    }

    private static double MeanRelativeL2(Tensor<float> prediction, Tensor<float> target)
    {
        int batch = target.Extent(0), size = target.Count / batch;
        double total = 0;
        for (int b = 0; b < batch; b++)
        {
            double d = 0, t = 0;
            for (int i = b * size; i < (b + 1) * size; i++)
            {
                d += (prediction.Data[i] - target.Data[i]) * (double)(prediction.Data[i] - target.Data[i]);
                t += target.Data[i] * (double)target.Data[i];
            }
            total += Math.Sqrt(d / t);
        }
        return total / batch;
    }

    /// <summary>The median over three timed calls (after one warm-up) divided by the instances per call.</summary>
    private static double PerInstance<TResult>(Func<TResult> call, int instances)
    {
        var times = new double[3];
        using (TensorScope.Begin())
            call();
        for (int i = 0; i < times.Length; i++)
        {
            using var scope = TensorScope.Begin();
            var clock = Stopwatch.StartNew();
            call();
            times[i] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return times[1] / instances;
    }

    private static string Line(string method, SpectralTrainingRecord r) =>
        $"[{method}] step {r.Step}  loss {r.Loss:G4}  test relative L2 {r.TestRelativeL2:P3}  {r.Seconds:F1} s";
}
