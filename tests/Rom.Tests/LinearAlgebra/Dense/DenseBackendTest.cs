namespace Rom.Tests.LinearAlgebra.Dense;

/// <summary>
/// Base of fixtures that run once on each dense backend: the managed provider and OpenBLAS, whose cases are ignored,
/// with the reason, where the library is absent.
/// </summary>
[TestFixture("managed")]
[TestFixture("openblas")]
public abstract class DenseBackendTest(string backend)
{
    private IDenseProvider? provider;

    /// <summary>The backend under test.</summary>
    protected IDenseProvider Provider => provider ?? throw new InvalidOperationException("The fixture is not set up.");

    [OneTimeSetUp]
    public void LoadBackend() =>
        provider = backend == "managed" ? ManagedProvider.Instance
            : OpenBlasProvider.TryLoad(out string reason) ?? throw new IgnoreException($"OpenBLAS tests skipped: {reason}");
}
