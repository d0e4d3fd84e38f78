namespace Rom.Tests.LinearAlgebra.Dense;

/// <summary>The dense backend a fixture runs on, by name; OpenBLAS fixtures are ignored, with the reason, where the library is absent.</summary>
internal static class DenseBackends
{
    public static IDenseProvider Load(string backend) =>
        backend == "managed" ? ManagedProvider.Instance
            : OpenBlasProvider.TryLoad(out string reason) ?? throw new IgnoreException($"OpenBLAS tests skipped: {reason}");
}
