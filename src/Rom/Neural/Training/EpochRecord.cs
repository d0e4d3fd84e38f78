namespace Rom.Neural.Training;

/// <summary>One completed epoch of a training run.</summary>
/// <param name="Epoch">The epoch, counted from 1.</param>
/// <param name="TrainLoss">The mean training loss per sample.</param>
/// <param name="ValidationL2">The validation relative L2 per sample (NaN without validation data).</param>
/// <param name="ValidationH1">The validation relative H¹ per sample (NaN without validation data).</param>
/// <param name="LearningRate">The learning rate used.</param>
/// <param name="Seconds">The epoch's wall time, validation included.</param>
public sealed record EpochRecord(int Epoch, double TrainLoss, double ValidationL2, double ValidationH1, double LearningRate, double Seconds);
