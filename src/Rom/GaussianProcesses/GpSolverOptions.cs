namespace Rom.GaussianProcesses;

/// <summary>
/// Settings of <see cref="GpPdeSolver"/>; the defaults are the reference code's where it has one, except that Rom's
/// frequency folding and component pruning are on (set <c>FoldFrequencies</c> false and
/// <c>PruneRatio</c> 0 for the reference's behaviour).
/// </summary>
/// <param name="Components">Q, spectral components per axis (30).</param>
/// <param name="Kernel">The envelope of the components (the reference's logs use Matérn-5/2, i.e. Student-t).</param>
/// <param name="Optimizer">How φ and U are optimised.</param>
/// <param name="MaxIterations">The optimiser's iteration limit.</param>
/// <param name="LearningRate">Adam's step (1e-2).</param>
/// <param name="BoundaryWeight">w, the boundary log-likelihood's weight (200).</param>
/// <param name="Jitter">Added to each K_d's diagonal (1e-6).</param>
/// <param name="FrequencyScale">Initial frequencies are spread evenly on [0, this] (20), in cycles per unit length.</param>
/// <param name="ObjectiveTolerance">Stop on a relative objective change below this (0 disables).</param>
/// <param name="ResidualTolerance">Stop when ‖L U − f‖/‖f‖ falls below this (0 disables).</param>
/// <param name="FieldTolerance">The relative tolerance of the exact U solve in the profiled methods.</param>
/// <param name="RecordEvery">Record the history every this many iterations.</param>
/// <param name="LogBoundaryPrecision">log τ at the start (0 in the reference); the profiled methods keep it fixed.</param>
/// <param name="SourceSpectrumWeights">Start the mixture weights from the source's periodogram (<see cref="SourceSpectrum"/>) instead of 1/Q.</param>
/// <param name="FinalFieldTolerance">The relative tolerance of the last U solve (profiled methods).</param>
/// <param name="TimeLimitSeconds">Stop the optimiser after this many seconds, each start of <paramref name="Restarts"/> on its own clock (0 disables).</param>
/// <param name="LogEquationPrecision">log v at the start (0 in the reference); the profiled methods keep it fixed, because
/// with U exact both gaps can be driven towards zero and −½ w N_B log τ − ½ N log v is then unbounded below.</param>
/// <param name="FoldFrequencies">Fold each kernel's frequencies below its axis's Nyquist frequency 1/(2h)
/// (<see cref="SpectralMixtureKernel.FoldFrequency"/>), so that no component acts at an alias the grid cannot represent;
/// the reference does not (false).</param>
/// <param name="PruneRatio">Profiled optimisers: after every <paramref name="PruneInterval"/> iterations, prune the components
/// whose weight is below this ratio of the largest on their axis, kept when J* falls (<see cref="ComponentPruning"/>);
/// 0 disables.</param>
/// <param name="PruneInterval">Iterations between pruning attempts (the optimiser restarts after each).</param>
/// <param name="Restarts">Starts to solve from (1: the reference's only); start r shifts the initial frequencies by r/R of
/// their spacing, and the solution of lowest J is kept. The optimiser's limits apply to each start.</param>
public sealed record GpSolverOptions(
    int Components = 30,
    KernelFamily Kernel = KernelFamily.StudentT,
    GpOptimizerKind Optimizer = GpOptimizerKind.ProfiledLbfgs,
    int MaxIterations = 500,
    double LearningRate = 1e-2,
    double BoundaryWeight = 200,
    double Jitter = 1e-6,
    double FrequencyScale = 20,
    double ObjectiveTolerance = 0,
    double ResidualTolerance = 0,
    double FieldTolerance = 1e-10,
    int RecordEvery = 1,
    double LogBoundaryPrecision = 0,
    double LogEquationPrecision = 0,
    bool SourceSpectrumWeights = false,
    double FinalFieldTolerance = 1e-10,
    double TimeLimitSeconds = 0,
    bool FoldFrequencies = true,
    double PruneRatio = 1e-3,
    int PruneInterval = 50,
    int Restarts = 1)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (Components < 1)
            throw new ArgumentException($"Components = {Components}; each kernel needs at least one spectral component.", nameof(Components));
        if (!(FrequencyScale >= 0) || !double.IsFinite(FrequencyScale))
            throw new ArgumentException($"FrequencyScale = {FrequencyScale}; expected a non-negative finite number.", nameof(FrequencyScale));
        if (!(FieldTolerance > 0) || FieldTolerance >= 1)
            throw new ArgumentException($"FieldTolerance = {FieldTolerance}; expected 0 < tolerance < 1.", nameof(FieldTolerance));
        if (!(FinalFieldTolerance > 0) || FinalFieldTolerance >= 1)
            throw new ArgumentException($"FinalFieldTolerance = {FinalFieldTolerance}; expected 0 < tolerance < 1.", nameof(FinalFieldTolerance));
        if (!(BoundaryWeight > 0) || !double.IsFinite(BoundaryWeight))
            throw new ArgumentException($"BoundaryWeight = {BoundaryWeight}; expected a positive finite number.", nameof(BoundaryWeight));
        if (!(Jitter >= 0) || !double.IsFinite(Jitter))
            throw new ArgumentException($"Jitter = {Jitter}; expected a non-negative finite number.", nameof(Jitter));
        if (!double.IsFinite(LogBoundaryPrecision) || !double.IsFinite(LogEquationPrecision))
            throw new ArgumentException($"LogBoundaryPrecision = {LogBoundaryPrecision}, LogEquationPrecision = {LogEquationPrecision}; expected finite numbers.", nameof(LogEquationPrecision));
        if (!(PruneRatio >= 0) || PruneRatio >= 1)
            throw new ArgumentException($"PruneRatio = {PruneRatio}; expected 0 ≤ ratio < 1 (0: no pruning).", nameof(PruneRatio));
        if (Restarts < 1)
            throw new ArgumentException($"Restarts = {Restarts}; expected ≥ 1.", nameof(Restarts));
        if (PruneInterval < 1)
            throw new ArgumentException($"PruneInterval = {PruneInterval}; expected ≥ 1.", nameof(PruneInterval));
        OptimizerSettings.Validate();
    }

    /// <summary>The optimiser's share of the settings.</summary>
    public OptimizerOptions OptimizerSettings => new(MaxIterations, LearningRate, ObjectiveTolerance, ResidualTolerance, RecordEvery, TimeLimitSeconds: TimeLimitSeconds);
}
