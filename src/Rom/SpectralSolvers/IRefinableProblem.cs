namespace Rom.SpectralSolvers;

/// <summary>
/// A problem whose classical solver can also run coarser than its reference (fewer grid points, fewer time steps): the
/// knob that measures the solver's time at a network's accuracy.
/// </summary>
public interface IRefinableProblem : ISpectralProblem
{
    /// <summary>The solver's name (etdrk4).</summary>
    string SolverName { get; }

    /// <summary>Grid points per axis of the reference solution.</summary>
    int ReferencePoints { get; }

    /// <summary>Time steps of the reference solution.</summary>
    int ReferenceSteps { get; }

    /// <summary>The coarser settings worth trying, from cheap to dear.</summary>
    IReadOnlyList<(int Points, int Steps)> CoarserSettings { get; }

    /// <summary>The classical solution at these settings, in the form <see cref="ISpectralProblem.RelativeL2"/> takes as its reference.</summary>
    double[] Solve(ReadOnlySpan<float> parameters, int points, int steps);
}
