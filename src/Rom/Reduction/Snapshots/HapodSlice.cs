namespace Rom.Reduction.Snapshots;

/// <summary>What one slice of a distributed HAPOD passes on: its POD modes scaled by their singular values.</summary>
/// <param name="ScaledModes">σ_i·φ_i for the slice's kept modes.</param>
/// <param name="Snapshots">How many snapshots the slice had (its share of the error budget).</param>
public sealed record HapodSlice(IReadOnlyList<double[]> ScaledModes, int Snapshots);
