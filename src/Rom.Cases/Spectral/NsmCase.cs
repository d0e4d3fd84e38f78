using Rom.SpectralSolvers;

namespace Rom.Cases.Spectral;

/// <summary>
/// The settings of an <c>nsm</c> case (a self-supervised training case: a PDE problem, the network, the optimiser) and
/// how they turn into an <see cref="ISpectralProblem"/>, <see cref="NsmOptions"/> and <see cref="SpectralTrainingOptions"/>.
/// The architecture is the reference code's at a smaller default width, and the budget one that ends in minutes on two
/// cores; the reference's own run is <c>--set model.width=64 training.steps=30000 training.learning_rate=1e-3</c>.
/// </summary>
public static class NsmCase
{
    /// <summary>The settings schema.</summary>
    public static IReadOnlyList<SettingDefinition> Settings { get; } =
    [
        SettingDefinition.Choice("problem.equation", "poisson", "The PDE: 'poisson' (−Δu = s on the periodic unit square, s a periodic Gaussian process), 'reaction-diffusion' (u_t = ν u_xx + ρ u(1 − u), periodic in x, from a random initial condition) or 'navier-stokes' (2-D vorticity on the periodic unit square from a random initial vorticity).",
            [.. SpectralProblems.Equations]),
        SettingDefinition.Real("problem.diffusion", 0.01, "Reaction–diffusion: the diffusion coefficient ν (the paper's 0.01, 0.05, 0.1).", v => v > 0, "a number > 0"),
        SettingDefinition.Real("problem.reaction", 5, "Reaction–diffusion: the reaction coefficient ρ."),
        SettingDefinition.Real("problem.viscosity", 1e-3, "Navier–Stokes: the viscosity ν (the reference's 1e-2 … 1e-4; 2e-3 forced).", v => v > 0, "a number > 0"),
        SettingDefinition.Real("problem.end_time", 3, "Navier–Stokes: the end time T (the reference's 3; 50 forced).", v => v > 0, "a number > 0"),
        SettingDefinition.Flag("problem.forced", true, "Navier–Stokes: the reference's forcing 0.1 (sin 2π(x + y) + cos 2π(x + y)), or none."),
        new("model.modes", SettingType.RealList, Array.Empty<double>(), "Slots per axis of the network (Poisson: 31, 31; reaction–diffusion: Chebyshev in t, Fourier in x, 32, 64; Navier–Stokes: t, x, y, 12, 31, 31); empty: the equation's default.",
            v => ((double[])v) is var m && (m.Length == 0 || (m.Length is 2 or 3 && m.All(x => x >= 2 && x == Math.Floor(x) && x <= 1024))) ? null : "empty or two or three integers in 2 … 1024"),
        SettingDefinition.Integer("model.width", 16, "Hidden width h (the reference's --hdim 64).", 1),
        SettingDefinition.Integer("model.depth", 4, "Spectral blocks (--depth).", 0),
        SettingDefinition.Real("model.output_scale", 1e-3, "Scale of the network's output before the boundary or initial conditions are imposed (the reference's 1e-3).", v => v > 0, "a number > 0"),
        SettingDefinition.Flag("model.shift_equivariant", false, "Spectral layers that commute with shifts along the Fourier axes (one channel matrix per wave, shared by its cosine and sine; Rom's, learns Navier–Stokes about 2.6× faster), or the reference's independent matrix per slot."),
        new("model.seed", SettingType.Integer, 0L, "Seed of the initial weights.", v => (long)v is >= 0 and <= int.MaxValue ? null : $"an integer in 0..{int.MaxValue}"),

        SettingDefinition.Integer("training.steps", 3000, "Optimiser steps, each on a fresh batch of random parameters (the reference's 30,000).", 1),
        SettingDefinition.Integer("training.batch_size", 16, "Parameter samples per step.", 1),
        SettingDefinition.Real("training.learning_rate", 2e-3, "Adam's initial learning rate (the reference's 1e-3 over 30,000 steps).", v => v > 0, "a number > 0"),
        SettingDefinition.Real("training.decay", 1e-3, "The learning rate's factor over the whole run (exponential decay; the reference's 1e-3).", v => v is > 0 and <= 1, "a factor in (0, 1]"),
        SettingDefinition.Choice("training.loss", "spectral", "'spectral': the residual's exact L2 norm from coefficients; 'sum-of-squares': the reference code's sum of squared coefficients.", "spectral", "sum-of-squares"),
        new("training.seed", SettingType.Integer, 1L, "Seed of the training parameters' stream.", v => (long)v is >= 0 and <= int.MaxValue ? null : $"an integer in 0..{int.MaxValue}"),
        SettingDefinition.Integer("training.test_samples", 100, "Test parameters, with classical solutions, for the error.", 1),
        SettingDefinition.Integer("training.evaluate_every", 100, "Steps between two records of the loss and test error, and two checkpoints.", 1),

        OutputSettings.Plots,
    ];

    /// <summary>The problem, the network and the training options the settings describe.</summary>
    /// <exception cref="CaseInputException">Modes that do not fit the equation, named by <c>model.modes</c>.</exception>
    public static (ISpectralProblem Problem, NsmOptions Architecture, SpectralTrainingOptions Training) Load(CaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string equation = settings.Text("problem.equation");
        int[] modes = settings.Reals("model.modes") is { Length: > 0 } given ? [.. given.Select(m => (int)m)] : SpectralProblems.DefaultModes(equation);
        ISpectralProblem problem;
        try
        {
            problem = Record(settings).Create(modes);
        }
        catch (ArgumentException e)
        {
            string key = e.ParamName switch { "modes" => "model.modes", "endTime" => "problem.end_time", var name => "problem." + name };
            throw new CaseInputException(key, settings.Describe().FirstOrDefault(d => d.Key == key).Value ?? $"[{string.Join(", ", modes)}]", e.Reason());
        }
        var architecture = new NsmOptions
        {
            Modes = problem.Modes, Bases = problem.Bases, InChannels = problem.ParameterChannels,
            Width = (int)settings.Integer("model.width"), Depth = (int)settings.Integer("model.depth"),
            OutputScale = settings.Real("model.output_scale"), Seed = (int)settings.Integer("model.seed"),
            ShiftEquivariant = settings.Integer("model.shift_equivariant") == 1,
        }.Checked();
        var training = new SpectralTrainingOptions
        {
            Steps = (int)settings.Integer("training.steps"), BatchSize = (int)settings.Integer("training.batch_size"),
            LearningRate = settings.Real("training.learning_rate"), Decay = settings.Real("training.decay"),
            ExactNorm = settings.Text("training.loss") == "spectral", Seed = (int)settings.Integer("training.seed"),
            TestSamples = (int)settings.Integer("training.test_samples"), EvaluateEvery = (int)settings.Integer("training.evaluate_every"),
        }.Checked();
        return (problem, architecture, training);
    }

    /// <summary>The problem's description as model files record it.</summary>
    public static SpectralProblemRecord Record(CaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new SpectralProblemRecord(settings.Text("problem.equation"), settings.Real("problem.diffusion"), settings.Real("problem.reaction"),
            settings.Real("problem.viscosity"), settings.Real("problem.end_time"), settings.Integer("problem.forced") == 1);
    }
}
