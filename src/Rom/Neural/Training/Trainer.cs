using System.Diagnostics;
using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Training;

/// <summary>
/// Trains a neural operator as neuraloperator's <c>Trainer</c> does, one thread of batches (the operations use the
/// cores). Each epoch e (from 0): the learning rate of the schedule at e; the training samples in the order of a
/// Fisher–Yates shuffle by System.Random(seed + e); per mini-batch a forward pass on a new tape, the loss summed
/// over the batch (on encoded targets when outputs are normalised), backward, an optimiser step; then the
/// validation relative L2 and H¹ per sample on decoded outputs, without a tape. A non-finite loss ends the run with
/// the weights of the last complete epoch; so does cancellation, and the returned state resumes from there.
/// </summary>
public sealed class Trainer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A trainer of <paramref name="model"/> (updated in place) with <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">An option out of range.</exception>
    public Trainer(INeuralOperator<T> model, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        Model = model;
        Options = options.Checked();
    }

    /// <summary>The model being trained.</summary>
    public INeuralOperator<T> Model { get; }

    /// <summary>The settings.</summary>
    public TrainingOptions Options { get; }

    /// <summary>
    /// Runs the epochs after <paramref name="resume"/>'s (or all of them), reporting to <paramref name="progress"/>
    /// after every batch and epoch and handing <paramref name="epochCompleted"/> the state after each epoch (synchronously,
    /// before the epoch's report: the place to save a checkpoint). <paramref name="resume"/> must come from a run with
    /// the same model, data and options (<see cref="TrainingOptions.Epochs"/> may grow).
    /// </summary>
    /// <exception cref="ArgumentException">The datasets do not fit the model or each other, or the state does not fit the run.</exception>
    public TrainingResult<T> Train(NeuralDataset<T> training, NeuralDataset<T>? validation = null, TrainingState<T>? resume = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default,
        Action<TrainingState<T>>? epochCompleted = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Count == 0)
            throw new ArgumentException("the training set is empty.", nameof(training));
        if (validation is not null)
            CheckCompatible(training, validation);
        Parameter<T>[] parameters = [.. Model.Parameters];
        Adam<T> optimizer = Options.CreateOptimizer(parameters);
        ILearningRateSchedule schedule = Options.CreateSchedule();
        var run = new Run(resume, training, Options);
        if (resume is not null)
        {
            if (resume.EpochsCompleted > Options.Epochs)
                throw new ArgumentException($"the state has {resume.EpochsCompleted} epochs done, more than the {Options.Epochs} asked for.", nameof(resume));
            parameters.Load(resume.Weights);
            optimizer.ImportState(resume.OptimizerState);
        }
        Tensor<T> inputs = run.InputNormalizer?.Encode(training.Inputs) ?? training.Inputs;
        Tensor<T> targets = run.OutputNormalizer?.Encode(training.Targets) ?? training.Targets;
        var checkpoint = new Checkpoint(parameters.Snapshot(), optimizer.ExportState());
        int n = training.Count, batchSize = Options.BatchSize, batches = (n + batchSize - 1) / batchSize;
        long batchesLeft = (long)(Options.Epochs - run.EpochsCompleted) * batches, batchesDone = 0, samplesDone = 0;
        var clock = Stopwatch.StartNew();
        TrainingProgress Report(int epoch, int batch, double loss, ValidationMetrics? metrics, double lr, bool end)
        {
            double seconds = clock.Elapsed.TotalSeconds;
            double remaining = batchesDone == 0 ? 0 : seconds * (batchesLeft - batchesDone) / batchesDone;
            return new TrainingProgress(epoch, Options.Epochs, batch, batches, loss, metrics?.L2, metrics?.H1, lr,
                seconds > 0 ? samplesDone / seconds : 0, TimeSpan.FromSeconds(run.SecondsBefore + seconds), TimeSpan.FromSeconds(remaining), end);
        }

        for (int e = run.EpochsCompleted; e < Options.Epochs; e++)
        {
            double lr = schedule.LearningRate(e);
            optimizer.LearningRate = lr;
            int[] order = Order(n, e);
            double lossSum = 0;
            long epochStart = Stopwatch.GetTimestamp();
            for (int k = 0; k < batches; k++)
            {
                if (cancellation.IsCancellationRequested)
                {
                    Restore(parameters, optimizer, checkpoint);
                    return run.Finish(StopReason.Cancelled, $"cancelled during epoch {e + 1}; {After(e)}.", checkpoint, clock, null, null);
                }
                ReadOnlySpan<int> indices = order.AsSpan(k * batchSize, Math.Min(batchSize, n - k * batchSize));
                optimizer.ZeroGradients();
                double value;
                // The step's activations and their gradients are recycled when the scope ends; the parameters'
                // gradients live outside it, and the optimiser steps after it.
                using (TensorScope.Begin())
                {
                    var tape = new Tape<T>();
                    Variable<T> output = Model.Forward(Tape<T>.Constant(NeuralDataset<T>.Gather(inputs, indices)), tape);
                    Variable<T> loss = TrainingLoss(output, NeuralDataset<T>.Gather(targets, indices));
                    value = double.CreateTruncating(loss.Value.Data[0]);
                    if (double.IsFinite(value))
                        tape.Backward(loss);
                }
                if (!double.IsFinite(value))
                {
                    Restore(parameters, optimizer, checkpoint);
                    return run.Finish(StopReason.NonFiniteLoss,
                        $"the training loss is {value} at epoch {e + 1}, batch {k + 1} of {batches}; {After(e)}.", checkpoint, clock, e + 1, k + 1);
                }
                optimizer.Step();
                lossSum += value;
                samplesDone += indices.Length;
                batchesDone++;
                progress?.Report(Report(e + 1, k + 1, lossSum / Math.Min(n, (k + 1) * batchSize), null, lr, end: false));
            }
            ValidationMetrics? metrics = validation is null ? null
                : Evaluate(Model, validation, run.InputNormalizer, run.OutputNormalizer, batchSize);
            var record = new EpochRecord(e + 1, lossSum / n, metrics?.L2 ?? double.NaN, metrics?.H1 ?? double.NaN, lr,
                Stopwatch.GetElapsedTime(epochStart).TotalSeconds);
            checkpoint = new Checkpoint(parameters.Snapshot(), optimizer.ExportState());
            run.Complete(record, checkpoint.Weights);
            epochCompleted?.Invoke(run.State(checkpoint, clock));
            progress?.Report(Report(e + 1, batches, record.TrainLoss, metrics, lr, end: true));
        }
        if (Options.KeepBestModel && run.BestWeights is not null)
            parameters.Load(run.BestWeights);
        return run.Finish(StopReason.Completed, $"completed {Options.Epochs} epochs.", checkpoint, clock, null, null, keptBest: Options.KeepBestModel);
    }

    /// <summary>
    /// The relative L2 and H¹ errors per sample of <paramref name="model"/> on raw <paramref name="data"/>, in batches
    /// without a tape: inputs encoded, outputs decoded, by the normalisers given.
    /// </summary>
    public static ValidationMetrics Evaluate(INeuralOperator<T> model, NeuralDataset<T> data,
        UnitGaussianNormalizer<T>? inputNormalizer, UnitGaussianNormalizer<T>? outputNormalizer, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        double l2 = 0, h1 = 0;
        for (int start = 0; start < data.Count; start += batchSize)
        {
            int[] indices = [.. Enumerable.Range(start, Math.Min(batchSize, data.Count - start))];
            using var scope = TensorScope.Begin();
            Tensor<T> x = NeuralDataset<T>.Gather(data.Inputs, indices), y = NeuralDataset<T>.Gather(data.Targets, indices);
            Variable<T> output = model.Forward(Tape<T>.Constant(inputNormalizer?.Encode(x) ?? x), null);
            if (outputNormalizer is not null)
                output = outputNormalizer.Decode(output);
            l2 += double.CreateTruncating(Ops.RelativeL2(output, y).Value.Data[0]);
            h1 += double.CreateTruncating(Ops.RelativeH1(output, y).Value.Data[0]);
        }
        return new ValidationMetrics(l2 / data.Count, h1 / data.Count);
    }

    private Variable<T> TrainingLoss(Variable<T> output, Tensor<T> target) =>
        Options.Loss == LossKind.H1 ? Ops.RelativeH1(output, target) : Ops.RelativeL2(output, target);

    /// <summary>The visiting order of epoch <paramref name="epoch"/>: Fisher–Yates by System.Random(seed + epoch), or in order.</summary>
    private int[] Order(int n, int epoch)
    {
        int[] order = [.. Enumerable.Range(0, n)];
        if (!Options.Shuffle)
            return order;
        var random = new Random(unchecked(Options.Seed + epoch));
        for (int i = n - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    private static string After(int epochsDone) =>
        epochsDone == 0 ? "the model holds its initial weights" : $"the model holds the weights after epoch {epochsDone}";

    private static void CheckCompatible(NeuralDataset<T> training, NeuralDataset<T> validation)
    {
        foreach ((Tensor<T> a, Tensor<T> b, string what) in ((Tensor<T>, Tensor<T>, string)[])
                 [(training.Inputs, validation.Inputs, "inputs"), (training.Targets, validation.Targets, "targets")])
            if (a.Rank != b.Rank || a.Extent(1) != b.Extent(1))
                throw new ArgumentException($"validation {what} {b.ShapeText} do not match training {what} {a.ShapeText} in channels and dimensions.", nameof(validation));
    }

    private static void Restore(Parameter<T>[] parameters, Adam<T> optimizer, Checkpoint checkpoint)
    {
        parameters.Load(checkpoint.Weights);
        optimizer.ImportState(checkpoint.Optimizer);
        optimizer.ZeroGradients();
    }

    /// <summary>The weights and optimiser state after an epoch.</summary>
    private sealed record Checkpoint(IReadOnlyDictionary<string, Tensor<T>> Weights, IReadOnlyDictionary<string, Tensor<T>> Optimizer);

    /// <summary>What a run carries between epochs besides the model and optimiser: history, best weights, normalisers, time.</summary>
    private sealed class Run
    {
        private readonly List<EpochRecord> _history = [];
        private double _bestL2 = double.PositiveInfinity;
        private int _bestEpoch;

        public Run(TrainingState<T>? resume, NeuralDataset<T> training, TrainingOptions options)
        {
            if (resume is null)
            {
                InputNormalizer = options.NormalizeInputs ? UnitGaussianNormalizer<T>.Fit(training.Inputs) : null;
                OutputNormalizer = options.NormalizeOutputs ? UnitGaussianNormalizer<T>.Fit(training.Targets) : null;
                return;
            }
            if (options.NormalizeInputs != resume.InputNormalizer is not null || options.NormalizeOutputs != resume.OutputNormalizer is not null)
                throw new ArgumentException("the state's normalisers do not match the options' NormalizeInputs and NormalizeOutputs.", nameof(resume));
            InputNormalizer = resume.InputNormalizer;
            OutputNormalizer = resume.OutputNormalizer;
            EpochsCompleted = resume.EpochsCompleted;
            _history.AddRange(resume.History);
            BestWeights = resume.BestWeights;
            _bestEpoch = resume.BestEpoch;
            _bestL2 = resume.BestValidationL2;
            SecondsBefore = resume.Seconds;
        }

        public UnitGaussianNormalizer<T>? InputNormalizer { get; }

        public UnitGaussianNormalizer<T>? OutputNormalizer { get; }

        public int EpochsCompleted { get; private set; }

        public IReadOnlyDictionary<string, Tensor<T>>? BestWeights { get; private set; }

        public double SecondsBefore { get; }

        public void Complete(EpochRecord record, IReadOnlyDictionary<string, Tensor<T>> weights)
        {
            _history.Add(record);
            EpochsCompleted = record.Epoch;
            if (record.ValidationL2 < _bestL2)
            {
                _bestL2 = record.ValidationL2;
                _bestEpoch = record.Epoch;
                BestWeights = weights;
            }
        }

        public TrainingResult<T> Finish(StopReason reason, string message, Checkpoint checkpoint, Stopwatch clock,
            int? failedEpoch, int? failedBatch, bool keptBest = false)
        {
            TrainingState<T> state = State(checkpoint, clock);
            IReadOnlyList<EpochRecord> history = state.History;
            EpochRecord? left = keptBest && _bestEpoch > 0 ? history[_bestEpoch - 1] : history.LastOrDefault();
            return new TrainingResult<T>(reason, message, EpochsCompleted, state.Seconds, history.LastOrDefault()?.TrainLoss ?? double.NaN,
                left?.ValidationL2 ?? double.NaN, left?.ValidationH1 ?? double.NaN, _bestEpoch, history, failedEpoch, failedBatch, state);
        }

        /// <summary>The state after the last complete epoch, whose weights and optimiser state <paramref name="checkpoint"/> holds.</summary>
        public TrainingState<T> State(Checkpoint checkpoint, Stopwatch clock) =>
            new(EpochsCompleted, checkpoint.Weights, checkpoint.Optimizer, BestWeights, _bestEpoch, _bestL2,
                [.. _history], SecondsBefore + clock.Elapsed.TotalSeconds, InputNormalizer, OutputNormalizer);
    }
}
