using Rom.Parameters;

namespace Rom.Reduction;

/// <summary>
/// A reduced model measured against full-order solves on test parameters (<see cref="Certification.Run"/>): errors and
/// bounds against the basis size, the online and full-order times, and whether every bound held.
/// </summary>
/// <param name="TestParameters">The test parameters, in order.</param>
/// <param name="Curve">Errors and bounds for basis sizes up to N (at most 40 of them, N last).</param>
/// <param name="OnlineSeconds">Median time of one online solve with its bound.</param>
/// <param name="FullOrderSeconds">Median time of one full-order solve.</param>
/// <param name="Outputs">Each output's errors and certified bounds on the full basis (none when the model has no outputs).</param>
public sealed record CertificationResult(
    IReadOnlyList<Parameter> TestParameters,
    IReadOnlyList<ErrorCurvePoint> Curve,
    double OnlineSeconds,
    double FullOrderSeconds,
    IReadOnlyList<OutputCertification> Outputs)
{
    /// <summary>Errors and bounds of the model itself (N = its basis size).</summary>
    public ErrorCurvePoint Final => Curve[^1];

    /// <summary>Bound / true error at each test parameter, on the full basis.</summary>
    public double[] Effectivities => Final.Bounds.Zip(Final.Errors, (b, e) => b / e).ToArray();

    /// <summary>
    /// The first test parameter whose bound falls below its true error, where that error is above the reference's
    /// round-off (<see cref="Certification.ReferenceAccuracy"/>), or −1 when every bound held.
    /// </summary>
    public int Violation
    {
        get
        {
            var effectivities = Effectivities;
            return Enumerable.Range(0, effectivities.Length)
                .FirstOrDefault(i => effectivities[i] < 1 - 1e-9 && Final.Errors[i] >= Certification.ReferenceAccuracy, -1);
        }
    }

    /// <summary>
    /// The test parameters whose bound is below a true error that is itself below the reference's round-off
    /// (<see cref="Certification.ReferenceAccuracy"/>): there the "true" error is mostly the full-order solve's own
    /// round-off, so the effectivity says nothing about the bound. Not a failure, but not a verified bound either.
    /// </summary>
    public int[] BelowRoundOff
    {
        get
        {
            var effectivities = Effectivities;
            return [.. Enumerable.Range(0, effectivities.Length).Where(i => effectivities[i] < 1 - 1e-9 && Final.Errors[i] < Certification.ReferenceAccuracy)];
        }
    }

    /// <summary>Whether every bound held, of the solution (<see cref="Violation"/> is −1) and of every output: the certification's verdict.</summary>
    public bool Succeeded => Violation < 0 && Outputs.All(o => o.Violation < 0);

    /// <summary>Full-order time over online time.</summary>
    public double SpeedUp => FullOrderSeconds / OnlineSeconds;
}
