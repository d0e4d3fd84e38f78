using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>
/// The operator whose Krylov spaces a GMRES-type method builds: A, M⁻¹A (left preconditioning) or A M⁻¹ (right),
/// each application one counted product with A; and the matching update of the iterate.
/// </summary>
internal sealed class PreconditionedOperator
{
    private readonly KrylovRun _run;
    private readonly IPreconditioner? _preconditioner;
    private readonly bool _left;
    private readonly double[] _z;

    /// <summary>The operator of <paramref name="run"/>'s A with <paramref name="preconditioner"/> (none: A itself) on <paramref name="side"/>.</summary>
    public PreconditionedOperator(KrylovRun run, IPreconditioner? preconditioner, PreconditionerSide side)
    {
        _run = run;
        _preconditioner = preconditioner;
        _left = preconditioner is not null && side == PreconditionerSide.Left;
        _z = new double[run.N];
    }

    /// <summary>w = A v, M⁻¹A v or A M⁻¹ v.</summary>
    public void Apply(ReadOnlySpan<double> v, Span<double> w)
    {
        if (_preconditioner is null)
            _run.Multiply(v, w);
        else if (_left)
        {
            _run.Multiply(v, _z);
            _preconditioner.Apply(_z, w);
        }
        else
        {
            _preconditioner.Apply(v, _z);
            _run.Multiply(_z, w);
        }
    }

    /// <summary>
    /// x ← x + M⁻¹t under right preconditioning (the solution of the preconditioned system maps back through M⁻¹),
    /// x ← x + t otherwise; returns the correction added, valid until the next call.
    /// </summary>
    public ReadOnlySpan<double> Correct(double[] t, double[] x)
    {
        ReadOnlySpan<double> dx = t;
        if (_preconditioner is not null && !_left)
        {
            _preconditioner.Apply(t, _z);
            dx = _z;
        }
        Vectors.Axpy(1, dx, x);
        return dx;
    }
}
