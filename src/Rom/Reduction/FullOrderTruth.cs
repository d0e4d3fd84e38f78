namespace Rom.Reduction;

/// <summary>
/// Full-order solutions at test parameters and the median time of one solve (assembly, numeric factorisation on the
/// analysed pattern, solve), so a solve slowed by another process on the machine does not set the figure.
/// </summary>
/// <param name="Solutions">u(μ) at each test parameter, in order.</param>
/// <param name="SecondsPerSolve">The median wall time of one full-order solve.</param>
public sealed record FullOrderTruth(IReadOnlyList<double[]> Solutions, double SecondsPerSolve);
