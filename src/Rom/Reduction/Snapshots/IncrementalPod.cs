using Rom.LinearAlgebra;

namespace Rom.Reduction.Snapshots;

/// <summary>
/// POD of a snapshot stream, batch by batch, keeping only the current modes and singular values: each batch B
/// is merged as POD([ψ_1σ_1 … ψ_rσ_r, B]) and re-truncated (Himpe, Leibner, Rave, "Hierarchical approximate
/// proper orthogonal decomposition", SIAM J. Sci. Comput. 40, 2018, Alg. 1 with one level).
/// </summary>
public sealed class IncrementalPod
{
    private readonly PodOptions _options;
    private readonly CsrMatrix? _product;

    /// <summary>Starts an empty decomposition with the truncation rules and inner product (Euclidean when null) used for every batch.</summary>
    public IncrementalPod(PodOptions? options = null, CsrMatrix? product = null)
    {
        _options = options ?? new PodOptions();
        _options.Validate();
        _product = product;
        Current = new PodResult([], [], 0);
    }

    /// <summary>The POD of all snapshots added so far; DiscardedEnergy sums what every re-truncation dropped.</summary>
    public PodResult Current { get; private set; }

    /// <summary>Number of snapshots added so far.</summary>
    public int SnapshotCount { get; private set; }

    /// <summary>Merges a batch of snapshots into the decomposition.</summary>
    public void Add(IReadOnlyList<double[]> batch)
    {
        Require.NotEmpty(batch, "A batch needs at least one snapshot.");
        var columns = new List<double[]>(Current.Modes.Count + batch.Count);
        for (int i = 0; i < Current.Modes.Count; i++)
            columns.Add(Current.Modes[i].Select(v => v * Current.SingularValues[i]).ToArray());
        columns.AddRange(batch);
        var merged = Pod.Compute(columns, _options, _product);
        Current = merged with { DiscardedEnergy = Current.DiscardedEnergy + merged.DiscardedEnergy };
        SnapshotCount += batch.Count;
    }
}
