using System.Diagnostics;
using Rom.Neural;
using Rom.Neural.Training;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>One record of a spectral training run.</summary>
/// <param name="Step">Steps done.</param>
/// <param name="Loss">The training loss (mean per sample) averaged over the steps since the previous record: one batch's loss
/// is too noisy to show a trend.</param>
/// <param name="TestRelativeL2">Mean relative L2 error against the classical solutions of the test set.</param>
/// <param name="Seconds">Training time so far (evaluation excluded).</param>
public sealed record SpectralTrainingRecord(int Step, double Loss, double TestRelativeL2, double Seconds);

/// <summary>
/// Everything a spectral training run needs to continue after a recorded step, as plain data: resumed from it, a run
/// takes the same steps as one that never stopped (step k's batch is drawn from its own seeded generator).
/// </summary>
/// <param name="StepsCompleted">Steps done.</param>
/// <param name="Weights">The parameters then, by name.</param>
/// <param name="OptimizerState">Adam's state then.</param>
/// <param name="History">The records so far.</param>
/// <param name="Seconds">Training time so far.</param>
public sealed record SpectralTrainingState(int StepsCompleted, IReadOnlyDictionary<string, Tensor<float>> Weights,
    IReadOnlyDictionary<string, Tensor<float>> OptimizerState, IReadOnlyList<SpectralTrainingRecord> History, double Seconds);

/// <summary>
/// Self-supervised training of <see cref="Nsm{T}"/> on an <see cref="ISpectralProblem"/>: every step draws a fresh
/// batch of parameters, evaluates the spectral residual loss of the network's output (mean over the batch), and takes
/// an Adam step with an exponentially decaying learning rate. No solution data is used; the test set's classical
/// solutions only measure the error. The loop serves the baselines too (a PINN loss on grid values, a supervised loss).
/// </summary>
public static class SpectralTrainer
{
    /// <summary>
    /// Trains <paramref name="model"/> in place on <paramref name="problem"/>'s spectral residual loss; records the test
    /// error on <see cref="SpectralTrainingOptions.TestSamples"/> parameters drawn with the test seed.
    /// </summary>
    /// <exception cref="ArgumentException">Options out of range, or a model whose modes or channels differ from the problem's.</exception>
    /// <exception cref="ArithmeticException">A non-finite loss, naming the step (the weights are those before it).</exception>
    public static IReadOnlyList<SpectralTrainingRecord> Train(Nsm<float> model, ISpectralProblem problem, SpectralTrainingOptions options,
        Action<SpectralTrainingRecord>? progress = null, CancellationToken cancellation = default,
        SpectralTrainingState? resume = null, Action<SpectralTrainingState>? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(problem);
        options = (options ?? throw new ArgumentNullException(nameof(options))).Checked();
        if (!model.Options.Modes.SequenceEqual(problem.Modes) || !model.Options.AxisBases.SequenceEqual(problem.Bases) || model.Options.InChannels != problem.ParameterChannels)
            throw new ArgumentException($"the model (modes [{string.Join(", ", model.Options.Modes)}], {model.Options.InChannels} channels) does not fit {problem.Name} (modes [{string.Join(", ", problem.Modes)}], {problem.ParameterChannels} channels).", nameof(model));
        var (test, references) = TestSet(problem, options);
        return Train(model.Parameters, (random, tape) => BatchLoss(model, problem, problem.SampleParameters(options.BatchSize, random), options.ExactNorm, tape),
            () => Evaluate(model, problem, test, references), options, progress, cancellation, resume, checkpoint);
    }

    /// <summary>
    /// The loss one training step minimises: the spectral residual loss of the model's prediction on
    /// <paramref name="batch"/> (exact L2 norm, or the reference code's sum of squares), averaged over the batch.
    /// </summary>
    public static Variable<float> BatchLoss(Nsm<float> model, ISpectralProblem problem, Tensor<float> batch, bool exactNorm, Tape<float>? tape)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(batch);
        return Ops.Scale(problem.ResidualLoss(Predict(model, problem, batch, tape), batch, exactNorm), 1f / batch.Extent(0));
    }

    /// <summary>
    /// The training loop itself, for any model and loss: every step computes <paramref name="batchLoss"/> on a fresh
    /// batch (drawn from the training stream it is given) with a tape, and takes an Adam step with the decaying learning
    /// rate; every <see cref="SpectralTrainingOptions.EvaluateEvery"/> steps it records the loss (averaged over those steps) and <paramref name="testError"/>
    /// and hands <paramref name="checkpoint"/> the state to save. With <paramref name="resume"/> it continues that state.
    /// </summary>
    /// <exception cref="ArithmeticException">A non-finite loss, naming the step (the last checkpoint stays the last good state).</exception>
    /// <exception cref="ArgumentException"><paramref name="resume"/> holds other parameters or more steps than the options.</exception>
    public static IReadOnlyList<SpectralTrainingRecord> Train(IEnumerable<Parameter<float>> parameters, Func<Random, Tape<float>, Variable<float>> batchLoss,
        Func<double> testError, SpectralTrainingOptions options, Action<SpectralTrainingRecord>? progress = null, CancellationToken cancellation = default,
        SpectralTrainingState? resume = null, Action<SpectralTrainingState>? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(batchLoss);
        ArgumentNullException.ThrowIfNull(testError);
        options = (options ?? throw new ArgumentNullException(nameof(options))).Checked();
        Parameter<float>[] trained = [.. parameters];
        var optimizer = new Adam<float>(trained, options.LearningRate);
        var records = new List<SpectralTrainingRecord>();
        double before = 0;
        int first = 0;
        if (resume is not null)
        {
            if (resume.StepsCompleted > options.Steps)
                throw new ArgumentException($"the saved state has {resume.StepsCompleted} steps; this run has {options.Steps}.", nameof(resume));
            trained.Load(resume.Weights);
            optimizer.ImportState(resume.OptimizerState);
            records.AddRange(resume.History);
            (before, first) = (resume.Seconds, resume.StepsCompleted);
        }
        var clock = new Stopwatch();
        double lossSum = 0;
        int lossCount = 0;
        for (int step = first; step < options.Steps && !cancellation.IsCancellationRequested; step++)
        {
            clock.Start();
            var random = new Random((int)((options.Seed * 2654435761L + step) & int.MaxValue));
            optimizer.LearningRate = options.LearningRate * Math.Pow(options.Decay, (double)step / options.Steps);
            double loss;
            using (TensorScope.Begin())
            {
                var tape = new Tape<float>();
                var l = batchLoss(random, tape);
                loss = l.Value.Data[0];
                if (!double.IsFinite(loss))
                    throw new ArithmeticException($"the loss is {loss} at step {step + 1}; lower the learning rate.");
                optimizer.ZeroGradients();
                tape.Backward(l);
                optimizer.Step();
            }
            clock.Stop();
            (lossSum, lossCount) = (lossSum + loss, lossCount + 1);
            if ((step + 1) % options.EvaluateEvery == 0 || step + 1 == options.Steps)
            {
                var record = new SpectralTrainingRecord(step + 1, lossSum / lossCount, testError(), before + clock.Elapsed.TotalSeconds);
                (lossSum, lossCount) = (0, 0);
                records.Add(record);
                progress?.Invoke(record);
                checkpoint?.Invoke(new SpectralTrainingState(step + 1, trained.Snapshot(), optimizer.ExportState(), [.. records], record.Seconds));
            }
        }
        return records;
    }

    /// <summary>The test parameters (drawn with the test seed) and their classical solutions.</summary>
    public static (Tensor<float> Parameters, double[][] References) TestSet(ISpectralProblem problem, SpectralTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        var test = problem.SampleParameters(options.TestSamples, new Random(options.TestSeed));
        int perSample = test.Count / options.TestSamples;
        return (test, [.. Enumerable.Range(0, options.TestSamples).Select(b => problem.Solve(test.Data.AsSpan(b * perSample, perSample)))]);
    }

    /// <summary>The solution's coefficients that <paramref name="model"/> predicts: its output with the problem's conditions imposed.</summary>
    public static Variable<float> Predict(Nsm<float> model, ISpectralProblem problem, Tensor<float> parameters, Tape<float>? tape)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Constrain(model.Forward(Tape<float>.Constant(parameters), tape), parameters);
    }

    /// <summary>Mean relative L2 error of the model on <paramref name="parameters"/> against <paramref name="references"/>.</summary>
    public static double Evaluate(Nsm<float> model, ISpectralProblem problem, Tensor<float> parameters, IReadOnlyList<double[]> references)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(references);
        using var scope = TensorScope.Begin();
        var u = Predict(model, problem, parameters, null).Value;
        int batch = parameters.Extent(0), size = u.Count / batch;
        double total = 0;
        for (int b = 0; b < batch; b++)
            total += problem.RelativeL2(u.Data.AsSpan(b * size, size), references[b]);
        return total / batch;
    }
}
