using Rom.Cases.Neural;
using Rom.SpectralSolvers;
using Rom.Tensors;

namespace Rom.Cases.Spectral;

/// <summary>
/// A trained neural spectral method applied to parameter fields (<c>rom predict</c> on an <c>nsm-model</c>): reads the fields
/// [samples, n…] on an equispaced periodic grid of any size (Poisson: sources on n²; reaction–diffusion: initial
/// conditions on n points; Navier–Stokes: initial vorticities on n²), predicts the solutions' coefficients, writes their
/// values on a G-per-axis grid and, with <c>compare</c>, measures them against the classical solver.
/// </summary>
public static class NsmPrediction
{
    /// <summary>Whether <paramref name="root"/> is an NSM model file.</summary>
    public static bool IsModel(DataGroup root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.Attributes.TryGetValue("kind", out var k) && k.IsString && k.AsStrings()[0] == NsmModelFile.Kind;
    }

    /// <summary>Predicts every field of <paramref name="inputPath"/>'s <paramref name="dataset"/> with the model at <paramref name="modelPath"/>.</summary>
    /// <exception cref="DataFileException">The model or data file is unreadable, or the dataset missing.</exception>
    /// <exception cref="CaseInputException">Fields that do not fit the problem (axes, sizes, non-finite values, named by sample and point), or a resolution below 2.</exception>
    public static PredictionOutcome Run(string modelPath, string inputPath, string dataset = "x", int resolution = 64, bool compare = true)
    {
        if (resolution < 2)
            throw new CaseInputException("--resolution", resolution.ToString(CultureInfo.InvariantCulture), "at least 2 points per axis");
        var saved = NsmModelFile.Read(modelPath);
        var problem = saved.Problem.Create(saved.Architecture.Modes);
        var data = Hdf5File.Read(inputPath);
        if (!data.TryGetDataset(dataset, out var array) || !(array.IsFloat || array.IsInteger))
            throw new DataFileException(inputPath, "/" + dataset, "missing or not numeric; it holds the parameter fields [samples, n…]");
        Tensor<float> parameters;
        try
        {
            parameters = problem.Parameters(new Tensor<double>([.. array.Shape], array.AsDoubles()));
        }
        catch (ArgumentException e)
        {
            throw new CaseInputException($"{inputPath}:/{dataset}", $"[{string.Join(", ", array.Shape)}]", e.Reason());
        }
        int samples = parameters.Extent(0);
        var network = saved.Network();
        var clock = Stopwatch.StartNew();
        var solution = SpectralTrainer.Predict(network, problem, parameters, null).Value;
        var values = problem.Values(solution, resolution);
        double seconds = clock.Elapsed.TotalSeconds;

        var summary = new List<SummaryItem>
        {
            new("problem", "problem", problem.Name),
            new("samples", "samples", (long)samples),
            new("resolution", "output points per axis", (long)resolution),
            new("seconds_per_sample", "prediction time per sample (network and evaluation)", seconds / samples, "s"),
        };
        if (compare)
        {
            int per = parameters.Count / samples, size = solution.Count / samples;
            var errors = new double[samples];
            Parallel.For(0, samples, b => errors[b] = problem.RelativeL2(solution.Data.AsSpan(b * size, size), problem.Solve(parameters.Data.AsSpan(b * per, per))));
            summary.Add(new("rel_l2", "mean relative L2 error against the classical solver", errors.Average()));
        }

        var root = new DataGroup();
        root.Attributes["format"] = DataArray.Scalar(RomFileFormat.PredictionsFormat);
        root.Attributes["format_version"] = DataArray.Scalar(RomFileFormat.Version);
        root.Attributes["kind"] = DataArray.Scalar("nsm-predictions");
        root.Attributes["rom_version"] = DataArray.Scalar(CaseRunner.RomVersion);
        root.Attributes["created_utc"] = DataArray.Scalar(FnoTraining.Now());
        root.Attributes["problem"] = DataArray.Scalar(problem.Name);
        root.Attributes["input_file"] = DataArray.Scalar(Path.GetFullPath(inputPath));
        root.Attributes["input_dataset"] = DataArray.Scalar(dataset);
        root.Attributes["model_file"] = DataArray.Scalar(Path.GetFullPath(modelPath));
        root.Datasets["predictions"] = DataArray.Create(DataType.Float32, Array.ConvertAll(values.Data, v => (double)v), [samples, .. values.Shape.Skip(2)]);
        root.Datasets["coefficients"] = DataArray.Create(DataType.Float32, Array.ConvertAll(solution.Data, v => (double)v), [samples, .. solution.Shape.Skip(2)]);
        CaseRunner.WriteSummary(root, summary);
        return new PredictionOutcome(root, summary);
    }
}
