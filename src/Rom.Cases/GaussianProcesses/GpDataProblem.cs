using Rom.GaussianProcesses;

namespace Rom.Cases.GaussianProcesses;

/// <summary>
/// A <c>gp-pde</c> problem given as grid data in the case file (<c>problem.name = data</c>): the source f in
/// <c>/data/source</c>, a float dataset whose shape is the grid's points per axis (n or n₁ × n₂), the Dirichlet data
/// in <c>/data/boundary</c> of the same shape (read at the boundary points only), and optionally the exact solution in
/// <c>/data/exact</c> for the errors. The grid spans [0, problem.domain_end] on every axis; L is problem.operator.
/// </summary>
internal static class GpDataProblem
{
    /// <summary>The value of <c>problem.name</c> that reads the problem from <c>/data</c>.</summary>
    public const string Name = "data";

    /// <summary>The problem and exact solution on the data's grid; bad input is a <see cref="CaseInputException"/> naming the dataset or setting.</summary>
    public static (GpPdeProblem Problem, double[]? Exact) Read(CaseSettings s, DataGroup? root, string? path)
    {
        int dimensions = (int)s.Integer("problem.dimensions");
        if (root is null || !root.TryGetDataset("data/source", out var source))
            throw new CaseInputException("/data/source", "nothing (dataset missing)", $"a float dataset with one axis per grid dimension ({dimensions}) for problem.name = data", path);
        var shape = source.Shape;
        if (!source.IsFloat || shape.Length != dimensions || shape.Any(n => n < 3))
            throw new CaseInputException("/data/source", source.ToString(), $"a float dataset of {dimensions} axes with at least 3 points each (problem.dimensions = {dimensions})", path);
        if (s.Integer("problem.points") is var points and > 0 && shape.Any(n => n != points))
            throw new CaseInputException("problem.points", points.ToString(CultureInfo.InvariantCulture), $"0 or the data's points per axis ({Shape(shape)})");
        if (s.Text("study.points").Trim().Length > 0)
            throw new CaseInputException("study.points", $"'{s.Text("study.points")}'", "'' for problem.name = data: the data fix the grid");
        double end = s.Real("problem.domain_end");
        var grid = new TensorGrid(new double[dimensions], Enumerable.Repeat(end, dimensions).ToArray(), shape);
        var op = GpOperatorText.Parse(s.Text("problem.operator"), dimensions, "problem.operator");
        var f = Finite(source, "/data/source", shape, path, _ => true);
        var g = Finite(Dataset(root, "data/boundary", shape, path), "/data/boundary", shape, path, grid.IsBoundary);
        double[]? exact = root.TryGetDataset("data/exact", out _) ? Finite(Dataset(root, "data/exact", shape, path), "/data/exact", shape, path, _ => true) : null;
        return (new GpPdeProblem(grid, op, f, g, GpCase.Nonlinearity(s)), exact);
    }

    private static DataArray Dataset(DataGroup root, string name, int[] shape, string? path)
    {
        if (!root.TryGetDataset(name, out var data))
            throw new CaseInputException("/" + name, "nothing (dataset missing)", $"a float dataset of shape [{Shape(shape)}] like /data/source", path);
        if (!data.IsFloat || !data.Shape.SequenceEqual(shape))
            throw new CaseInputException("/" + name, data.ToString(), $"a float dataset of shape [{Shape(shape)}] like /data/source", path);
        return data;
    }

    /// <summary>The values, refusing a non-finite one at an index where <paramref name="read"/> holds.</summary>
    private static double[] Finite(DataArray data, string name, int[] shape, string? path, Func<int, bool> read)
    {
        var values = data.AsDoubles();
        int bad = Enumerable.Range(0, values.Length).FirstOrDefault(i => read(i) && !double.IsFinite(values[i]), -1);
        if (bad >= 0)
            throw new CaseInputException($"{name}[{bad}]", values[bad].ToString(CultureInfo.InvariantCulture), "a finite number", path);
        return values;
    }

    private static string Shape(int[] shape) => string.Join(", ", shape);
}
