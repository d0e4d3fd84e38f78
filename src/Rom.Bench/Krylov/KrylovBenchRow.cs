namespace Rom.Bench.Krylov;

/// <summary>One line of the Krylov benchmark: one way of solving every system of one family at one size.</summary>
/// <param name="Family">Family name.</param>
/// <param name="N">Unknowns per system.</param>
/// <param name="Systems">Systems this row averages over (SciPy's spsolve may run on a subset).</param>
/// <param name="Source">'rom' or 'scipy'.</param>
/// <param name="Mode">How: e.g. 'gmres(40)', 'gcro-dr(40,20) sorted', 'deflated-cg(20) sorted warm', 'spsolve'.</param>
/// <param name="Preconditioner">'none', 'jacobi', 'ic0', 'amg'.</param>
/// <param name="AverageIterations">Iterations per system (0 for a direct solve).</param>
/// <param name="AverageProducts">Products with A per system, or NaN where not counted.</param>
/// <param name="AverageSeconds">Seconds per system: preconditioner set-up and solve, not assembly.</param>
/// <param name="Converged">Systems that reached the tolerance.</param>
/// <param name="MaxResidual">Largest recomputed ‖b − A x‖/‖b‖.</param>
/// <param name="Reference">The mode the ratios compare with.</param>
/// <param name="IterationRatio">AverageIterations over the reference's (below 1: fewer).</param>
/// <param name="TimeRatio">AverageSeconds over the reference's (below 1: faster).</param>
/// <param name="ScipyBestSeconds">SciPy's fastest method on this family, seconds per system.</param>
public sealed record KrylovBenchRow(
    string Family,
    int N,
    int Systems,
    string Source,
    string Mode,
    string Preconditioner,
    double AverageIterations,
    double AverageProducts,
    double AverageSeconds,
    int Converged,
    double MaxResidual,
    string Reference,
    double IterationRatio,
    double TimeRatio,
    double ScipyBestSeconds);
