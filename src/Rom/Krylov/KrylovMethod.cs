namespace Rom.Krylov;

/// <summary>A solver that settings choose by name (an entry of <see cref="KrylovSolvers.Methods"/>).</summary>
/// <param name="Name">The name settings use, e.g. "gcro-dr".</param>
/// <param name="Description">A few words for help texts, e.g. "SPD" or "any square matrix".</param>
/// <param name="NeedsSpd">True when the method needs symmetric positive definite matrices.</param>
/// <param name="Recycles">True when the method carries a recycle space from one system to the next (a sweep's business).</param>
/// <param name="IsDirect">True for a direct solve: no preconditioner, no initial guess, no iterations.</param>
/// <param name="Create">Builds a fresh solver from the settings (recycling ones start with an empty space).</param>
public sealed record KrylovMethod(string Name, string Description, bool NeedsSpd, bool Recycles, bool IsDirect, Func<SolverSettings, IKrylovSolver> Create);
