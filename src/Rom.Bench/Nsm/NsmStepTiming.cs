using System.Text.Json.Nodes;
using Rom.Neural.Training;
using Rom.SpectralSolvers;
using Rom.Tensors;

namespace Rom.Bench.Nsm;

/// <summary>
/// One NSM training step on the periodic Poisson problem — fresh sources, forward pass, exact-norm spectral residual loss,
/// backward pass, Adam — timed in Rom and in PyTorch (<c>torch_nsm.py bench</c>, the same network written out in plain
/// PyTorch) side by side in one run: the same width, depth, slots, batch and thread count, the median of
/// <see cref="Repeats"/> steps after <see cref="Warmup"/> each.
/// </summary>
public static class NsmStepTiming
{
    /// <summary>Steps run before timing.</summary>
    public const int Warmup = 3;

    /// <summary>Steps timed.</summary>
    public const int Repeats = 10;

    /// <summary>Rom's and PyTorch's median step, and PyTorch's version.</summary>
    public sealed record Result(double RomSeconds, double TorchSeconds, string Reference);

    /// <summary>Times both, PyTorch first (so a missing PyTorch fails before any training).</summary>
    /// <exception cref="InvalidOperationException">The script failed (no PyTorch, an error) or printed no timing.</exception>
    public static Result Measure(NsmBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (torchSeconds, reference) = Torch(options);
        return new Result(Rom(options), torchSeconds, reference);
    }

    private static double Rom(NsmBenchOptions options)
    {
        var problem = new PoissonSourceProblem(options.Modes);
        var model = new Nsm<float>(new NsmOptions { Modes = problem.Modes, Width = options.Width, Depth = options.Depth, OutputScale = options.OutputScale });
        var adam = new Adam<float>([.. model.Parameters], 1e-3f);
        var random = new Random(0);
        return StepTimer.Median(() =>
        {
            using var scope = TensorScope.Begin();
            var tape = new Tape<float>();
            var loss = SpectralTrainer.BatchLoss(model, problem, problem.SampleParameters(options.BatchSize, random), exactNorm: true, tape);
            adam.ZeroGradients();
            tape.Backward(loss);
            adam.Step();
        }, Warmup, 0, Repeats);
    }

    private static (double Seconds, string Reference) Torch(NsmBenchOptions options)
    {
        string Text(int v) => v.ToString(CultureInfo.InvariantCulture);
        string folder = Path.Combine(Path.GetTempPath(), $"rom-bench-nsm-{Environment.ProcessId}");
        PythonScript.Outcome outcome;
        try
        {
            outcome = PythonScript.Run(PythonScript.DebianPython, "torch_nsm.py", folder,
            [
                "bench", "--width", Text(options.Width), "--depth", Text(options.Depth), "--modes", Text(options.Modes), "--batch", Text(options.BatchSize),
                "--threads", Text(Environment.ProcessorCount), "--warmup", Text(Warmup), "--repeats", Text(Repeats),
            ]);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"torch_nsm.py bench could not start {PythonScript.DebianPython}: {e.Message}", e);
        }
        finally
        {
            // The folder is this process's own (named after its id): only the script went there.
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        if (outcome.ExitCode != 0)
            throw new InvalidOperationException($"torch_nsm.py bench failed ({PythonScript.DebianPython}, exit {outcome.ExitCode}): {PythonScript.LastLine(outcome.Error) ?? "(no message)"}");
        JsonNode? json = null;
        try
        {
            json = JsonNode.Parse(PythonScript.LastLine(outcome.Output) ?? "");
        }
        catch (System.Text.Json.JsonException)
        {
        }
        if (json?["train_step_seconds"] is JsonValue value && value.TryGetValue(out double seconds))
            return (seconds, json["reference"]?.ToString() ?? "PyTorch");
        throw new InvalidOperationException($"torch_nsm.py bench printed no timing: {outcome.Output.Trim()}");
    }
}
