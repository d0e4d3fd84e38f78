namespace Rom.Neural.Training;

/// <summary>
/// A report from a training run: after each batch (<see cref="EndOfEpoch"/> false, no validation yet) and after each
/// epoch's validation (<see cref="EndOfEpoch"/> true).
/// </summary>
/// <param name="Epoch">The epoch, counted from 1.</param>
/// <param name="Epochs">The epochs of the whole run.</param>
/// <param name="Batch">The batches done in this epoch.</param>
/// <param name="Batches">The batches of one epoch.</param>
/// <param name="TrainLoss">The training loss per sample so far in this epoch (encoded scale when outputs are normalised).</param>
/// <param name="ValidationL2">The validation relative L2 per sample, at the end of an epoch with validation data; else null.</param>
/// <param name="ValidationH1">The validation relative H¹ per sample, likewise.</param>
/// <param name="LearningRate">The epoch's learning rate.</param>
/// <param name="SamplesPerSecond">Training samples per second of this call (validation time included).</param>
/// <param name="Elapsed">Time trained so far, earlier calls of a resumed run included.</param>
/// <param name="Remaining">The estimated time to the last epoch, from this call's pace.</param>
/// <param name="EndOfEpoch">Whether the epoch and its validation are complete.</param>
public sealed record TrainingProgress(
    int Epoch, int Epochs, int Batch, int Batches, double TrainLoss, double? ValidationL2, double? ValidationH1,
    double LearningRate, double SamplesPerSecond, TimeSpan Elapsed, TimeSpan Remaining, bool EndOfEpoch);
