namespace Rom.GaussianProcesses;

/// <summary>
/// A linear operator L u = Σ_t c_t ∂^{k_t}u/∂x_{d_t}^{k_t} with constant coefficients and no mixed derivatives, which a
/// product kernel turns into Kronecker-structured matrices: the term on axis d acts as K_d^{(k,0)} K_d⁻¹ along that axis.
/// </summary>
public sealed class LinearPdeOperator
{
    /// <summary>Creates L from its terms; throws <see cref="ArgumentException"/> when there are none or one has order ∉ {1, 2}, a negative axis or a non-finite coefficient.</summary>
    public LinearPdeOperator(IReadOnlyList<DerivativeTerm> terms)
    {
        if (terms.Count == 0)
            throw new ArgumentException("terms is empty; the operator needs at least one derivative.", nameof(terms));
        foreach (var t in terms)
        {
            if (t.Order < 1 || t.Order > SpectralMixtureKernel.MaxOrder)
                throw new ArgumentException($"term on axis {t.Axis} has order {t.Order}; the kernel derivatives cover orders 1 to {SpectralMixtureKernel.MaxOrder}.", nameof(terms));
            if (t.Axis < 0)
                throw new ArgumentException($"term axis {t.Axis} is negative.", nameof(terms));
            if (!double.IsFinite(t.Coefficient))
                throw new ArgumentException($"term on axis {t.Axis} has coefficient {t.Coefficient}.", nameof(terms));
        }
        Terms = terms.ToArray();
    }

    /// <summary>The terms of L.</summary>
    public IReadOnlyList<DerivativeTerm> Terms { get; }

    /// <summary>The largest axis index a term uses plus one: the fewest grid dimensions L needs.</summary>
    public int Dimensions => Terms.Max(t => t.Axis) + 1;

    /// <summary>c Δu = c Σ_d ∂²u/∂x_d²; c = −1 gives the Poisson operator of −Δu = f, c = 1 the reference code's u_xx (+ u_yy) = f.</summary>
    public static LinearPdeOperator Laplacian(int dimensions, double coefficient = 1) =>
        new(Enumerable.Range(0, dimensions).Select(d => new DerivativeTerm(d, 2, coefficient)).ToArray());
}
