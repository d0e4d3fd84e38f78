namespace Rom.SpectralSolvers;

/// <summary>The problems of neural spectral methods by name, as case files and model files describe them.</summary>
public static class SpectralProblems
{
    /// <summary>The equations: the periodic Poisson problem, reaction–diffusion and the 2-D Navier–Stokes vorticity equation.</summary>
    public static IReadOnlyList<string> Equations { get; } = ["poisson", "reaction-diffusion", "navier-stokes"];

    /// <summary>The default slots per axis of an equation: the reference code's (31 × 31; 32 × 64; 12 × 31 × 31).</summary>
    /// <exception cref="ArgumentException">An unknown equation.</exception>
    public static int[] DefaultModes(string equation) => equation switch
    {
        "poisson" => [31, 31],
        "reaction-diffusion" => [32, 64],
        "navier-stokes" => [12, 31, 31],
        _ => throw Unknown(equation),
    };

    /// <summary>
    /// The problem <paramref name="equation"/> on <paramref name="modes"/> network slots per axis, with diffusion ν and
    /// reaction ρ for reaction–diffusion, viscosity ν, end time T and the reference's forcing or none for Navier–Stokes
    /// (each equation ignores the others' coefficients).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown equation, modes that do not fit it, or a coefficient out of range (named by ParamName).</exception>
    public static ISpectralProblem Create(string equation, int[] modes, double diffusion = 0.01, double reaction = 5,
        double viscosity = 1e-3, double endTime = 3, bool forced = true)
    {
        ArgumentNullException.ThrowIfNull(modes);
        switch (equation)
        {
            case "poisson":
                if (modes.Length != 2 || modes[0] != modes[1] || modes[0] < 16)
                    throw new ArgumentException($"modes [{string.Join(", ", modes)}] must be two equal counts of at least 16 (the sources have 16 slots per axis).", nameof(modes));
                return new PoissonSourceProblem(modes[0]);
            case "reaction-diffusion":
                if (modes.Length != 2 || modes[0] < 2 || modes[1] < 4)
                    throw new ArgumentException($"modes [{string.Join(", ", modes)}] must be two counts: Chebyshev slots in t (at least 2) and Fourier slots in x (at least 4).", nameof(modes));
                if (!(diffusion > 0) || !double.IsFinite(diffusion))
                    throw new ArgumentException($"the diffusion coefficient ν is {diffusion}; it must be positive and finite.", nameof(diffusion));
                if (!double.IsFinite(reaction))
                    throw new ArgumentException($"the reaction coefficient ρ is {reaction}; it must be finite.", nameof(reaction));
                return new ReactionDiffusionProblem(diffusion, reaction, modes[0], modes[1], initialPoints: Math.Min(64, modes[1]));
            case "navier-stokes":
                if (modes.Length != 3 || modes[0] < 2 || modes[1] != modes[2] || modes[1] < 3 || modes[1] % 2 == 0 || modes[1] > 64)
                    throw new ArgumentException($"modes [{string.Join(", ", modes)}] must be Chebyshev slots in t (at least 2) and two equal odd Fourier counts in 3 … 63 (an even count's Nyquist cosine has a derivative the basis cannot hold).", nameof(modes));
                if (!(viscosity > 0) || !double.IsFinite(viscosity))
                    throw new ArgumentException($"the viscosity ν is {viscosity}; it must be positive and finite.", nameof(viscosity));
                if (!(endTime > 0) || !double.IsFinite(endTime))
                    throw new ArgumentException($"the end time T is {endTime}; it must be positive and finite.", nameof(endTime));
                return new NavierStokesProblem(viscosity, endTime, forced, modes[0], modes[1]);
            default:
                throw Unknown(equation);
        }
    }

    private static ArgumentException Unknown(string equation) =>
        new($"equation '{equation}' is not one of {string.Join(", ", Equations)}.", nameof(equation));
}
