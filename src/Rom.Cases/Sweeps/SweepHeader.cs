using Rom.Sweeps;

namespace Rom.Cases.Sweeps;

/// <summary>
/// What a sweep dataset or shard file says about itself in its root attributes (docs/case-format.md): written by every
/// run, read back by <c>rom sweep merge</c>, so a merged dataset describes itself as an unsharded run's does.
/// </summary>
/// <param name="Family">The family's name (<c>@family</c>).</param>
/// <param name="Systems">Systems in the whole sweep (<c>@systems</c>).</param>
/// <param name="Unknowns">Size n of every system (<c>@unknowns</c>).</param>
/// <param name="Grid">Shape of the grid the inputs and solutions are fields on (<c>@grid</c>, e.g. [65, 65]), or null
/// when the rows are not grid fields.</param>
/// <param name="Method">The solver's name (the case's <c>sweep.method</c>).</param>
/// <param name="Shard">"i/n" (<c>@shard</c>; "1/1" for a whole sweep).</param>
/// <param name="Identity">The sweep's identity (<c>@sweep_id</c>, <see cref="SweepCase.Identity"/>).</param>
public sealed record SweepHeader(string Family, int Systems, int Unknowns, IReadOnlyList<int>? Grid, string Method, string Shard, string Identity)
{
    /// <summary>The header of the dataset <paramref name="solver"/> computes.</summary>
    public static SweepHeader Of(SweepSolver solver, string identity)
    {
        ArgumentNullException.ThrowIfNull(solver);
        return new(solver.Family.Name, solver.Family.Count, solver.Family.Unknowns, solver.Family.StoredGrid?.Shape,
            solver.Options.Solver.Method, solver.Shard.ToString(), identity);
    }

    /// <summary>Writes the root attributes (<c>@grid</c> only when there is a grid).</summary>
    public void WriteTo(DataGroup root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Attributes["family"] = DataArray.Scalar(Family);
        root.Attributes["systems"] = DataArray.Scalar((long)Systems);
        root.Attributes["unknowns"] = DataArray.Scalar((long)Unknowns);
        if (Grid is not null)
            root.Attributes["grid"] = DataArray.Of(Grid.Select(n => (long)n).ToArray());
        root.Attributes["shard"] = DataArray.Scalar(Shard);
        root.Attributes["sweep_id"] = DataArray.Scalar(Identity);
    }

    /// <summary>Reads the header of a file <c>rom sweep</c> wrote; a missing attribute is a <see cref="DataFileException"/> naming it.</summary>
    public static SweepHeader Read(DataGroup root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        string method = root.TryGetGroup("case/sweep", out var sweep) && sweep.Attributes.TryGetValue("method", out var m) && m.IsString ? m.AsStrings()[0] : "";
        int[]? grid = root.Attributes.TryGetValue("grid", out var g)
            ? g.IsInteger && g.Shape.Length == 1 ? g.AsLongs().Select(n => (int)n).ToArray() : throw new DataFileException(path, "/@grid", $"expected a list of integers, found {g}")
            : null;
        return new(Text(root, "family", path), (int)Integer(root, "systems", path), (int)Integer(root, "unknowns", path), grid, method,
            Text(root, "shard", path), Text(root, "sweep_id", path));
    }

    private static string Text(DataGroup root, string name, string path) =>
        root.Attributes.TryGetValue(name, out var a) && a.IsString && a.Count == 1
            ? a.AsStrings()[0]
            : throw new DataFileException(path, "/@" + name, "missing; expected a dataset written by rom sweep");

    private static long Integer(DataGroup root, string name, string path) =>
        root.Attributes.TryGetValue(name, out var a) && a.IsInteger && a.Count == 1
            ? a.AsLongs()[0]
            : throw new DataFileException(path, "/@" + name, "missing; expected a dataset written by rom sweep");
}
