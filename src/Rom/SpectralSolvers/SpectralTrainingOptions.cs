namespace Rom.SpectralSolvers;

/// <summary>
/// Self-supervised training of neural spectral methods; defaults are the reference run scripts' (Adam 1e-3 decaying
/// exponentially by 1000× over the run, batch 16, 30,000 steps, 128 test samples).
/// </summary>
public sealed record SpectralTrainingOptions
{
    /// <summary>Optimiser steps, each on a fresh batch of parameters.</summary>
    public int Steps { get; init; } = 30_000;

    /// <summary>Samples per step.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Adam's initial learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>The learning rate's factor over the whole run: lr(step) = lr₀ · decay^(step / steps) (1e-3; 1 keeps it constant).</summary>
    public double Decay { get; init; } = 1e-3;

    /// <summary>The exact L2 norm of the residual (true) or the reference code's plain sum of squared coefficients.</summary>
    public bool ExactNorm { get; init; } = true;

    /// <summary>Test samples, drawn with <see cref="TestSeed"/>.</summary>
    public int TestSamples { get; init; } = 128;

    /// <summary>Seed of the training parameters' stream.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Seed of the test set (the reference code's PRNGKey(0)).</summary>
    public int TestSeed { get; init; }

    /// <summary>Steps between two records of the loss and the test error.</summary>
    public int EvaluateEvery { get; init; } = 100;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public SpectralTrainingOptions Checked()
    {
        if (Steps < 1) throw new ArgumentException($"steps {Steps} must be at least 1.", nameof(Steps));
        if (BatchSize < 1) throw new ArgumentException($"batch size {BatchSize} must be at least 1.", nameof(BatchSize));
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentException($"learning rate {LearningRate} must be positive and finite.", nameof(LearningRate));
        if (!(Decay > 0) || Decay > 1) throw new ArgumentException($"decay {Decay} must be in (0, 1].", nameof(Decay));
        if (TestSamples < 1) throw new ArgumentException($"test samples {TestSamples} must be at least 1.", nameof(TestSamples));
        if (EvaluateEvery < 1) throw new ArgumentException($"evaluate every {EvaluateEvery} must be at least 1.", nameof(EvaluateEvery));
        return this;
    }
}
