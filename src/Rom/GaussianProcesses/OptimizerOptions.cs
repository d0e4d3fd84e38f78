namespace Rom.GaussianProcesses;

/// <summary>Settings shared by <see cref="AdamOptimizer"/> and <see cref="LbfgsOptimizer"/>.</summary>
/// <param name="MaxIterations">The most iterations (steps for Adam, accepted line searches for L-BFGS).</param>
/// <param name="LearningRate">Adam's step size (1e-2 in the reference); ignored by L-BFGS.</param>
/// <param name="ObjectiveTolerance">Stop when |J_k − J_{k−1}| ≤ this · max(1, |J_k|) (0 disables).</param>
/// <param name="ResidualTolerance">Stop when the caller's residual ≤ this (0 disables).</param>
/// <param name="RecordEvery">Record the history (and test the residual) every this many iterations.</param>
/// <param name="Memory">L-BFGS's number of stored curvature pairs.</param>
/// <param name="TimeLimitSeconds">Stop after this many seconds (0 disables).</param>
/// <param name="StartSeconds">Seconds already spent before this run, by earlier stages of one solve: the history's times and
/// <paramref name="TimeLimitSeconds"/> count from the solve's start.</param>
public sealed record OptimizerOptions(int MaxIterations, double LearningRate = 1e-2, double ObjectiveTolerance = 0,
    double ResidualTolerance = 0, int RecordEvery = 1, int Memory = 10, double TimeLimitSeconds = 0, double StartSeconds = 0)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (MaxIterations < 0)
            throw new ArgumentException($"MaxIterations = {MaxIterations}; expected ≥ 0.", nameof(MaxIterations));
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
            throw new ArgumentException($"LearningRate = {LearningRate}; expected a positive finite number.", nameof(LearningRate));
        if (!(ObjectiveTolerance >= 0) || !(ResidualTolerance >= 0))
            throw new ArgumentException($"ObjectiveTolerance = {ObjectiveTolerance}, ResidualTolerance = {ResidualTolerance}; expected ≥ 0.", nameof(ObjectiveTolerance));
        if (RecordEvery < 1)
            throw new ArgumentException($"RecordEvery = {RecordEvery}; expected ≥ 1.", nameof(RecordEvery));
        if (!(TimeLimitSeconds >= 0))
            throw new ArgumentException($"TimeLimitSeconds = {TimeLimitSeconds}; expected ≥ 0.", nameof(TimeLimitSeconds));
        if (!(StartSeconds >= 0) || !double.IsFinite(StartSeconds))
            throw new ArgumentException($"StartSeconds = {StartSeconds}; expected a finite number ≥ 0.", nameof(StartSeconds));
        if (Memory < 1)
            throw new ArgumentException($"Memory = {Memory}; expected ≥ 1.", nameof(Memory));
    }
}
