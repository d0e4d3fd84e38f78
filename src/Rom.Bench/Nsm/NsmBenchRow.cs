namespace Rom.Bench.Nsm;

/// <summary>One method on one problem in <c>rom bench nsm</c>.</summary>
/// <param name="Problem">The problem (poisson-periodic, reaction-diffusion-nu0.01, …).</param>
/// <param name="Method">nsm, nsm-sum-of-squares, pinn-G, supervised-G or the classical solver (fft, etdrk4).</param>
/// <param name="TestRelativeL2">Mean relative L2 error over the test sources against the FFT solution (NSM exactly in L2 from coefficients; grid methods on their grid).</param>
/// <param name="TrainSeconds">Training time (evaluation excluded); null for the solver.</param>
/// <param name="InferenceSeconds">Time per instance of one batch of test sources (the solver: its solve).</param>
/// <param name="Parameters">Trainable scalars; null for the solver.</param>
/// <param name="Steps">Training steps.</param>
/// <param name="InferenceSecondsByResolution">NSM: network plus evaluation on each grid, per instance.</param>
/// <param name="Note">How the row was measured.</param>
/// <param name="SolverSecondsAtEqualAccuracy">The classical solver's row: its time per instance at NSM's accuracy.</param>
/// <param name="StepTiming">The Poisson NSM row with <c>--torch</c>: one training step in Rom and in PyTorch, side by side.</param>
public sealed record NsmBenchRow(string Problem, string Method, double TestRelativeL2, double? TrainSeconds, double InferenceSeconds,
    long? Parameters, int Steps, IReadOnlyDictionary<int, double>? InferenceSecondsByResolution, string Note,
    double? SolverSecondsAtEqualAccuracy = null, NsmStepTiming.Result? StepTiming = null);
