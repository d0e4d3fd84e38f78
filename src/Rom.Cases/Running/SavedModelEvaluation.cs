namespace Rom.Cases.Running;

/// <summary>A saved model at one parameter.</summary>
/// <param name="Mu">The parameter.</param>
/// <param name="Solution">The reduced solve.</param>
/// <param name="SolutionNorm">‖V u_N‖_X.</param>
/// <param name="FamilyBound">Δ + ε̂(‖u_N‖_X + Δ)/α_S, the bound against the true family of an EIM surrogate, or null.</param>
/// <param name="Outputs">The outputs.</param>
public sealed record SavedModelEvaluation(Parameter Mu, ReducedSolution Solution, double SolutionNorm, double? FamilyBound, IReadOnlyList<EvaluatedOutput> Outputs)
{
    /// <summary>Δ/‖u_N‖_X.</summary>
    public double RelativeErrorBound => Solution.ErrorBound / SolutionNorm;
}
