using Rom.Neural;
using Rom.Neural.Layers;
using Rom.Neural.Models;
using Rom.SpectralSolvers;
using Rom.Tensors;

namespace Rom.Bench.Nsm;

/// <summary>
/// Neural spectral methods against their baselines, problem by problem, in one run (the comparison of Du, Chalapathi &amp;
/// Krishnapriyan, ICLR 2024, tables 1–2): the NSM network trained on the spectral residual loss (exact L2 norm, and the
/// reference code's sum of squared coefficients), an FNO of the same width and depth trained on the PINN loss
/// (finite-difference residual) on each grid, the same FNO trained on classical solutions (supervised), and the classical
/// solver itself with its time at NSM's accuracy. Every method sees the same parameters (one seeded stream) and the same
/// test set.
/// </summary>
public static class NsmBenchmark
{
    /// <summary>Runs every problem and method; <paramref name="log"/> gets a line per evaluation.</summary>
    public static IReadOnlyList<NsmBenchRow> Run(NsmBenchOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rows = new List<NsmBenchRow>();
        if (options.RunsProblem("poisson"))
        {
            var poisson = new PoissonSourceProblem(options.Modes);
            var timing = options.Torch && options.Runs("nsm") ? NsmStepTiming.Measure(options) : null;
            rows.AddRange(Run(poisson, new PoissonGridBaseline(poisson), options, log).Select(r => r.Method == "nsm" ? r with { StepTiming = timing } : r));
        }
        if (options.RunsProblem("reaction-diffusion"))
            foreach (double nu in options.DiffusionCoefficients)
            {
                var problem = new ReactionDiffusionProblem(nu, timeModes: options.TimeModes, spaceModes: options.SpaceModes, initialPoints: Math.Min(64, options.SpaceModes));
                var grid = new SpaceTimeGridBaseline(ReactionDiffusionProblem.EvaluationTimes, ReactionDiffusionProblem.EvaluationPoints, 1,
                    (u, g) => ReactionDiffusionGridLosses.FiniteDifferenceResidualLoss(u, problem.Diffusion, problem.Reaction),
                    "second-order finite-difference residual (central in t inside, one-sided at the ends; periodic u_xx)");
                rows.AddRange(Run(problem, grid, options, log));
            }
        if (options.RunsProblem("navier-stokes"))
        {
            var problem = new NavierStokesProblem(options.Viscosity, options.EndTime, forced: true, options.NavierStokesSlots[0], options.NavierStokesSlots[1]);
            var grid = new SpaceTimeGridBaseline(NavierStokesProblem.EvaluationTimes, NavierStokesProblem.EvaluationPoints, 2,
                (w, g) => NavierStokesGridLosses.FiniteDifferenceResidualLoss(w, problem.Viscosity, problem.EndTime, problem.ForcingValues(g)),
                "vorticity residual: second-order differences in t, central differences and the five-point Laplacian in space, velocity spectrally from the grid (as the reference code)");
            rows.AddRange(Run(problem, grid, options, log));
        }
        return rows;
    }

    private static List<NsmBenchRow> Run(ISpectralProblem problem, IGridBaseline grid, NsmBenchOptions options, Action<string>? log)
    {
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
        if (options.Runs("nsm-equivariant"))
            rows.Add(Nsm(problem, training with { ExactNorm = true }, options, test, references, "nsm-equivariant", log, shiftEquivariant: true));
        if (options.Runs("pinn"))
            foreach (int g in options.Grids.Where(g => Fits(grid, g)))
                rows.Add(GridFno(problem, grid, training, options, test, references, g, supervised: false, log));
        if (options.Runs("supervised") && Fits(grid, options.SupervisedGrid))
            rows.Add(GridFno(problem, grid, training, options, test, references, options.SupervisedGrid, supervised: true, log));
        if (options.Runs("solver"))
            rows.Add(problem is IRefinableProblem refinable
                ? ClassicalAtEqualAccuracy(refinable, test, references, rows.FirstOrDefault(r => r.Method == "nsm")?.TestRelativeL2)
                : Fft(problem, test));
        return rows;
    }

    private static bool Fits(IGridBaseline grid, int g)
    {
        try
        {
            grid.Shape(g);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static NsmBenchRow Nsm(ISpectralProblem problem, SpectralTrainingOptions training, NsmBenchOptions options,
        Tensor<float> test, double[][] references, string method, Action<string>? log, bool shiftEquivariant = false)
    {
        var model = new Nsm<float>(new NsmOptions
        {
            Modes = problem.Modes, Bases = problem.Bases, Width = options.Width, Depth = options.Depth, OutputScale = options.OutputScale, ShiftEquivariant = shiftEquivariant,
        });
        var records = SpectralTrainer.Train(model, problem, training, r => log?.Invoke(Line(problem, method, r)));
        double inference = PerInstance(() => SpectralTrainer.Predict(model, problem, test, null), test.Extent(0));
        var byResolution = options.EvaluationResolutions.ToDictionary(g => g,
            g => PerInstance(() => problem.Values(SpectralTrainer.Predict(model, problem, test, null).Value, g), test.Extent(0)));
        string bases = string.Join(" × ", problem.Modes.Zip(problem.Bases, (n, b) => $"{n} {b}"));
        return new NsmBenchRow(problem.Name, method, records[^1].TestRelativeL2, records[^1].Seconds, inference, model.ScalarCount(), options.Steps, byResolution,
            $"NSM width {options.Width}, depth {options.Depth}, {bases} slots, "
            + (shiftEquivariant ? "shift-equivariant spectral layers (a channel matrix per wave, shared by its cosine and sine), " : "")
            + "spectral residual loss "
            + (training.ExactNorm ? "(exact L2 norm)" : "(sum of squared coefficients, as the reference code)")
            + (problem is PoissonSourceProblem ? "; error in L2 from coefficients" : "; error on the evaluation grid"));
    }

    private static NsmBenchRow GridFno(ISpectralProblem problem, IGridBaseline grid, SpectralTrainingOptions training, NsmBenchOptions options,
        Tensor<float> test, double[][] references, int g, bool supervised, Action<string>? log)
    {
        string activation = options.FnoNonLinearity == Activations.Gelu ? "" : "-" + options.FnoNonLinearity;
        string method = $"{(supervised ? "supervised" : "pinn")}-{g}{activation}";
        int[] shape = grid.Shape(g);
        int[] modes = [.. problem.Modes.Zip(shape, (m, n) => Math.Min(m, n / 2))];
        var model = new Fno<float>(new FnoOptions { HiddenChannels = options.Width, Layers = options.Depth, Modes = modes, NonLinearity = options.FnoNonLinearity });
        Variable<float> Predict(Tensor<float> inputs, Tape<float>? tape) => grid.Constrain(model.Forward(Tape<float>.Constant(inputs), tape), inputs, options.OutputScale);
        // The test set in chunks of a training batch: 100 samples of a width-32 network on a 256² grid would hold 800 MB per activation.
        var chunks = Chunks(test, training.BatchSize).Select(c => grid.Inputs(c, g)).ToArray();
        var targets = chunks.Select((c, i) => grid.Targets(references[(i * training.BatchSize)..(i * training.BatchSize + c.Extent(0))], g)).ToArray();
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
            var parameters = problem.SampleParameters(training.BatchSize, random);
            var inputs = grid.Inputs(parameters, g);
            var u = Predict(inputs, tape);
            if (!supervised)
                return Ops.Scale(grid.PinnLoss(u, inputs), 1f / training.BatchSize);
            int perSample = parameters.Count / training.BatchSize;
            var solutions = new double[training.BatchSize][];
            Parallel.For(0, training.BatchSize, b => solutions[b] = problem.Solve(parameters.Data.AsSpan(b * perSample, perSample)));
            return Ops.RelativeL2(u, grid.Targets(solutions, g), mean: true);
        }, TestError, training, r => log?.Invoke(Line(problem, method, r)));
        double inference = PerInstance(() => Predict(chunks[0], null), chunks[0].Extent(0));
        string loss = supervised ? "relative L2 against classical solutions on the grid (solver data)" : $"PINN loss: {grid.PinnDescription}, mean square over the grid"
            + (grid.PinnFloor(test, references, g) is { } floor ? $" (its exact minimiser, the finite-difference solution, is {floor:P3} from the true solution: no PINN-loss training goes below that)" : "");
        return new NsmBenchRow(problem.Name, method, records[^1].TestRelativeL2, records[^1].Seconds, inference, model.ScalarCount(), options.Steps, null,
            $"FNO width {options.Width}, {options.Depth} layers, {options.FnoNonLinearity}, {string.Join(" × ", modes)} modes, on the {string.Join(" × ", shape)} grid; {loss}; error on the grid");
    }

    private static NsmBenchRow Fft(ISpectralProblem problem, Tensor<float> test)
    {
        int count = test.Extent(0), perSample = test.Count / count;
        double seconds = PerInstance(() =>
        {
            for (int b = 0; b < count; b++)
                problem.Solve(test.Data.AsSpan(b * perSample, perSample));
            return 0;
        }, count);
        return new NsmBenchRow(problem.Name, "fft", 0, null, seconds, null, 0, null,
            "the FFT solution: exact for these band-limited sources, and the reference every error is measured against", seconds);
    }

    /// <summary>
    /// ETDRK4 at the reference settings (its time per instance), and the cheapest grid and step count whose mean error on
    /// the first test samples is within <paramref name="target"/> (NSM's error): the solver's time at equal accuracy.
    /// </summary>
    private static NsmBenchRow ClassicalAtEqualAccuracy(IRefinableProblem problem, Tensor<float> test, double[][] references, double? target)
    {
        int count = Math.Min(20, test.Extent(0)), perSample = test.Count / test.Extent(0);
        double Time(int points, int steps) => PerInstance(() =>
        {
            for (int b = 0; b < count; b++)
                problem.Solve(test.Data.AsSpan(b * perSample, perSample), points, steps);
            return 0;
        }, count);
        double Error(int points, int steps) => Enumerable.Range(0, count).Average(b =>
            GridNorms.RelativeL2(problem.Solve(test.Data.AsSpan(b * perSample, perSample), points, steps), references[b]));
        double reference = Time(problem.ReferencePoints, problem.ReferenceSteps);
        if (target is not { } goal)
            return new NsmBenchRow(problem.Name, problem.SolverName, 0, null, reference, null, 0, null,
                $"{problem.SolverName.ToUpperInvariant()} at {problem.ReferencePoints} points and {problem.ReferenceSteps} steps: the reference (no NSM row to match)");
        var candidates = problem.CoarserSettings
            .Select(c => (points: c.Points, steps: c.Steps, error: Error(c.Points, c.Steps))).Where(c => c.error <= goal).ToList();
        if (candidates.Count == 0)
            return new NsmBenchRow(problem.Name, problem.SolverName, 0, null, reference, null, 0, null,
                $"{problem.SolverName.ToUpperInvariant()} at {problem.ReferencePoints} points and {problem.ReferenceSteps} steps (the reference); no cheaper setting reached NSM's {goal:P3}", reference);
        var timed = candidates.Select(c => (c.points, c.steps, c.error, seconds: Time(c.points, c.steps))).MinBy(c => c.seconds);
        return new NsmBenchRow(problem.Name, problem.SolverName, timed.error, null, reference, null, 0, null,
            $"{problem.SolverName.ToUpperInvariant()}: the reference at {problem.ReferencePoints} points × {problem.ReferenceSteps} steps takes the inference time shown; "
            + $"at NSM's accuracy ({goal:P3}) the cheapest setting is {timed.points} points × {timed.steps} steps ({timed.error:P3}, shown as its error), "
            + $"{timed.seconds * 1e3:0.000} ms per instance", timed.seconds);
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

    private static string Line(ISpectralProblem problem, string method, SpectralTrainingRecord r) =>
        $"[{problem.Name} {method}] step {r.Step}  loss {r.Loss:G4}  test relative L2 {r.TestRelativeL2:P3}  {r.Seconds:F1} s";
}
