using Rom.Neural.Models;
using Rom.Tensors;

namespace Rom.Cases.Neural;

/// <summary>
/// Reads the fields a neural operator learns from, in either layout Rom knows (docs/case-format.md#kind-fno): neuraloperator's
/// (root datasets such as <c>x</c> [samples, X, Y] bool or float and <c>y</c> [samples, X, Y] float, optionally with a
/// channel axis after the samples) or a <c>rom sweep</c> dataset (<c>/inputs</c>, <c>/solutions</c> [samples, s·s] on
/// <c>@grid</c>), picked by which datasets exist. Every problem is a <see cref="CaseInputException"/> naming the file,
/// the dataset and, for a non-finite value, the sample.
/// </summary>
public static class FieldDataReader
{
    /// <summary>
    /// The first <paramref name="samples"/> samples (0: all) of <paramref name="path"/>, checked against the model's
    /// axes, channels and modes. Targets are required when <paramref name="requireTargets"/>, else read when present.
    /// </summary>
    public static FieldData Read(string path, string inputDataset, string targetDataset, FnoOptions model, int samples = 0, bool requireTargets = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        var root = Hdf5File.Read(path);
        string layout;
        Tensor<float> inputs;
        Tensor<float>? targets = null;
        string? targetName = null;
        if (root.Datasets.ContainsKey(inputDataset))
        {
            layout = "neuraloperator";
            inputs = Fields(root, path, inputDataset, model.Dimensions, grid: null);
            if (root.Datasets.ContainsKey(targetDataset))
                (targets, targetName) = (Fields(root, path, targetDataset, model.Dimensions, grid: null), targetDataset);
        }
        else if (root.Datasets.ContainsKey("inputs") && root.Datasets.ContainsKey("solutions"))
        {
            layout = "sweep";
            if (!root.Attributes.TryGetValue("grid", out var g) || !g.IsInteger || g.Shape.Length != 1)
                throw new CaseInputException("/@grid", g?.ToString() ?? "nothing", "the grid of a rom sweep dataset of fields (a family with a stored grid, e.g. fno-darcy)", path);
            int[] grid = [.. g.AsLongs().Select(n => (int)n)];
            inputs = Fields(root, path, "inputs", model.Dimensions, grid);
            (targets, targetName) = (Fields(root, path, "solutions", model.Dimensions, grid), "solutions");
        }
        else
            throw new CaseInputException("/" + inputDataset, "nothing (no such dataset)",
                $"a dataset '{inputDataset}' (neuraloperator's layout) or '/inputs' and '/solutions' (a rom sweep dataset)", path);

        if (targets is null && requireTargets)
            throw new CaseInputException("/" + targetDataset, "nothing (no such dataset)", $"the target fields beside '/{inputDataset}'", path);
        if (targets is not null && (targets.Extent(0) != inputs.Extent(0) || !targets.Shape.Skip(2).SequenceEqual(inputs.Shape.Skip(2))))
            throw new CaseInputException("/" + targetName, ShapeText(targets), $"the samples and resolution of /{(layout == "sweep" ? "inputs" : inputDataset)} {ShapeText(inputs)}", path);

        int available = inputs.Extent(0);
        if (samples > available)
            throw new CaseInputException("/" + (layout == "sweep" ? "inputs" : inputDataset), $"{available} samples", $"at least the {samples} the case asks for", path);
        if (samples > 0 && samples < available)
        {
            inputs = FieldData.Slice(inputs, 0, samples);
            targets = targets is null ? null : FieldData.Slice(targets, 0, samples);
        }

        string inputName = layout == "sweep" ? "inputs" : inputDataset;
        CheckChannels(inputs, model.InChannels, "model.in_channels", inputName, path);
        if (targets is not null)
            CheckChannels(targets, model.OutChannels, "model.out_channels", targetName!, path);
        int[] resolution = [.. inputs.Shape.Skip(2)], blocks;
        try
        {
            blocks = model.BlockResolution(resolution);
        }
        catch (ArgumentException)
        {
            int divisor = 1 << (2 * model.MultigridLevels);
            throw new CaseInputException("/" + inputName, $"resolution {string.Join("×", resolution)}",
                $"a resolution that divides by 4^{model.MultigridLevels} = {divisor} (model.mg_levels = {model.MultigridLevels}: {1 << model.MultigridLevels} patches per axis, each coarsened up to {1 << model.MultigridLevels}-fold)", path);
        }
        if (blocks.Where((n, a) => n < model.Modes[a]).Any())
            throw new CaseInputException("/" + inputName, $"resolution {string.Join("×", resolution)}" + (model.MultigridLevels > 0 ? $" (multigrid patches {string.Join("×", blocks)})" : ""),
                $"at least model.n_modes = [{string.Join(", ", model.Modes)}] points per axis{(model.MultigridLevels > 0 ? " of every multigrid patch" : "")} (an FNO keeps that many Fourier modes)", path);
        return new FieldData(path, layout, inputName, inputs, targetName, targets);
    }

    /// <summary>
    /// A dataset as (samples, channels, N…) floats: [samples, N…] (one channel) or [samples, channels, N…], or a sweep's
    /// [samples, s·s] rows on <paramref name="grid"/> (one channel). Non-finite values are refused with their sample.
    /// </summary>
    private static Tensor<float> Fields(DataGroup root, string path, string name, int dimensions, int[]? grid)
    {
        var a = root.Datasets[name];
        string field = "/" + name;
        if (a.IsString)
            throw new CaseInputException(field, a.ToString(), "numbers (float, integer or bool)", path);
        int[] shape;
        if (grid is not null)
        {
            int points = grid.Aggregate(1, (p, n) => p * n);
            if (grid.Length != dimensions || a.Shape is not [var m, var length] || length != points)
                throw new CaseInputException(field, $"{a} on @grid [{string.Join(", ", grid)}]",
                    $"[samples, {points}] rows on a {dimensions}-D grid (model.n_modes has {dimensions} entries)", path);
            shape = [m, 1, .. grid];
        }
        else if (a.Shape.Length == dimensions + 1)
            shape = [a.Shape[0], 1, .. a.Shape.Skip(1)];
        else if (a.Shape.Length == dimensions + 2)
            shape = a.Shape;
        else
        {
            string axes = string.Join(", ", Enumerable.Range(0, dimensions).Select(i => "XYZ"[i]));
            throw new CaseInputException(field, a.ToString(),
                $"[samples, {axes}] or [samples, channels, {axes}] (model.n_modes has {dimensions} entries, so {dimensions}-D fields)", path);
        }
        var values = a.AsDoubles();
        int perSample = shape[0] == 0 ? 0 : values.Length / shape[0];
        var data = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            float v = (float)values[i];
            if (!float.IsFinite(v))
                throw new CaseInputException($"{field}[{i / perSample}]", v.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"finite values (sample {i / perSample} has a non-finite value; float32 holds at most ±3.4e38)", path);
            data[i] = v;
        }
        return new Tensor<float>(shape, data);
    }

    private static void CheckChannels(Tensor<float> fields, int expected, string setting, string name, string path)
    {
        if (fields.Extent(1) != expected)
            throw new CaseInputException("/" + name, $"{fields.Extent(1)} channels ({ShapeText(fields)} as samples, channels, N…)", $"{setting} = {expected}", path);
    }

    private static string ShapeText(Tensor<float> t) => $"[{string.Join(", ", t.Shape)}]";
}
