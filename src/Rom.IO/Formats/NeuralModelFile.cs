using System.Globalization;
using System.Reflection;
using Rom.IO.Hdf5;
using Rom.Neural;
using Rom.Neural.Models;

namespace Rom.IO.Formats;

/// <summary>
/// A trained neural operator in one HDF5 file (docs/case-format.md#model-files): the envelope (<c>@format = rom-model</c>,
/// <c>@format_version</c>, <c>@kind = fno-model</c>, provenance), <c>/architecture</c> (every <see cref="FnoOptions"/> field
/// under neuraloperator's name), <c>/parameters/KEY</c> (float32, the tensor's shape; complex ones with a leading axis of
/// 2, real plane then imaginary plane, and <c>@complex = 1</c>), optional <c>/normalizers/{input,output}</c> and
/// optional <c>/training</c>. Reading rebuilds the network from its architecture and copies every parameter by name.
/// </summary>
public static class NeuralModelFile
{
    /// <summary>The root <c>@kind</c> of an FNO model file.</summary>
    public const string Kind = "fno-model";

    private static readonly string WriterVersion =
        typeof(NeuralModelFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Writes <paramref name="model"/> (and how it was trained) to <paramref name="path"/> atomically.</summary>
    /// <exception cref="DataFileException">The file cannot be written.</exception>
    public static void Write(string path, NeuralOperatorModel model, NeuralTrainingRecord? training = null) =>
        Hdf5File.Write(path, ToTree(model, training));

    /// <summary>Reads the model stored at <paramref name="path"/>.</summary>
    /// <exception cref="DataFileException">Not a model file, another kind, or an architecture or parameter that does not fit.</exception>
    public static NeuralOperatorModel Load(string path) => Read(path).Model;

    /// <summary>Reads the model and its training record (null when the file has none).</summary>
    /// <exception cref="DataFileException">Not a model file, another kind, or an architecture or parameter that does not fit.</exception>
    public static (NeuralOperatorModel Model, NeuralTrainingRecord? Training) Read(string path) => FromTree(Hdf5File.Read(path), path);

    /// <summary>The file's tree.</summary>
    public static DataGroup ToTree(NeuralOperatorModel model, NeuralTrainingRecord? training = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var root = new DataGroup();
        root.Attributes["format"] = DataArray.Scalar(RomFileFormat.ModelFormat);
        root.Attributes["format_version"] = DataArray.Scalar(RomFileFormat.Version);
        root.Attributes["kind"] = DataArray.Scalar(Kind);
        root.Attributes["rom_version"] = DataArray.Scalar(WriterVersion);
        root.Attributes["created_utc"] = DataArray.Scalar(DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        root.Attributes["parameter_count"] = DataArray.Scalar(model.ParameterCount);
        FnoArchitecture.WriteTo(root.GetOrAddGroup("architecture"), model.Options);

        TensorGroup.Write(root.GetOrAddGroup("parameters"), model.Network.Parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)));
        NormalizerGroup.Write(root, "input", model.InputNormalizer);
        NormalizerGroup.Write(root, "output", model.OutputNormalizer);
        if (training is not null)
            TrainingGroup.WriteTo(root.GetOrAddGroup("training"), training);
        return root;
    }

    /// <summary>Rebuilds the model from a file's tree; <paramref name="path"/> names the file in errors.</summary>
    /// <exception cref="DataFileException">Not a model file, another kind, or an architecture or parameter that does not fit.</exception>
    public static (NeuralOperatorModel Model, NeuralTrainingRecord? Training) FromTree(DataGroup root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        CheckEnvelope(root, path);
        if (!root.TryGetGroup("architecture", out var architecture))
            throw new DataFileException(path, "/architecture", "missing; a model file describes its network there");
        var network = new Fno<float>(FnoArchitecture.Read(architecture, path));
        if (!root.TryGetGroup("parameters", out var parameters))
            throw new DataFileException(path, "/parameters", "missing; a model file holds its weights there");
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in network.Parameters)
        {
            expected.Add(p.Name);
            string where = "/parameters/" + p.Name;
            var value = p.Value;
            int[] shape = value.IsComplex ? [2, .. value.Shape] : [.. value.Shape];
            if (!parameters.Datasets.TryGetValue(p.Name, out var stored))
                throw new DataFileException(path, where, $"missing; the architecture needs a {Shape(shape)} dataset{(value.IsComplex ? " (complex)" : "")} here");
            bool complex = TensorGroup.IsComplex(parameters, p.Name);
            if (!stored.IsFloat || !stored.Shape.AsSpan().SequenceEqual(shape) || complex != value.IsComplex)
                throw new DataFileException(path, where,
                    $"found {stored}{(complex ? " (complex)" : "")}; the architecture expects float {Shape(shape)}{(value.IsComplex ? " with @complex = 1" : "")}");
            var values = stored.AsDoubles();
            for (int i = 0; i < values.Length; i++)
                value.Data[i] = (float)values[i];
        }
        var extra = parameters.Datasets.Keys.FirstOrDefault(k => !expected.Contains(k));
        if (extra is not null)
            throw new DataFileException(path, "/parameters/" + extra, "a parameter this architecture does not have (a file of another architecture?)");
        var model = new NeuralOperatorModel(network,
            NormalizerGroup.Read(root, "input", network.Options.InChannels, path),
            NormalizerGroup.Read(root, "output", network.Options.OutChannels, path));
        var training = root.TryGetGroup("training", out var t) ? TrainingGroup.Read(t, path) : null;
        return (model, training);
    }

    /// <summary>Whether the tree is a Rom model file (by its <c>@format</c>), whatever its kind.</summary>
    public static bool IsModelFile(DataGroup root) =>
        root.Attributes.TryGetValue("format", out var f) && f.IsString && f.AsStrings()[0] == RomFileFormat.ModelFormat;

    private static void CheckEnvelope(DataGroup root, string path) =>
        RomFileFormat.CheckEnvelope(root, path, RomFileFormat.ModelFormat, Kind, "a model file");

    private static string Shape(int[] shape) => $"[{string.Join(", ", shape)}]";
}
