using Rom.Neural.Layers;

namespace Rom.Bench.Nsm;

/// <summary>
/// What <c>rom bench nsm</c> trains: every method gets the same network size and step budget on the same stream of
/// parameters, and is measured on the same test set, problem by problem. Defaults are a scaled-down version of the reference code's
/// (width 64, depth 4, 31 modes, 30,000 steps) that runs on two cores in about twenty minutes.
/// </summary>
/// <param name="Steps">Optimiser steps per method (batch <paramref name="BatchSize"/>, a fresh batch of sources each).</param>
/// <param name="Width">Hidden width of every network.</param>
/// <param name="Depth">Spectral blocks (NSM) or Fourier layers (FNO).</param>
/// <param name="Modes">Real Fourier slots per axis (NSM's coefficients; the FNO keeps as many modes).</param>
/// <param name="PinnGrids">Grids of the PINN-loss FNOs (G × G points each).</param>
/// <param name="SupervisedGrid">Grid of the FNO trained on solver data.</param>
/// <param name="BatchSize">Samples per step.</param>
/// <param name="LearningRate">Adam's initial learning rate.</param>
/// <param name="Decay">The learning rate's factor over the run.</param>
/// <param name="TestSamples">Test sources.</param>
/// <param name="Resolutions">Grids on which NSM's prediction is evaluated for the inference timing.</param>
/// <param name="Methods">The methods to run (<see cref="AllMethods"/>; null: all).</param>
/// <param name="Problems">The problems to run (<see cref="AllProblems"/>; null: all).</param>
/// <param name="Diffusions">ν of the reaction–diffusion problems (null: the paper's 0.01, 0.05, 0.1).</param>
/// <param name="TimeModes">Chebyshev slots in t of the reaction–diffusion network (the reference's 32).</param>
/// <param name="SpaceModes">Real Fourier slots in x of the reaction–diffusion network (the reference's 64).</param>
/// <param name="NavierStokesModes">Chebyshev slots in t and odd Fourier slots per space axis of the Navier–Stokes network (the reference's 12, 31).</param>
/// <param name="Viscosity">ν of the (forced) Navier–Stokes problem.</param>
/// <param name="EndTime">T of the Navier–Stokes problem.</param>
/// <param name="OutputScale">The scale s of every network's output before the conditions are imposed (the reference's 1e-3).</param>
/// <param name="Torch">Whether to time one NSM training step on the Poisson problem in Rom and in PyTorch side by side (<see cref="NsmStepTiming"/>).</param>
/// <param name="FnoNonLinearity">The non-linearity of the PINN-loss and supervised FNOs (<see cref="Activations"/>; the reference code's FNO has ReLU, neuraloperator's GELU).</param>
public sealed record NsmBenchOptions(
    int Steps = 1000, int Width = 16, int Depth = 4, int Modes = 31, int[]? PinnGrids = null, int SupervisedGrid = 64,
    int BatchSize = 16, double LearningRate = 1e-3, double Decay = 0.01, int TestSamples = 100, int[]? Resolutions = null,
    string[]? Methods = null, string[]? Problems = null, double[]? Diffusions = null, int TimeModes = 32, int SpaceModes = 64,
    double OutputScale = 1e-3, int[]? NavierStokesModes = null, double Viscosity = 1e-3, double EndTime = 3,
    string FnoNonLinearity = Activations.Gelu, bool Torch = false)
{
    /// <summary>
    /// The method families: NSM with the exact norm, with the reference sum of squares, with shift-equivariant spectral layers
    /// (<see cref="Rom.SpectralSolvers.NsmOptions.ShiftEquivariant"/>), the PINN-loss FNOs, the supervised FNO, the classical
    /// solver (FFT for Poisson, ETDRK4 for reaction–diffusion).
    /// </summary>
    public static IReadOnlyList<string> AllMethods { get; } = ["nsm", "nsm-sum-of-squares", "nsm-equivariant", "pinn", "supervised", "solver"];

    /// <summary>The problems: the periodic Poisson problem, the reaction–diffusion problem (one per ν) and forced 2-D Navier–Stokes.</summary>
    public static IReadOnlyList<string> AllProblems { get; } = ["poisson", "reaction-diffusion", "navier-stokes"];

    /// <summary>Whether <paramref name="method"/> is to run.</summary>
    public bool Runs(string method) => Methods is null || Methods.Contains(method);

    /// <summary>Whether <paramref name="problem"/> is to run.</summary>
    public bool RunsProblem(string problem) => Problems is null || Problems.Contains(problem);

    /// <summary>The Navier–Stokes network's slots: 6 Chebyshev in t and 15 Fourier per space axis unless given (the reference's 12 × 31 × 31 costs 16× more per step).</summary>
    public int[] NavierStokesSlots => NavierStokesModes ?? [6, 15];

    /// <summary>ν of the reaction–diffusion problems.</summary>
    public double[] DiffusionCoefficients => Diffusions ?? [0.01, 0.05, 0.1];

    /// <summary>The PINN grids, 64² and 128² unless given (a 256² grid costs about 3 s a step at width 16 on two cores: add it with --grids 64,128,256).</summary>
    public int[] Grids => PinnGrids ?? [64, 128];

    /// <summary>The evaluation resolutions, 64 … 512 unless given.</summary>
    public int[] EvaluationResolutions => Resolutions ?? [64, 128, 256, 512];

    /// <summary>Options for a smoke run (tests, --quick): tiny networks, few steps, small grids.</summary>
    public static NsmBenchOptions Quick { get; } = new(Steps: 40, Width: 8, Depth: 2, Modes: 17, PinnGrids: [32], SupervisedGrid: 32,
        TestSamples: 4, Resolutions: [64, 128], Diffusions: [0.05], TimeModes: 8, SpaceModes: 16, NavierStokesModes: [3, 7]);
}
