using Rom.LinearAlgebra;
using Rom.Models.Darcy;

namespace Rom.Krylov.Sweeps;

/// <summary>
/// SKR's Helmholtz systems (<see cref="SkrDarcyFamily.HelmholtzSystem"/>, non-symmetric and indefinite); the field
/// is a = exp(g), s × s row-major, followed by the wavenumber k as one more value.
/// </summary>
public sealed class SkrHelmholtzSystems(SkrDarcyFamily family) : ISystemFamily
{
    private readonly SkrDarcyFamily _family = family ?? throw new ArgumentNullException(nameof(family));

    /// <inheritdoc />
    public string Name => "skr-helmholtz";

    /// <inheritdoc />
    public int Count => _family.Options.Count;

    /// <inheritdoc />
    public int Unknowns => _family.Unknowns;

    /// <inheritdoc />
    public bool IsSymmetricPositiveDefinite => false;

    /// <inheritdoc />
    public double[] Field(int index) => [.. _family.Field(index).Cast<double>(), _family.Wavenumber(index)];

    /// <inheritdoc />
    public (CsrMatrix A, double[] B) System(int index) => _family.HelmholtzSystem(index);
}
