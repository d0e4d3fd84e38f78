namespace Rom.Models.Darcy;

/// <summary>How <see cref="FluxDifferences"/> turns the coefficient at two neighbouring grid points into the coefficient of the face between them.</summary>
public enum FaceAverage
{
    /// <summary>2 a_p a_q / (a_p + a_q): the exact flux coefficient of a 1-D layered medium (resistances in series).</summary>
    Harmonic,
    /// <summary>(a_p + a_q) / 2: the face coefficient of the FNO paper's Darcy generator (its solve_gwf).</summary>
    Arithmetic,
}
