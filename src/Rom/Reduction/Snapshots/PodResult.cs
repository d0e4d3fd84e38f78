namespace Rom.Reduction.Snapshots;

/// <summary>A proper orthogonal decomposition: orthonormal modes (in the chosen inner product) and their singular values.</summary>
/// <param name="Modes">The kept modes, each of the snapshot length, orthonormal in the inner product used.</param>
/// <param name="SingularValues">σ of every kept mode, in decreasing order.</param>
/// <param name="DiscardedEnergy">Σ σ² over the singular values that were computed but not kept.</param>
public sealed record PodResult(IReadOnlyList<double[]> Modes, double[] SingularValues, double DiscardedEnergy);
