using Rom.GaussianProcesses;

namespace Rom.Cases.GaussianProcesses;

/// <summary>
/// A problem L u + N(u) = f with a known solution u, as the GP-HM paper's experiments pose them (Fang et al., ICLR 2024;
/// the reference code's <c>config/*.yaml</c>): f = L u + N(u) and the Dirichlet data u on the boundary of [0, b]^d. L is
/// the Laplacian u_xx (+ u_yy + u_zz) unless <paramref name="Operator"/> says otherwise; N is absent (a linear PDE)
/// unless <paramref name="Nonlinearity"/> gives it.
/// </summary>
/// <param name="Name">The value of <c>problem.name</c>, e.g. "poisson1d-sin6x-cos100x".</param>
/// <param name="Dimensions">d.</param>
/// <param name="DomainEnd">b; the domain is [0, b]^d (2π or 1, as the reference's <c>scale</c>).</param>
/// <param name="Points">Collocation points per dimension when <c>problem.points</c> is 0.</param>
/// <param name="FrequencyScale">The reference's <c>freq_scale</c>: initial frequencies spread on [0, this].</param>
/// <param name="Formula">u, as the reference's comment writes it.</param>
/// <param name="Exact">u at a point.</param>
/// <param name="Source">f = L u + N(u) at a point.</param>
/// <param name="Operator">L, e.g. "u_y + 200*u_x" (<see cref="GpOperatorText"/>); null for the Laplacian.</param>
/// <param name="BoundaryWeight">The reference's <c>llk_weight</c> for this problem.</param>
/// <param name="Nonlinearity">N, e.g. Allen–Cahn's u³ − u; null for a linear PDE.</param>
public sealed record GpProblem(string Name, int Dimensions, double DomainEnd, int Points, double FrequencyScale, string Formula,
    Func<double[], double> Exact, Func<double[], double> Source, string? Operator = null, double BoundaryWeight = 200,
    PointwiseTerm? Nonlinearity = null)
{
    private const double TwoPi = 2 * Math.PI;

    private static readonly GpProblem Sin100 = new("poisson1d-sin100x", 1, TwoPi, 400, 20, "sin(100x)",
        p => Math.Sin(100 * p[0]), p => -1e4 * Math.Sin(100 * p[0]));

    private static readonly GpProblem Sin6Cos100 = new("poisson1d-sin6x-cos100x", 1, TwoPi, 300, 20, "sin(6x)·cos(100x)",
        p => Math.Sin(6 * p[0]) * Math.Cos(100 * p[0]),
        p => -10036 * Math.Sin(6 * p[0]) * Math.Cos(100 * p[0]) - 1200 * Math.Cos(6 * p[0]) * Math.Sin(100 * p[0]));

    /// <summary>The paper's Poisson and Allen–Cahn problems and a 3-D demonstration, by name.</summary>
    public static IReadOnlyList<GpProblem> All { get; } =
    [
        Sin100,
        Sin6Cos100,
        new("poisson1d-mix", 1, 1, 900, 30, "sin(x) + 0.1·sin(20x) + 0.05·cos(100x)",
            p => Math.Sin(p[0]) + 0.1 * Math.Sin(20 * p[0]) + 0.05 * Math.Cos(100 * p[0]),
            p => -Math.Sin(p[0]) - 40 * Math.Sin(20 * p[0]) - 500 * Math.Cos(100 * p[0])),
        new("poisson1d-x-sin200x", 1, TwoPi, 900, 50, "x·sin(200x)",
            p => p[0] * Math.Sin(200 * p[0]), p => 400 * Math.Cos(200 * p[0]) - 4e4 * p[0] * Math.Sin(200 * p[0])),
        new("poisson2d-sin100x-sin100y", 2, TwoPi, 300, 20, "sin(100x)·sin(100y)",
            p => Math.Sin(100 * p[0]) * Math.Sin(100 * p[1]), p => -2e4 * Math.Sin(100 * p[0]) * Math.Sin(100 * p[1])),
        new("poisson2d-sin6x-cos20x", 2, TwoPi, 200, 20, "sin(6x)·cos(20x) + sin(6y)·cos(20y)",
            p => SinCos(p[0]) + SinCos(p[1]), p => SinCosSecond(p[0]) + SinCosSecond(p[1])),
        new("advection-sin", 2, 1, 200, 40, "sin(x − 200y) for u_y + 200·u_x = 0 (y as time)",
            p => Math.Sin(p[0] - 200 * p[1]), p => 0, "u_y + 200*u_x", BoundaryWeight: 500),
        new("poisson3d-sin6", 3, TwoPi, 40, 5, "sin(6x)·sin(6y)·sin(6z)",
            p => Math.Sin(6 * p[0]) * Math.Sin(6 * p[1]) * Math.Sin(6 * p[2]), p => -108 * Math.Sin(6 * p[0]) * Math.Sin(6 * p[1]) * Math.Sin(6 * p[2])),
        AllenCahn(Sin100 with { Name = "allencahn1d-sin100x" }),
        AllenCahn(Sin6Cos100 with { Name = "allencahn1d-sin6x-cos100x", Points = 400 }),
        AllenCahn(new("allencahn2d-mix", 2, 1, 400, 30, "(sin x + 0.1·sin 20x + cos 100x)·(sin y + 0.1·sin 20y + cos 100y)",
            p => Mix(p[0]) * Mix(p[1]), p => MixSecond(p[0]) * Mix(p[1]) + Mix(p[0]) * MixSecond(p[1]))),
    ];

    /// <summary>The problem named <paramref name="name"/>, or null.</summary>
    public static GpProblem? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>
    /// The reference's Allen–Cahn form of a problem with the same u and the Laplacian: u_xx (+ u_yy) + u(u² − 1) = f
    /// (<c>model_GP_solver_1d.py</c>, <c>model_GP_solver_2d.py</c>), f = L u + u³ − u from the Laplacian's source.
    /// </summary>
    private static GpProblem AllenCahn(GpProblem laplace)
    {
        var n = PointwiseTerm.AllenCahn();
        return laplace with
        {
            Formula = laplace.Formula + " for Δu + u(u² − 1) = f",
            Source = p => laplace.Source(p) + n.Value(laplace.Exact(p)),
            Nonlinearity = n,
        };
    }

    private static double Mix(double x) => Math.Sin(x) + 0.1 * Math.Sin(20 * x) + Math.Cos(100 * x);

    private static double MixSecond(double x) => -Math.Sin(x) - 40 * Math.Sin(20 * x) - 1e4 * Math.Cos(100 * x);

    private static double SinCos(double x) => Math.Sin(6 * x) * Math.Cos(20 * x);

    private static double SinCosSecond(double x) => -436 * Math.Sin(6 * x) * Math.Cos(20 * x) - 240 * Math.Cos(6 * x) * Math.Sin(20 * x);
}
