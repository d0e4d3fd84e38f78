namespace Rom.LinearAlgebra.Dense;

/// <summary>
/// Chooses the dense linear-algebra backend: OpenBLAS when the system has it (<see cref="OpenBlasProvider.TryLoad"/>),
/// otherwise the managed code. The environment variable <c>ROM_DENSE</c> overrides the choice: <c>managed</c> or
/// <c>openblas</c> (the latter fails when OpenBLAS cannot be loaded).
/// </summary>
public static class DenseProviders
{
    /// <summary>The environment variable that forces a backend.</summary>
    public const string EnvironmentVariable = "ROM_DENSE";

    private static readonly Lazy<IDenseProvider> DefaultProvider = new(() => Choose(Environment.GetEnvironmentVariable(EnvironmentVariable)));

    /// <summary>The provider chosen once per process, as the class summary describes.</summary>
    public static IDenseProvider Default => DefaultProvider.Value;

    /// <summary>
    /// The provider for a <c>ROM_DENSE</c> setting: null or empty picks OpenBLAS when it loads, else managed;
    /// "managed" and "openblas" force one. Throws <see cref="ArgumentException"/> for any other value and
    /// <see cref="InvalidOperationException"/> when "openblas" is forced but cannot be loaded.
    /// </summary>
    public static IDenseProvider Choose(string? setting)
    {
        switch (setting?.Trim().ToLowerInvariant())
        {
            case null or "":
                return OpenBlasProvider.TryLoad(out _) ?? (IDenseProvider)ManagedProvider.Instance;
            case "managed":
                return ManagedProvider.Instance;
            case "openblas":
                return OpenBlasProvider.TryLoad(out string reason)
                    ?? throw new InvalidOperationException($"{EnvironmentVariable}=openblas, but OpenBLAS cannot be used: {reason}");
            default:
                throw new ArgumentException($"{EnvironmentVariable} = '{setting}', expected 'managed', 'openblas' or unset.", nameof(setting));
        }
    }
}
