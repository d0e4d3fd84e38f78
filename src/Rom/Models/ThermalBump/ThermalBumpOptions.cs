using Rom.Models.ThermalBlock;

namespace Rom.Models.ThermalBump;

/// <summary>
/// Settings of the thermal block with a Gaussian bump: d(x; μ) = μ_block(x) + h·exp(−|x − c|²/w²), with the
/// bump's centre c ∈ [CentreLower, CentreUpper]² and width w ∈ [WidthLower, WidthUpper] as parameters.
/// </summary>
/// <param name="Blocks">The thermal block underneath: blocks, mesh, conductivity range, source.</param>
/// <param name="Height">Bump height h ≥ 0 (a fixed number).</param>
/// <param name="CentreLower">Smallest coordinate of the bump centre.</param>
/// <param name="CentreUpper">Largest coordinate of the bump centre.</param>
/// <param name="WidthLower">Smallest bump width.</param>
/// <param name="WidthUpper">Largest bump width.</param>
public sealed record ThermalBumpOptions(
    ThermalBlockOptions Blocks,
    double Height = 1.0,
    double CentreLower = 0.35,
    double CentreUpper = 0.65,
    double WidthLower = 0.25,
    double WidthUpper = 0.35)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Blocks);
        Blocks.Validate();
        if (!(Height >= 0 && double.IsFinite(Height)))
            throw new ArgumentOutOfRangeException(nameof(Height), Height, "The bump height must be finite and non-negative.");
        if (!(CentreLower >= 0 && CentreLower <= CentreUpper && CentreUpper <= 1))
            throw new ArgumentOutOfRangeException(nameof(CentreUpper), (CentreLower, CentreUpper), "The centre range must satisfy 0 ≤ lower ≤ upper ≤ 1.");
        if (!(WidthLower > 0 && WidthLower <= WidthUpper && double.IsFinite(WidthUpper)))
            throw new ArgumentOutOfRangeException(nameof(WidthUpper), (WidthLower, WidthUpper), "The width range must satisfy 0 < lower ≤ upper < ∞.");
    }
}
