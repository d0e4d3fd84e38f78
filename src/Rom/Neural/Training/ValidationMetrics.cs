namespace Rom.Neural.Training;

/// <summary>The errors of a model on a dataset, per sample (neuraloperator's trainer: losses summed over the batches, divided by the samples).</summary>
/// <param name="L2">The mean relative L2 error.</param>
/// <param name="H1">The mean relative H¹ error (periodic differences, neuraloperator's default).</param>
public sealed record ValidationMetrics(double L2, double H1);
