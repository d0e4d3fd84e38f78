using Rom.Cases.Settings;
using Rom.Parameters;
using Rom.Reduction;

namespace Rom.Cli.Commands;

/// <summary><c>rom eval RESULTS --set NAME=v1,v2,... [--json]</c>: evaluates a saved reduced model at a new parameter.</summary>
public static class EvalCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var results = new Argument<string>("results") { Description = "A results file written by 'rom run' with reduction.enabled=1." };
        var set = new Option<string[]>("--set")
        {
            Description = "Parameter values, e.g. --set diffusion=0.1,0.5,... (one value is used for every entry; 'mu' names the only parameter).",
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string?>("--out") { Description = "Also write the reduced solution u = V u_N at full size, its coefficients, outputs and bounds to this HDF5 file." };
        var json = CommandOptions.Json();
        var command = new Command("eval", "Evaluate a saved reduced model at a parameter: outputs, certified error bounds, time.") { results, set, output, json };
        command.SetAction(parse =>
        {
            string resultsPath = parse.GetRequiredValue(results);
            string? outPath = parse.GetValue(output) is { } o ? OutputFile.Prepare(o) : null;
            var saved = SavedReducedModel.Load(resultsPath);
            var mu = ParseParameter(saved.Space, parse.GetValue(set) ?? []);
            var evaluation = Evaluate(saved, mu);
            double seconds = Certification.OnlineSecondsPerParameter(saved.Model, [mu]); // warmed up, median of windows, as rom run
            if (outPath is not null)
                saved.WriteSolution(outPath, evaluation, Path.GetFullPath(resultsPath));
            if (parse.GetValue(json))
                context.Out.WriteLine(RunJson.Indented(Json(saved, evaluation, seconds, outPath)));
            else
                Table(context.Out, saved, evaluation, seconds, outPath);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Where the bounds are absolute in ‖·‖_X and what X is.</summary>
    private static string NormNote(SavedReducedModel saved) => $"absolute, in ‖·‖_X with X = {saved.EnergyProduct}";

    private const string SampledCaveat = "with the sampled coercivity α_S: not a guarantee";

    private static JsonObject Json(SavedReducedModel saved, SavedModelEvaluation e, double seconds, string? outPath)
    {
        var obj = new JsonObject
        {
            ["parameter"] = e.Mu.ToString(),
            ["basis_size"] = saved.Model.BasisSize,
            ["error_bound"] = JsonNumber.Of(e.Solution.ErrorBound),
            ["relative_error_bound"] = JsonNumber.Of(e.RelativeErrorBound),
            ["error_bound_norm"] = NormNote(saved),
            ["online_seconds"] = seconds,
        };
        if (e.FamilyBound is { } family)
        {
            obj["error_bound_with_eim"] = JsonNumber.Of(family);
            obj["error_bound_with_eim_note"] = $"Δ + ε̂(‖u_N‖_X + Δ)/α_S against the sampled family ({SampledCaveat}); error_bound is against the EIM-affine surrogate";
        }
        foreach (var output in e.Outputs)
        {
            var item = new JsonObject { ["value"] = JsonNumber.Of(output.Value), ["bound"] = JsonNumber.Of(output.Bound) };
            if (output.FamilyBound is { } b)
                item["bound_with_eim"] = JsonNumber.Of(b);
            obj[output.Name] = item;
        }
        if (outPath is not null)
            obj["out"] = outPath;
        return obj;
    }

    private static void Table(TextWriter writer, SavedReducedModel saved, SavedModelEvaluation e, double seconds, string? outPath)
    {
        writer.WriteLine($"reduced model (N = {saved.Model.BasisSize}) at {e.Mu}; bounds {NormNote(saved)}");
        var rows = new List<(string, string)>();
        foreach (var o in e.Outputs)
            rows.Add(($"output {o.Name}", $"{SummaryTable.Format(o.Value)} ± {SummaryTable.Format(o.FamilyBound ?? o.Bound)}"));
        if (e.FamilyBound is { } family)
        {
            rows.Add(("error bound vs the EIM-affine surrogate ‖u_M − V u_N‖_X", SummaryTable.Format(e.Solution.ErrorBound)));
            rows.Add(($"error bound vs the sampled family ‖u − V u_N‖_X ({SampledCaveat})", SummaryTable.Format(family)));
            rows.Add(("relative bound vs the family, /‖V u_N‖_X", SummaryTable.Format(family / e.SolutionNorm)));
        }
        else
        {
            rows.Add(("error bound ‖u − V u_N‖_X", SummaryTable.Format(e.Solution.ErrorBound)));
            rows.Add(("relative error bound, /‖V u_N‖_X", SummaryTable.Format(e.RelativeErrorBound)));
        }
        rows.Add(("online time", SummaryTable.Format(seconds, "s")));
        if (outPath is not null)
            rows.Add(("reduced solution V u_N written to", outPath));
        SummaryTable.Write(writer, rows);
    }

    /// <summary>Solves once; a parameter where the saved coefficients are undefined (a formula not finite there) is bad input.</summary>
    private static SavedModelEvaluation Evaluate(SavedReducedModel saved, Parameter mu)
    {
        try
        {
            return saved.Evaluate(mu);
        }
        catch (ArgumentException e) when (e.ParamName == nameof(mu))
        {
            throw new CaseInputException("--set", mu.ToString(), $"a parameter where the saved model's coefficients are defined ({e.Reason().TrimEnd('.')})");
        }
    }

    private static Parameter ParseParameter(ParameterSpace space, IReadOnlyList<string> assignments)
    {
        var values = new Dictionary<string, double[]>();
        foreach (var assignment in assignments)
        {
            int eq = assignment.IndexOf('=');
            string key = eq > 0 ? assignment[..eq].Trim() : "";
            if (key == "mu" && space.Ranges.Count == 1) key = space.Ranges[0].Name;
            var range = space.Ranges.FirstOrDefault(r => r.Name == key)
                ?? throw new CaseInputException($"--set {assignment}", $"'{key}'", "NAME=v1,v2,... with NAME one of " + string.Join(", ", space.Ranges.Select(r => r.Name)));
            string text = assignment[(eq + 1)..];
            var v = NumberList.TryParse(text) ?? throw new CaseInputException($"--set {key}", $"'{text}'", "numbers separated by commas");
            if (v.Length != 1 && v.Length != range.Dimension)
                throw new CaseInputException($"--set {key}", $"{v.Length} values", $"{range.Dimension} values in [{range.Lower}, {range.Upper}] (or one for all)");
            int outside = Array.FindIndex(v, x => !(x >= range.Lower && x <= range.Upper));
            if (outside >= 0)
                throw new CaseInputException($"--set {key}", $"{v[outside]}{(v.Length > 1 ? $" (value {outside + 1} of {v.Length})" : "")}", $"values in [{range.Lower}, {range.Upper}], the range the model was built for");
            values[key] = v.Length == 1 ? Enumerable.Repeat(v[0], range.Dimension).ToArray() : v;
        }
        var missing = space.Ranges.FirstOrDefault(r => !values.ContainsKey(r.Name));
        if (missing is not null)
            throw new CaseInputException($"--set {missing.Name}", "nothing", $"{missing.Dimension} values in [{missing.Lower}, {missing.Upper}] (or one for all)");
        // Names, counts and ranges are checked above, entry by entry: every component of the space is present and valid.
        return new Parameter(values);
    }
}
