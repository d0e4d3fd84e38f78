namespace Rom.Cases.Validation;

/// <summary>One comparison of a validation case: a computed quantity against its reference value.</summary>
/// <param name="Case">The case file's name.</param>
/// <param name="Check">What is compared, e.g. "output_mean" or "solution".</param>
/// <param name="Expected">The reference value (for a solution, 0: the reference difference).</param>
/// <param name="Actual">The computed value (for a solution, the relative 2-norm difference).</param>
/// <param name="RelativeError">|Actual − Expected| / |Expected| (or the relative difference for solutions).</param>
/// <param name="Tolerance">The largest relative error accepted.</param>
/// <param name="Source">Where the reference comes from.</param>
/// <param name="Problem">Why the check could not be made, or null.</param>
public sealed record ValidationCheck(
    string Case, string Check, double Expected, double Actual, double RelativeError, double Tolerance, string Source, string? Problem = null)
{
    /// <summary>True when the check could be made and the error is within tolerance.</summary>
    public bool Passed => Problem is null && RelativeError <= Tolerance;
}
