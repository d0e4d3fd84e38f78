namespace Rom.Krylov;

/// <summary>
/// A plane rotation [c s; −s c] (Saad, 2nd ed., §6.5.3), used by GMRES and MINRES to reduce their
/// Hessenberg/tridiagonal matrices to triangular form one column at a time.
/// </summary>
/// <param name="C">The cosine c.</param>
/// <param name="S">The sine s.</param>
internal readonly record struct GivensRotation(double C, double S)
{
    /// <summary>The rotation that maps (a, b) to (r, 0), with r = √(a² + b²) returned; the identity when a = b = 0.</summary>
    public static GivensRotation Zeroing(double a, double b, out double r)
    {
        if (b == 0)
        {
            r = a;
            return new GivensRotation(1, 0);
        }
        // Scaled to avoid overflow in a² + b².
        double scale = Math.Abs(a) + Math.Abs(b);
        double an = a / scale, bn = b / scale;
        double norm = Math.Sqrt(an * an + bn * bn);
        r = scale * norm;
        return new GivensRotation(an / norm, bn / norm);
    }

    /// <summary>Returns (c x + s y, −s x + c y).</summary>
    public (double X, double Y) Apply(double x, double y) => (C * x + S * y, -S * x + C * y);
}
