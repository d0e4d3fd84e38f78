using Rom.LinearAlgebra;
using Rom.Models;

namespace Rom.Bench.Krylov;

/// <summary>A family whose fields and systems are built once, so every mode of the benchmark solves the same matrices
/// and none pays for assembly twice.</summary>
internal sealed class CachedSystems(ISystemFamily family) : ISystemFamily
{
    private readonly Dictionary<int, double[]> _fields = [];
    private readonly Dictionary<int, (CsrMatrix A, double[] B)> _systems = [];

    public string Name => family.Name;

    public int Count => family.Count;

    public int Unknowns => family.Unknowns;

    public bool IsSymmetricPositiveDefinite => family.IsSymmetricPositiveDefinite;

    public SubsampledGrid? StoredGrid => family.StoredGrid;

    public double[] Field(int index)
    {
        if (!_fields.TryGetValue(index, out var field))
            _fields[index] = field = family.Field(index);
        return field;
    }

    public (CsrMatrix A, double[] B) System(int index)
    {
        if (!_systems.TryGetValue(index, out var system))
            _systems[index] = system = family.System(index);
        return system;
    }
}
