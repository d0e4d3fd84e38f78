using Rom.LinearAlgebra;
using Rom.Models.Darcy;

namespace Rom.Krylov.Sweeps;

/// <summary>SKR's non-symmetric Darcy systems (<see cref="SkrDarcyFamily.System"/>); the field is a = exp(g), s × s row-major.</summary>
public sealed class SkrDarcySystems(SkrDarcyFamily family) : ISystemFamily
{
    private readonly SkrDarcyFamily _family = family ?? throw new ArgumentNullException(nameof(family));

    /// <inheritdoc />
    public string Name => "skr-darcy";

    /// <inheritdoc />
    public int Count => _family.Options.Count;

    /// <inheritdoc />
    public int Unknowns => _family.Unknowns;

    /// <inheritdoc />
    public bool IsSymmetricPositiveDefinite => false;

    /// <inheritdoc />
    public double[] Field(int index) => _family.Field(index).Cast<double>().ToArray();

    /// <inheritdoc />
    public (CsrMatrix A, double[] B) System(int index) => _family.System(index);
}
