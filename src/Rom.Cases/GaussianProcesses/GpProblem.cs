namespace Rom.Cases.GaussianProcesses;

/// <summary>
/// A linear problem L u = f with a known solution u, as the GP-HM paper's experiments pose them (Fang et al., ICLR 2024;
/// the reference code's <c>config/*.yaml</c>): f = L u and the Dirichlet data u on the boundary of [0, b]^d. L is the
/// Laplacian u_xx (+ u_yy + u_zz) unless <paramref name="Operator"/> says otherwise.
/// </summary>
/// <param name="Name">The value of <c>problem.name</c>, e.g. "poisson1d-sin6x-cos100x".</param>
/// <param name="Dimensions">d.</param>
/// <param name="DomainEnd">b; the domain is [0, b]^d (2π or 1, as the reference's <c>scale</c>).</param>
/// <param name="Points">Collocation points per dimension when <c>problem.points</c> is 0.</param>
/// <param name="FrequencyScale">The reference's <c>freq_scale</c>: initial frequencies spread on [0, this].</param>
/// <param name="Formula">u, as the reference's comment writes it.</param>
/// <param name="Exact">u at a point.</param>
/// <param name="Source">f = L u at a point.</param>
/// <param name="Operator">L, e.g. "u_y + 200*u_x" (<see cref="GpOperatorText"/>); null for the Laplacian.</param>
/// <param name="BoundaryWeight">The reference's <c>llk_weight</c> for this problem.</param>
public sealed record GpProblem(string Name, int Dimensions, double DomainEnd, int Points, double FrequencyScale, string Formula,
    Func<double[], double> Exact, Func<double[], double> Source, string? Operator = null, double BoundaryWeight = 200)
{
    private const double TwoPi = 2 * Math.PI;

    /// <summary>The paper's Poisson problems and a 3-D demonstration, by name.</summary>
    public static IReadOnlyList<GpProblem> All { get; } =
    [
        new("poisson1d-sin100x", 1, TwoPi, 400, 20, "sin(100x)",
            p => Math.Sin(100 * p[0]), p => -1e4 * Math.Sin(100 * p[0])),
        new("poisson1d-sin6x-cos100x", 1, TwoPi, 300, 20, "sin(6x)·cos(100x)",
            p => Math.Sin(6 * p[0]) * Math.Cos(100 * p[0]),
            p => -10036 * Math.Sin(6 * p[0]) * Math.Cos(100 * p[0]) - 1200 * Math.Cos(6 * p[0]) * Math.Sin(100 * p[0])),
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
    ];

    /// <summary>The problem named <paramref name="name"/>, or null.</summary>
    public static GpProblem? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    private static double SinCos(double x) => Math.Sin(6 * x) * Math.Cos(20 * x);

    private static double SinCosSecond(double x) => -436 * Math.Sin(6 * x) * Math.Cos(20 * x) - 240 * Math.Cos(6 * x) * Math.Sin(20 * x);
}
