using Rom.Krylov.Preconditioners;
using Rom.Krylov.Recycling;

namespace Rom.Krylov;

/// <summary>
/// The registry of solvers and preconditioners by name: the single solve of a case, the sweep and the benchmark all
/// choose from it, and the settings' choices and help texts are generated from it.
/// </summary>
public static class KrylovSolvers
{
    /// <summary>The methods, independent solvers first, then the recycling ones.</summary>
    public static IReadOnlyList<KrylovMethod> Methods { get; } =
    [
        new("cg", "SPD", NeedsSpd: true, Recycles: false, IsDirect: false, s => new ConjugateGradient(s.Stopping)),
        new("minres", "symmetric", NeedsSpd: true, Recycles: false, IsDirect: false, s => new Minres(s.Stopping)),
        new("gmres", "any square matrix", NeedsSpd: false, Recycles: false, IsDirect: false,
            s => new Gmres(new GmresOptions(s.Restart) { Stopping = s.Stopping })),
        new("bicgstab", "any square matrix", NeedsSpd: false, Recycles: false, IsDirect: false, s => new BiCgStab(s.Stopping)),
        new("cholesky", "sparse direct, SPD", NeedsSpd: true, Recycles: false, IsDirect: true, _ => new SparseCholeskySolver()),
        new("gcro-dr", "GMRES recycling from system to system", NeedsSpd: false, Recycles: true, IsDirect: false,
            s => new GcroDr(new GcroDrOptions(s.Restart, s.RecycleSize) { Stopping = s.Stopping })),
        new("deflated-cg", "CG recycling from system to system, SPD", NeedsSpd: true, Recycles: true, IsDirect: false,
            s => new DeflatedCg(new DeflatedCgOptions(s.RecycleSize) { Stopping = s.Stopping })),
    ];

    /// <summary>The preconditioners.</summary>
    public static IReadOnlyList<PreconditionerKind> Preconditioners { get; } =
    [
        new("none", "no preconditioner", NeedsSpd: false, null),
        new("jacobi", "diagonal", NeedsSpd: false, a => new JacobiPreconditioner(a)),
        new("ssor", "symmetric SOR", NeedsSpd: false, a => new SsorPreconditioner(a)),
        new("ilu0", "incomplete LU without fill", NeedsSpd: false, a => new Ilu0Preconditioner(a)),
        new("ic0", "incomplete Cholesky without fill, SPD", NeedsSpd: true, a => new IncompleteCholeskyPreconditioner(a)),
        new("amg", "smoothed-aggregation AMG, SPD", NeedsSpd: true, a => new SmoothedAggregationPreconditioner(a)),
        new("amg-reuse", "AMG whose aggregates and prolongators come from the first system and are reused, SPD", NeedsSpd: true,
            a => new SmoothedAggregationPreconditioner(a), (first, a) => ((SmoothedAggregationPreconditioner)first).Reuse(a)),
    ];

    /// <summary>The method called <paramref name="name"/>; otherwise an <see cref="ArgumentException"/> for <paramref name="parameter"/> listing the names.</summary>
    public static KrylovMethod Method(string name, string parameter = "Method") =>
        Methods.FirstOrDefault(m => m.Name == name) ?? throw Unknown(parameter, name, Methods.Select(m => m.Name));

    /// <summary>The preconditioner called <paramref name="name"/>; otherwise an <see cref="ArgumentException"/> for <paramref name="parameter"/> listing the names.</summary>
    public static PreconditionerKind Preconditioner(string name, string parameter = "Preconditioner") =>
        Preconditioners.FirstOrDefault(p => p.Name == name) ?? throw Unknown(parameter, name, Preconditioners.Select(p => p.Name));

    private static ArgumentException Unknown(string parameter, string name, IEnumerable<string> names) =>
        new($"{parameter} is '{name}'; expected one of {string.Join(", ", names.Select(n => $"'{n}'"))}.", parameter);
}
