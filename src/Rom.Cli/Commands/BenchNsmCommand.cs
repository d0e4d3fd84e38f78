using Rom.Bench.Nsm;
using Rom.Neural.Layers;
using Rom.SpectralSolvers;

namespace Rom.Cli.Commands;

/// <summary>
/// <c>rom bench nsm [--quick] [--problems P,…] [--nu ν,…] [--steps N] [--width W] [--depth D] [--modes M] [--grids G,…] [--supervised-grid G] [--methods M,…] [--lr R] [--decay F] [--scale S] [--ns-slots T,S] [--fno-activation A] [--torch] [--json] [--out FILE]</c>:
/// neural spectral methods against the PINN-loss and supervised FNO and the classical solver on the periodic Poisson,
/// reaction–diffusion and forced Navier–Stokes problems, the same network size, step budget and parameters for every method, in one run.
/// </summary>
public static class BenchNsmCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var defaults = new NsmBenchOptions();
        var quick = new Option<bool>("--quick") { Description = "A smoke run: tiny networks, 40 steps, one 32-point PINN grid, every problem (about a minute)." };
        var steps = new Option<int?>("--steps") { Description = $"Training steps per method (default {defaults.Steps})." };
        var width = new Option<int?>("--width") { Description = $"Hidden width of every network (default {defaults.Width})." };
        var depth = new Option<int?>("--depth") { Description = $"Blocks of every network (default {defaults.Depth})." };
        var modes = new Option<int?>("--modes") { Description = $"Real Fourier slots per axis (default {defaults.Modes})." };
        var grids = new Option<string?>("--grids") { Description = "PINN grids, comma-separated (default 64,128; 256 adds about 3 s a step)." };
        var supervisedGrid = new Option<int?>("--supervised-grid") { Description = $"Grid of the FNO trained on solver data (default {defaults.SupervisedGrid})." };
        var methods = new Option<string?>("--methods") { Description = $"Methods to run, comma-separated: {string.Join(", ", NsmBenchOptions.AllMethods)} (default: all)." };
        var problems = new Option<string?>("--problems") { Description = $"Problems to run, comma-separated: {string.Join(", ", NsmBenchOptions.AllProblems)} (default: all)." };
        var diffusions = new Option<string?>("--nu") { Description = "ν of the reaction–diffusion problems, comma-separated (default 0.01,0.05,0.1)." };
        var learningRate = new Option<double?>("--lr") { Description = $"Adam's initial learning rate (default {defaults.LearningRate})." };
        var decay = new Option<double?>("--decay") { Description = $"The learning rate's factor over the run, lr₀·F^(step/steps) (default {defaults.Decay}; 1 keeps it constant)." };
        var scale = new Option<double?>("--scale") { Description = $"The output scale of every network before its conditions are imposed (default {defaults.OutputScale}, the reference's)." };
        var navierStokesSlots = new Option<string?>("--ns-slots")
        {
            Description = $"The Navier–Stokes network's slots: Chebyshev slots in t and odd Fourier slots per space axis (default {string.Join(",", defaults.NavierStokesSlots)}; the reference's 12,31 has 8× the slots).",
        };
        var activation = new Option<string?>("--fno-activation")
        {
            Description = $"Non-linearity of the PINN-loss and supervised FNOs: {string.Join(", ", Activations.Names)} (default {defaults.FnoNonLinearity}; the reference code's FNO uses relu).",
        };
        var torch = new Option<bool>("--torch") { Description = "Also time one NSM training step on the Poisson problem in PyTorch (Debian's python3-torch) beside Rom's." };
        var json = CommandOptions.JsonRows();
        var output = new Option<string?>("--out") { Description = "Table file to write; the JSON goes beside it with the extension .json." };
        var command = new Command("nsm", "Neural spectral methods vs PINN-loss and supervised FNOs and the classical solvers on the Poisson, reaction–diffusion and Navier–Stokes problems.")
        {
            quick, problems, diffusions, steps, width, depth, modes, grids, supervisedGrid, methods, learningRate, decay, scale, navierStokesSlots, activation, torch, json, output,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(output) is { } outputPath)
                OutputFile.Prepare(outputPath);
            var options = parse.GetValue(quick) ? NsmBenchOptions.Quick : defaults;
            if (parse.GetValue(activation) is { } a && !Activations.Names.Contains(a))
            {
                context.Error.WriteLine($"error: --fno-activation is '{a}'; expected one of {string.Join(", ", Activations.Names)}.");
                return ExitCodes.BadInput;
            }
            int[]? pinnGrids = null;
            if (parse.GetValue(grids) is { } text)
            {
                var parsed = text.Split(',', StringSplitOptions.TrimEntries).Select(g => int.TryParse(g, out int v) ? v : -1).ToArray();
                if (parsed.Any(g => g < 8))
                {
                    context.Error.WriteLine($"error: --grids is '{text}'; expected grid sizes of at least 8, comma-separated.");
                    return ExitCodes.BadInput;
                }
                pinnGrids = parsed;
            }
            string[]? chosen = parse.GetValue(methods)?.Split(',', StringSplitOptions.TrimEntries);
            if (chosen?.FirstOrDefault(m => !NsmBenchOptions.AllMethods.Contains(m)) is { } unknown)
            {
                context.Error.WriteLine($"error: --methods names '{unknown}'; expected some of {string.Join(", ", NsmBenchOptions.AllMethods)}.");
                return ExitCodes.BadInput;
            }
            string[]? chosenProblems = parse.GetValue(problems)?.Split(',', StringSplitOptions.TrimEntries);
            if (chosenProblems?.FirstOrDefault(p => !NsmBenchOptions.AllProblems.Contains(p)) is { } unknownProblem)
            {
                context.Error.WriteLine($"error: --problems names '{unknownProblem}'; expected some of {string.Join(", ", NsmBenchOptions.AllProblems)}.");
                return ExitCodes.BadInput;
            }
            double[]? nu = null;
            if (parse.GetValue(diffusions) is { } nuText)
            {
                nu = [.. nuText.Split(',', StringSplitOptions.TrimEntries).Select(v => double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out double d) ? d : double.NaN)];
                if (nu.Any(v => !(v > 0) || !double.IsFinite(v)))
                {
                    context.Error.WriteLine($"error: --nu is '{nuText}'; expected positive diffusion coefficients, comma-separated.");
                    return ExitCodes.BadInput;
                }
            }
            int[]? slots = null;
            if (parse.GetValue(navierStokesSlots) is { } slotText)
            {
                int?[] parsed = [.. slotText.Split(',', StringSplitOptions.TrimEntries).Select(v => int.TryParse(v, out int n) ? n : (int?)null)];
                slots = [.. parsed.Select(n => n ?? 0)];
                string? problem = parsed.Length != 2 || parsed.Contains(null) ? "two integers are needed" : null;
                try
                {
                    // The problem's own check: at least 2 Chebyshev slots, an odd Fourier count within its initial field.
                    if (problem is null)
                        _ = new NavierStokesProblem(timeModes: slots[0], spaceModes: slots[1]);
                }
                catch (ArgumentException e)
                {
                    problem = e.Reason();
                }
                if (problem is not null)
                {
                    context.Error.WriteLine($"error: --ns-slots is '{slotText}'; expected T,S (Chebyshev slots in t, odd Fourier slots per space axis): {problem}");
                    return ExitCodes.BadInput;
                }
            }
            if (parse.GetValue(scale) is { } s && !(s > 0 && double.IsFinite(s)))
            {
                context.Error.WriteLine($"error: --scale is {s}; expected a positive output scale.");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(learningRate) is { } rate && !(rate > 0 && double.IsFinite(rate)))
            {
                context.Error.WriteLine($"error: --lr is {rate}; expected a positive learning rate.");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(decay) is { } f && !(f > 0 && f <= 1))
            {
                context.Error.WriteLine($"error: --decay is {f}; expected a factor in (0, 1].");
                return ExitCodes.BadInput;
            }
            options = options with
            {
                Methods = chosen ?? options.Methods,
                Problems = chosenProblems ?? options.Problems,
                Diffusions = nu ?? options.Diffusions,
                LearningRate = parse.GetValue(learningRate) ?? options.LearningRate,
                Decay = parse.GetValue(decay) ?? options.Decay,
                OutputScale = parse.GetValue(scale) ?? options.OutputScale,
                NavierStokesModes = slots ?? options.NavierStokesModes,
                Steps = parse.GetValue(steps) ?? options.Steps,
                Width = parse.GetValue(width) ?? options.Width,
                Depth = parse.GetValue(depth) ?? options.Depth,
                Modes = parse.GetValue(modes) ?? options.Modes,
                PinnGrids = pinnGrids ?? options.PinnGrids,
                SupervisedGrid = parse.GetValue(supervisedGrid) ?? options.SupervisedGrid,
                FnoNonLinearity = parse.GetValue(activation) ?? options.FnoNonLinearity,
                Torch = parse.GetValue(torch),
            };
            foreach (var (name, value, least) in new[] { ("--steps", options.Steps, 1), ("--width", options.Width, 1), ("--depth", options.Depth, 0), ("--modes", options.Modes, 16), ("--supervised-grid", options.SupervisedGrid, 8) })
                if (value < least)
                {
                    context.Error.WriteLine($"error: {name} is {value}; expected at least {least}{(name == "--modes" ? " (the sources have 16 slots per axis)" : "")}.");
                    return ExitCodes.BadInput;
                }
            IReadOnlyList<NsmBenchRow> rows;
            try
            {
                rows = NsmBenchmark.Run(options, line => context.Error.WriteLine(line));
            }
            catch (InvalidOperationException e)
            {
                context.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Failure;
            }
            return BenchOutput.Finish(context, NsmBenchReport.Table(rows, options), NsmBenchReport.Json(rows), parse.GetValue(output), parse.GetValue(json));
        });
        return command;
    }
}
