namespace Rom.Reduction;

/// <summary>Progress of <see cref="Certification"/>, as reported to its monitor.</summary>
/// <param name="Stage">"truth" during the full-order solves, "certify" while errors are measured.</param>
/// <param name="Fraction">How much of the stage is done, in [0, 1].</param>
/// <param name="Message">What is being done, e.g. "full-order solve 3 of 20".</param>
public sealed record CertificationStep(string Stage, double Fraction, string Message);
