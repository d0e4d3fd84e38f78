using System.Numerics;
using Rom.Spectral;

namespace Rom.SpectralSolvers;

/// <summary>
/// The classical solver of u_t = ν u_xx + ρ u(1 − u) on the periodic [0, 1): Fourier pseudo-spectral in x on
/// <see cref="Points"/> equispaced points, the reaction evaluated on the grid with the 2/3 dealiasing rule (the 3/2
/// rule's truncation), and <see cref="Etdrk4"/> in t, the stiff diffusion integrated exactly.
/// </summary>
public sealed class ReactionDiffusionEtdrk4
{
    private readonly RealFftPlan _fft;
    private readonly double[] _linear;
    private readonly int _kept;
    /// <summary>A solver on <paramref name="points"/> grid points taking <paramref name="steps"/> equal steps over [0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">ν not positive, ρ not finite, fewer than 4 points or an odd count, fewer than 1 step.</exception>
    public ReactionDiffusionEtdrk4(double diffusion, double reaction, int points, int steps)
    {
        if (!(diffusion > 0) || !double.IsFinite(diffusion))
            throw new ArgumentOutOfRangeException(nameof(diffusion), diffusion, "The diffusion coefficient ν must be positive and finite.");
        if (!double.IsFinite(reaction))
            throw new ArgumentOutOfRangeException(nameof(reaction), reaction, "The reaction coefficient ρ must be finite.");
        if (points < 4 || points % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(points), points, "The grid needs an even number of at least 4 points.");
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        (Diffusion, Reaction, Points, Steps) = (diffusion, reaction, points, steps);
        _fft = new RealFftPlan([points]);
        _kept = points / 3;
        _linear = [.. Enumerable.Range(0, points / 2 + 1).Select(k => -diffusion * Math.Pow(2 * Math.PI * k, 2))];
    }

    /// <summary>ν.</summary>
    public double Diffusion { get; }

    /// <summary>ρ.</summary>
    public double Reaction { get; }

    /// <summary>Grid points x_j = j / Points.</summary>
    public int Points { get; }

    /// <summary>Time steps over [0, 1].</summary>
    public int Steps { get; }

    /// <summary>
    /// u at the <paramref name="snapshots"/> times t_i = i / (snapshots − 1) (rows) on the grid (columns), from the initial
    /// values <paramref name="initial"/> on the grid.
    /// </summary>
    /// <exception cref="ArgumentException">Initial values of another length or not finite, fewer than 2 snapshots, or steps that are not a multiple of snapshots − 1.</exception>
    /// <exception cref="ArithmeticException">The solution stops being finite (naming the time).</exception>
    public double[,] Solve(ReadOnlySpan<double> initial, int snapshots)
    {
        if (initial.Length != Points)
            throw new ArgumentException($"initial has {initial.Length} values; the grid has {Points} points.", nameof(initial));
        int m = Points / 2 + 1, every = Etdrk4.SnapshotInterval(initial, Steps, snapshots);
        var result = new double[snapshots, Points];
        var v = new Complex[m];
        var values = new double[Points];
        var scheme = new Etdrk4(_linear, 1.0 / Steps);
        initial.CopyTo(values);
        _fft.Forward(values, v);
        Record(result, 0, initial);
        for (int step = 1; step <= Steps; step++)
        {
            scheme.Step(v, (state, n) => Nonlinear(state, n, values));
            if (step % every == 0)
            {
                _fft.Inverse(v, values);
                for (int j = 0; j < Points; j++)
                    if (!double.IsFinite(values[j]))
                        throw new ArithmeticException($"the solution is not finite at t = {(double)step / Steps}; take more steps.");
                Record(result, step / every, values);
            }
        }
        return result;
    }

    /// <summary>The transform of ρ u(1 − u) for u with transform <paramref name="v"/>, modes above N/3 removed.</summary>
    private void Nonlinear(Complex[] v, Complex[] result, double[] values)
    {
        _fft.Inverse(v, values);
        for (int j = 0; j < values.Length; j++)
            values[j] = Reaction * values[j] * (1 - values[j]);
        _fft.Forward(values, result);
        for (int k = _kept + 1; k < result.Length; k++)
            result[k] = 0;
    }

    private static void Record(double[,] result, int row, ReadOnlySpan<double> values)
    {
        for (int j = 0; j < values.Length; j++)
            result[row, j] = values[j];
    }
}
