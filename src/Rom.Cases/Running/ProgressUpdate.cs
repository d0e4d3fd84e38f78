namespace Rom.Cases.Running;

/// <summary>Progress of a long step: its name, the fraction done (null when unknown) and a short detail.</summary>
public sealed record ProgressUpdate(string Stage, double? Fraction, string Detail = "");
