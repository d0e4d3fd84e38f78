namespace Rom.Bench.Neural;

/// <summary>
/// What one side measured for one configuration, in one fresh process: median seconds of an inference call on the
/// batch and of a training step, and the process's peak resident memory (bytes) after start-up, after the inference
/// timings and after the training timings, in that order. Both sides print it as the same JSON object, so one parser
/// reads Rom's child process and <c>torch_fno.py bench</c>.
/// </summary>
/// <param name="Implementation">"Rom x.y.z" or "PyTorch x.y".</param>
/// <param name="Threads">Threads the side was allowed.</param>
/// <param name="Parameters">Real parameters of the model (a complex weight counts twice), to show both built the same FNO.</param>
/// <param name="InferenceSeconds">Median seconds of a forward pass on the whole batch without gradients.</param>
/// <param name="TrainStepSeconds">Median seconds of zero-gradients, forward, relative-L2 loss, backward and Adam step.</param>
/// <param name="BaselineRssBytes">Peak RSS before the model was built (interpreter or runtime and libraries).</param>
/// <param name="InferencePeakRssBytes">Peak RSS after the inference timings.</param>
/// <param name="TrainPeakRssBytes">Peak RSS after the training timings.</param>
public sealed record NeuralTiming(string Implementation, int Threads, long Parameters, double InferenceSeconds, double TrainStepSeconds,
    long BaselineRssBytes, long InferencePeakRssBytes, long TrainPeakRssBytes)
{
    /// <summary>The JSON object both sides print (snake-case keys; <see cref="Implementation"/> is "reference").</summary>
    public string ToJson() => new JsonObject
    {
        ["reference"] = Implementation,
        ["threads"] = Threads,
        ["parameters"] = Parameters,
        ["inference_seconds"] = InferenceSeconds,
        ["train_step_seconds"] = TrainStepSeconds,
        ["baseline_rss_bytes"] = BaselineRssBytes,
        ["inference_peak_rss_bytes"] = InferencePeakRssBytes,
        ["train_peak_rss_bytes"] = TrainPeakRssBytes,
    }.ToJsonString();

    /// <summary>Reads the last non-empty line of a side's standard output.</summary>
    /// <exception cref="FormatException">The output holds no such object.</exception>
    public static NeuralTiming Parse(string output)
    {
        string line = PythonScript.LastLine(output) ?? throw new FormatException("no output");
        try
        {
            using var json = JsonDocument.Parse(line);
            JsonElement r = json.RootElement;
            return new NeuralTiming(r.GetProperty("reference").GetString()!, r.GetProperty("threads").GetInt32(), r.GetProperty("parameters").GetInt64(),
                r.GetProperty("inference_seconds").GetDouble(), r.GetProperty("train_step_seconds").GetDouble(),
                r.GetProperty("baseline_rss_bytes").GetInt64(), r.GetProperty("inference_peak_rss_bytes").GetInt64(),
                r.GetProperty("train_peak_rss_bytes").GetInt64());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"not a timing object: {line}", e);
        }
    }
}
