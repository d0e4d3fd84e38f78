namespace Rom.Krylov;

/// <summary>An approximate inverse M⁻¹ applied to a residual: z = M⁻¹ r.</summary>
public interface IPreconditioner
{
    /// <summary>Computes z = M⁻¹ r, overwriting z.</summary>
    void Apply(ReadOnlySpan<double> r, Span<double> z);
}
