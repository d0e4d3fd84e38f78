using Rom.LinearAlgebra;
using Rom.Models.Darcy;

namespace Rom.Krylov.Sweeps;

/// <summary>The SPD Darcy systems of <see cref="DarcySpdFamily"/> in 2-D or 3-D; the field is a = exp(g) on the s^d grid.</summary>
public sealed class DarcySpdSystems(DarcySpdFamily family) : ISystemFamily
{
    private readonly DarcySpdFamily _family = family ?? throw new ArgumentNullException(nameof(family));

    /// <inheritdoc />
    public string Name => "darcy-spd";

    /// <inheritdoc />
    public int Count => _family.Options.Count;

    /// <inheritdoc />
    public int Unknowns => _family.Unknowns;

    /// <inheritdoc />
    public bool IsSymmetricPositiveDefinite => true;

    /// <inheritdoc />
    public double[] Field(int index) => _family.Field(index);

    /// <inheritdoc />
    public (CsrMatrix A, double[] B) System(int index) => _family.System(index);
}
