using System.Diagnostics;
using Rom.Neural.Training;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>One record of a spectral training run.</summary>
/// <param name="Step">Steps done.</param>
/// <param name="Loss">The mean residual loss per sample of the last step.</param>
/// <param name="TestRelativeL2">Mean relative L2 error against the classical solutions of the test set.</param>
/// <param name="Seconds">Training time so far (evaluation excluded).</param>
public sealed record SpectralTrainingRecord(int Step, double Loss, double TestRelativeL2, double Seconds);

/// <summary>
/// Self-supervised training of <see cref="Nsm{T}"/> on an <see cref="ISpectralProblem"/>: every step draws a fresh
/// batch of parameters, evaluates the spectral residual loss of the network's output (mean over the batch), and takes
/// an Adam step with an exponentially decaying learning rate. No solution data is used; the test set's classical
/// solutions only measure the error.
/// </summary>
public static class SpectralTrainer
{
    /// <summary>Trains <paramref name="model"/> in place; calls <paramref name="progress"/> at every record.</summary>
    /// <exception cref="ArgumentException">Options out of range, or a model whose modes or channels differ from the problem's.</exception>
    /// <exception cref="ArithmeticException">A non-finite loss, naming the step (the weights are those before it).</exception>
    public static IReadOnlyList<SpectralTrainingRecord> Train(Nsm<float> model, ISpectralProblem problem, SpectralTrainingOptions options,
        Action<SpectralTrainingRecord>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(problem);
        options = (options ?? throw new ArgumentNullException(nameof(options))).Checked();
        if (!model.Options.Modes.SequenceEqual(problem.Modes) || model.Options.InChannels != problem.ParameterChannels)
            throw new ArgumentException($"the model (modes [{string.Join(", ", model.Options.Modes)}], {model.Options.InChannels} channels) does not fit {problem.Name} (modes [{string.Join(", ", problem.Modes)}], {problem.ParameterChannels} channels).", nameof(model));
        var test = problem.SampleParameters(options.TestSamples, new Random(options.TestSeed));
        int perSample = test.Count / options.TestSamples;
        double[][] references = [.. Enumerable.Range(0, options.TestSamples).Select(b => problem.Solve(test.Data.AsSpan(b * perSample, perSample)))];
        var optimizer = new Adam<float>(model.Parameters, options.LearningRate);
        var random = new Random(options.Seed);
        var records = new List<SpectralTrainingRecord>();
        var clock = new Stopwatch();
        for (int step = 0; step < options.Steps && !cancellation.IsCancellationRequested; step++)
        {
            clock.Start();
            optimizer.LearningRate = options.LearningRate * Math.Pow(options.Decay, (double)step / options.Steps);
            double loss;
            using (TensorScope.Begin())
            {
                var batch = problem.SampleParameters(options.BatchSize, random);
                var tape = new Tape<float>();
                var u = model.Forward(Tape<float>.Constant(batch), tape);
                var l = Ops.Scale(problem.ResidualLoss(u, batch, options.ExactNorm), 1f / options.BatchSize);
                loss = l.Value.Data[0];
                if (!double.IsFinite(loss))
                    throw new ArithmeticException($"the residual loss is {loss} at step {step + 1}; lower the learning rate.");
                optimizer.ZeroGradients();
                tape.Backward(l);
                optimizer.Step();
            }
            clock.Stop();
            if ((step + 1) % options.EvaluateEvery == 0 || step + 1 == options.Steps)
            {
                var record = new SpectralTrainingRecord(step + 1, loss, Evaluate(model, problem, test, references), clock.Elapsed.TotalSeconds);
                records.Add(record);
                progress?.Invoke(record);
            }
        }
        return records;
    }

    /// <summary>Mean relative L2 error of the model on <paramref name="parameters"/> against <paramref name="references"/>.</summary>
    public static double Evaluate(Nsm<float> model, ISpectralProblem problem, Tensor<float> parameters, IReadOnlyList<double[]> references)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(references);
        using var scope = TensorScope.Begin();
        var u = model.Forward(Tape<float>.Constant(parameters), null).Value;
        int batch = parameters.Extent(0), size = u.Count / batch;
        double total = 0;
        for (int b = 0; b < batch; b++)
            total += problem.RelativeL2(u.Data.AsSpan(b * size, size), references[b]);
        return total / batch;
    }
}
