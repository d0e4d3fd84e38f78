using Rom.Neural;
using Rom.Tensors;

namespace Rom.Cases.Neural;

/// <summary>What <c>rom predict</c> computed: the predictions file's tree and its summary.</summary>
/// <param name="Results">The tree to write: envelope, /predictions, provenance.</param>
/// <param name="Summary">samples, resolution and, when the file has targets, rel_l2.</param>
public sealed record PredictionOutcome(DataGroup Results, IReadOnlyList<SummaryItem> Summary);

/// <summary>
/// A saved model applied to a data file (<c>rom predict</c>): reads the inputs in either layout <see cref="FieldDataReader"/>
/// knows, predicts in batches (in parallel: the model is safe for concurrent calls) and compares with the targets when
/// the file has them.
/// </summary>
public static class FnoPrediction
{
    /// <summary>Samples per forward pass.</summary>
    public const int BatchSize = 32;

    /// <summary>Predicts every sample of <paramref name="inputPath"/> with the model stored at <paramref name="modelPath"/>.</summary>
    /// <exception cref="DataFileException">The model file is not one, or another kind.</exception>
    /// <exception cref="CaseInputException">The data do not fit the model (axes, channels, modes, non-finite values).</exception>
    public static PredictionOutcome Run(string modelPath, string inputPath, string inputDataset = "x", string targetDataset = "y")
    {
        var modelRoot = Hdf5File.Read(modelPath);
        var model = NeuralModelFile.FromTree(modelRoot, modelPath).Model;
        var data = FieldDataReader.Read(inputPath, inputDataset, targetDataset, model.Options, requireTargets: false);
        var predictions = PredictAll(model, data.Inputs);

        var summary = new List<SummaryItem>
        {
            new("samples", "samples", (long)data.Samples),
            new("resolution", "resolution", data.ResolutionText),
        };
        if (data.Targets is not null)
            summary.Add(new("rel_l2", "mean relative L2 error", RelativeError.MeanL2(predictions, data.Targets)));

        var root = new DataGroup();
        root.Attributes["format"] = DataArray.Scalar(RomFileFormat.PredictionsFormat);
        root.Attributes["format_version"] = DataArray.Scalar(RomFileFormat.Version);
        root.Attributes["kind"] = DataArray.Scalar("fno-predictions");
        root.Attributes["rom_version"] = DataArray.Scalar(CaseRunner.RomVersion);
        root.Attributes["created_utc"] = DataArray.Scalar(DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        root.Attributes["input_file"] = DataArray.Scalar(Path.GetFullPath(inputPath));
        root.Attributes["input_dataset"] = DataArray.Scalar(data.InputDataset);
        root.Attributes["layout"] = DataArray.Scalar(data.Layout);
        var source = root.GetOrAddGroup("model");
        source.Attributes["file"] = DataArray.Scalar(Path.GetFullPath(modelPath));
        foreach (string name in new[] { "rom_version", "created_utc", "parameter_count" })
            if (modelRoot.Attributes.TryGetValue(name, out var a))
                source.Attributes[name] = a;
        if (modelRoot.TryGetGroup("training", out var training))
            foreach (string name in new[] { "case_file", "case_sha256", "machine" })
                if (training.Attributes.TryGetValue(name, out var a))
                    source.Attributes["training_" + name] = a;
        FnoArchitecture.WriteTo(source.GetOrAddGroup("architecture"), model.Options);
        // One output channel drops its axis: [samples, X, Y] as the targets of neuraloperator's layout.
        int[] shape = predictions.Extent(1) == 1 ? [predictions.Extent(0), .. predictions.Shape.Skip(2)] : [.. predictions.Shape];
        root.Datasets["predictions"] = DataArray.Create(DataType.Float32, Array.ConvertAll(predictions.Data, v => (double)v), shape);
        CaseRunner.WriteSummary(root, summary);
        return new PredictionOutcome(root, summary);
    }

    /// <summary>The model's predictions for (samples, in, N…) inputs, in batches of <see cref="BatchSize"/> run in parallel.</summary>
    public static Tensor<float> PredictAll(NeuralOperatorModel model, Tensor<float> inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        int samples = inputs.Extent(0), batches = (samples + BatchSize - 1) / BatchSize;
        var parts = new Tensor<float>[batches];
        Parallel.For(0, batches, b =>
        {
            int start = b * BatchSize;
            parts[b] = model.Predict(FieldData.Slice(inputs, start, Math.Min(BatchSize, samples - start)));
        });
        int[] shape = [samples, model.Options.OutChannels, .. inputs.Shape.Skip(2)];
        var result = Tensor<float>.Zeros(shape);
        int offset = 0;
        foreach (var part in parts)
        {
            part.Data.CopyTo(result.Data, offset);
            offset += part.Data.Length;
        }
        return result;
    }
}
