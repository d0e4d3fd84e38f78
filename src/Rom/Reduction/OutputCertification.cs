namespace Rom.Reduction;

/// <summary>
/// One output measured on the test set: the full-order values s(μ), the errors |s(μ) − s_N(μ)| and the certified bounds
/// of <see cref="ReducedSolution.OutputBounds"/>, all absolute.
/// </summary>
/// <param name="Name">The output's name.</param>
/// <param name="Values">s(μ) at each test parameter, from the full-order solution.</param>
/// <param name="Errors">|s(μ) − s_N(μ)|.</param>
/// <param name="Bounds">The certified bound of |s(μ) − s_N(μ)|.</param>
public sealed record OutputCertification(string Name, double[] Values, double[] Errors, double[] Bounds)
{
    /// <summary>
    /// The first test parameter whose bound falls below its error where that error is above the full-order solve's
    /// round-off in s (<see cref="Certification.ReferenceAccuracy"/>·|s|), or −1 when every bound held.
    /// </summary>
    public int Violation => Enumerable.Range(0, Errors.Length)
        .FirstOrDefault(i => Bounds[i] < Errors[i] * (1 - 1e-9) && Errors[i] >= Certification.ReferenceAccuracy * Math.Abs(Values[i]), -1);

    /// <summary>
    /// Test parameters whose bound is below an error that is itself below the round-off in s: not a failure, and not a
    /// verified bound either (the compliance bound ‖r‖²/α_LB is often far below the full-order solve's round-off).
    /// </summary>
    public int BelowRoundOff => Enumerable.Range(0, Errors.Length)
        .Count(i => Bounds[i] < Errors[i] * (1 - 1e-9) && Errors[i] < Certification.ReferenceAccuracy * Math.Abs(Values[i]));

    /// <summary>The largest error relative to |s(μ)| over the test set.</summary>
    public double MaxRelativeError => Enumerable.Range(0, Errors.Length).Max(i => Errors[i] / Math.Abs(Values[i]));

    /// <summary>The largest bound relative to |s(μ)| over the test set.</summary>
    public double MaxRelativeBound => Enumerable.Range(0, Bounds.Length).Max(i => Bounds[i] / Math.Abs(Values[i]));
}
