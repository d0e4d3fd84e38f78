using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rom.Cases;
using Rom.Cases.Settings;
using Rom.Cli.Output;
using Rom.IO.Formats;
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
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the table." };
        var command = new Command("eval", "Evaluate a saved reduced model at a parameter: outputs, certified error bounds, time.") { results, set, json };
        command.SetAction(parse =>
        {
            var (rom, space) = ReducedModelGroup.Load(parse.GetRequiredValue(results));
            var mu = ParseParameter(space, parse.GetValue(set) ?? []);
            var solution = Solve(rom, mu);
            double seconds = Certification.OnlineSecondsPerParameter(rom, [mu]); // warmed up, median of windows, as rom run
            var outputs = rom.Data.Outputs.Select((o, i) => (o.Name, Value: solution.Outputs[i], Bound: solution.OutputBounds[i])).ToArray();
            if (parse.GetValue(json))
            {
                var obj = new JsonObject
                {
                    ["parameter"] = mu.ToString(),
                    ["basis_size"] = rom.BasisSize,
                    ["error_bound"] = JsonNumber.Of(solution.ErrorBound),
                    ["online_seconds"] = seconds,
                };
                foreach (var (name, value, bound) in outputs)
                    obj[name] = new JsonObject { ["value"] = JsonNumber.Of(value), ["bound"] = JsonNumber.Of(bound) };
                context.Out.WriteLine(obj.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                context.Out.WriteLine($"reduced model (N = {rom.BasisSize}) at {mu}");
                var rows = outputs.Select(o => ($"output {o.Name}", $"{SummaryTable.Format(o.Value)} ± {SummaryTable.Format(o.Bound)}")).ToList();
                rows.Add(("energy-norm error bound", SummaryTable.Format(solution.ErrorBound)));
                rows.Add(("online time", SummaryTable.Format(seconds, "s")));
                SummaryTable.Write(context.Out, rows);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Solves once; a parameter where the saved coefficients are undefined (a formula not finite there) is bad input.</summary>
    private static ReducedSolution Solve(ReducedModel rom, Parameter mu)
    {
        try
        {
            return rom.Solve(mu);
        }
        catch (ArgumentException e) when (e.ParamName == nameof(mu))
        {
            throw new CaseInputException("--set", mu.ToString(), $"a parameter where the saved model's coefficients are defined ({e.Message.Split(" (Parameter")[0].TrimEnd('.')})");
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
