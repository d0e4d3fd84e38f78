namespace Rom.GaussianProcesses;

/// <summary>
/// A nonlinearity applied point by point, N(u) = a₁u + a₂u² + a₃u³, added to a <see cref="LinearPdeOperator"/>:
/// L u + N(u) = f. A polynomial keeps the term and its derivative exact and cheap and covers Allen–Cahn
/// (<see cref="AllenCahn"/>); a constant term belongs in f.
/// </summary>
/// <param name="Linear">a₁.</param>
/// <param name="Quadratic">a₂.</param>
/// <param name="Cubic">a₃.</param>
public sealed record PointwiseTerm(double Linear, double Quadratic, double Cubic)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first coefficient that is not finite.</summary>
    public void Validate()
    {
        foreach (var (name, value) in new[] { (nameof(Linear), Linear), (nameof(Quadratic), Quadratic), (nameof(Cubic), Cubic) })
            if (!double.IsFinite(value))
                throw new ArgumentException($"{name} = {value}; expected a finite coefficient.", name);
    }

    /// <summary>c (u³ − u): the reference's Allen–Cahn term u(u² − 1) at c = 1.</summary>
    public static PointwiseTerm AllenCahn(double coefficient = 1) => new(-coefficient, 0, coefficient);

    /// <summary>N(u).</summary>
    public double Value(double u) => u * (Linear + u * (Quadratic + u * Cubic));

    /// <summary>N′(u) = a₁ + 2a₂u + 3a₃u².</summary>
    public double Derivative(double u) => Linear + u * (2 * Quadratic + 3 * Cubic * u);
}
