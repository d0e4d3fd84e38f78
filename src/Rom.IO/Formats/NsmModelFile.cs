using Rom.IO.Hdf5;
using Rom.Spectral.Chebyshev;
using Rom.SpectralSolvers;
using Rom.Tensors;

namespace Rom.IO.Formats;

/// <summary>The problem a spectral-loss network was trained on, as its files record it.</summary>
/// <param name="Equation">poisson, reaction-diffusion or navier-stokes (<see cref="SpectralProblems"/>).</param>
/// <param name="Diffusion">ν (reaction–diffusion).</param>
/// <param name="Reaction">ρ (reaction–diffusion).</param>
/// <param name="Viscosity">ν (Navier–Stokes).</param>
/// <param name="EndTime">T (Navier–Stokes).</param>
/// <param name="Forced">Whether the reference's forcing acts (Navier–Stokes).</param>
public sealed record SpectralProblemRecord(string Equation, double Diffusion, double Reaction, double Viscosity, double EndTime, bool Forced)
{
    /// <summary>The problem on <paramref name="modes"/> slots.</summary>
    /// <exception cref="ArgumentException">Coefficients or modes that do not fit the equation.</exception>
    public ISpectralProblem Create(int[] modes) => SpectralProblems.Create(Equation, modes, Diffusion, Reaction, Viscosity, EndTime, Forced);
}

/// <summary>A trained neural-spectral-method network: its architecture, its problem, its weights and how it was trained.</summary>
/// <param name="Architecture">The network's options.</param>
/// <param name="Problem">The problem.</param>
/// <param name="Weights">The parameters by name.</param>
/// <param name="Training">Provenance and history, or null.</param>
public sealed record NsmModel(NsmOptions Architecture, SpectralProblemRecord Problem, IReadOnlyDictionary<string, Tensor<float>> Weights, NeuralTrainingRecord? Training)
{
    /// <summary>The network with these weights.</summary>
    /// <exception cref="ArgumentException">Weights that do not fit the architecture.</exception>
    public Nsm<float> Network()
    {
        var network = new Nsm<float>(Architecture);
        Neural.Modules.Load([.. network.Parameters], Weights);
        return network;
    }
}

/// <summary>
/// Neural-spectral-method networks in HDF5 (docs/case-format.md#spectral-loss-models): a model file (<c>@format = rom-model</c>,
/// <c>@kind = nsm-model</c>) and <c>rom train</c>'s checkpoint (<c>@format = rom-checkpoint</c>, <c>@kind = nsm-checkpoint</c>,
/// with <c>@training_id</c>, <c>@steps_completed</c>, <c>@seconds</c> and <c>/optimizer</c>). Both hold
/// <c>/architecture</c> (<c>@modes</c>, <c>@bases</c>, <c>@in_channels</c>, <c>@width</c>, <c>@depth</c>,
/// <c>@output_scale</c>, <c>@seed</c>, <c>@shift_equivariant</c>), <c>/problem</c> (<c>@equation</c>, <c>@diffusion</c>, <c>@reaction</c>, <c>@viscosity</c>, <c>@end_time</c>, <c>@forced</c>),
/// <c>/parameters</c> (float32 by name) and <c>/training</c> (provenance, settings, history: step, loss, test_rel_l2, seconds).
/// </summary>
public static class NsmModelFile
{
    /// <summary>The root <c>@kind</c> of a model file.</summary>
    public const string Kind = "nsm-model";

    /// <summary>The root <c>@kind</c> of a checkpoint.</summary>
    public const string CheckpointKind = "nsm-checkpoint";

    /// <summary>Writes a model file atomically.</summary>
    /// <exception cref="DataFileException">The file cannot be written.</exception>
    public static void Write(string path, NsmModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Hdf5File.Write(path, Tree(RomFileFormat.ModelFormat, Kind, model));
    }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="DataFileException">Not an NSM model file, or a part missing or malformed (named).</exception>
    public static NsmModel Read(string path) => FromTree(Hdf5File.Read(path), path, RomFileFormat.ModelFormat, Kind, "an NSM model file");

    /// <summary>Writes a checkpoint atomically: the model so far, the training id and the state to resume.</summary>
    /// <exception cref="DataFileException">The file cannot be written.</exception>
    public static void WriteCheckpoint(string path, string trainingId, NsmModel model, SpectralTrainingState state)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(state);
        var root = Tree(RomFileFormat.CheckpointFormat, CheckpointKind, model with { Weights = state.Weights, Training = (model.Training ?? new()) with { History = History(state.History), Seconds = state.Seconds } });
        root.Attributes["training_id"] = DataArray.Scalar(trainingId);
        root.Attributes["steps_completed"] = DataArray.Scalar((long)state.StepsCompleted);
        root.Attributes["seconds"] = DataArray.Scalar(state.Seconds);
        TensorGroup.Write(root.GetOrAddGroup("optimizer"), state.OptimizerState);
        Hdf5File.Write(path, root);
    }

    /// <summary>Reads a checkpoint: its training id, the model so far and the state to resume.</summary>
    /// <exception cref="DataFileException">Not an NSM checkpoint, or a part missing or malformed (named).</exception>
    public static (string TrainingId, NsmModel Model, SpectralTrainingState State) ReadCheckpoint(string path)
    {
        var root = Hdf5File.Read(path);
        var model = FromTree(root, path, RomFileFormat.CheckpointFormat, CheckpointKind, "an NSM training checkpoint");
        if (!root.TryGetGroup("optimizer", out var optimizer))
            throw new DataFileException(path, "/optimizer", "missing; a checkpoint holds the optimiser's state there");
        var history = model.Training?.History ?? new Dictionary<string, double[]>();
        double[] Column(string name) => history.TryGetValue(name, out var c) ? c : [];
        double[] steps = Column("step"), loss = Column("loss"), test = Column("test_rel_l2"), seconds = Column("seconds");
        var records = Enumerable.Range(0, steps.Length).Select(i => new SpectralTrainingRecord((int)steps[i], loss[i], test[i], seconds[i])).ToList();
        var state = new SpectralTrainingState((int)Long(root, "steps_completed", path), model.Weights, TensorGroup.Read(optimizer, path, "/optimizer"),
            records, Double(root, "seconds", path));
        return (Text(root, "training_id", path), model, state);
    }

    /// <summary>A training history as the files' columns: step, loss, test_rel_l2, seconds.</summary>
    public static IReadOnlyDictionary<string, double[]> History(IReadOnlyList<SpectralTrainingRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return new Dictionary<string, double[]>
        {
            ["step"] = [.. records.Select(r => (double)r.Step)],
            ["loss"] = [.. records.Select(r => r.Loss)],
            ["test_rel_l2"] = [.. records.Select(r => r.TestRelativeL2)],
            ["seconds"] = [.. records.Select(r => r.Seconds)],
        };
    }

    private static DataGroup Tree(string format, string kind, NsmModel model)
    {
        var root = new DataGroup();
        root.Attributes["format"] = DataArray.Scalar(format);
        root.Attributes["format_version"] = DataArray.Scalar(RomFileFormat.Version);
        root.Attributes["kind"] = DataArray.Scalar(kind);
        var a = model.Architecture;
        var architecture = root.GetOrAddGroup("architecture");
        architecture.Attributes["modes"] = DataArray.Of([.. a.Modes.Select(m => (long)m)]);
        architecture.Attributes["bases"] = DataArray.Of([.. a.AxisBases.Select(b => b.ToString().ToLowerInvariant())]);
        architecture.Attributes["in_channels"] = DataArray.Scalar((long)a.InChannels);
        architecture.Attributes["width"] = DataArray.Scalar((long)a.Width);
        architecture.Attributes["depth"] = DataArray.Scalar((long)a.Depth);
        architecture.Attributes["output_scale"] = DataArray.Scalar(a.OutputScale);
        architecture.Attributes["seed"] = DataArray.Scalar((long)a.Seed);
        architecture.Attributes["shift_equivariant"] = DataArray.Scalar(a.ShiftEquivariant ? 1L : 0L);
        var problem = root.GetOrAddGroup("problem");
        problem.Attributes["equation"] = DataArray.Scalar(model.Problem.Equation);
        problem.Attributes["diffusion"] = DataArray.Scalar(model.Problem.Diffusion);
        problem.Attributes["reaction"] = DataArray.Scalar(model.Problem.Reaction);
        problem.Attributes["viscosity"] = DataArray.Scalar(model.Problem.Viscosity);
        problem.Attributes["end_time"] = DataArray.Scalar(model.Problem.EndTime);
        problem.Attributes["forced"] = DataArray.Scalar(model.Problem.Forced ? 1L : 0L);
        TensorGroup.Write(root.GetOrAddGroup("parameters"), model.Weights);
        if (model.Training is not null)
            TrainingGroup.WriteTo(root.GetOrAddGroup("training"), model.Training);
        return root;
    }

    private static NsmModel FromTree(DataGroup root, string path, string format, string kind, string what)
    {
        RomFileFormat.CheckEnvelope(root, path, format, kind, what);
        DataGroup Group(string name) => root.TryGetGroup(name, out var g) ? g : throw new DataFileException(path, "/" + name, $"missing; {what} holds it");
        var architecture = Group("architecture");
        var problem = Group("problem");
        SpectralBasis Basis(string name) => name switch
        {
            "fourier" => SpectralBasis.Fourier,
            "chebyshev" => SpectralBasis.Chebyshev,
            _ => throw new DataFileException(path, "/architecture/@bases", $"'{name}' is not 'fourier' or 'chebyshev'"),
        };
        NsmOptions options;
        try
        {
            options = new NsmOptions
            {
                Modes = [.. Attribute(architecture, "modes", path, "/architecture").AsLongs().Select(m => (int)m)],
                Bases = [.. Attribute(architecture, "bases", path, "/architecture").AsStrings().Select(Basis)],
                InChannels = (int)Long(architecture, "in_channels", path),
                Width = (int)Long(architecture, "width", path),
                Depth = (int)Long(architecture, "depth", path),
                OutputScale = Double(architecture, "output_scale", path),
                Seed = (int)Long(architecture, "seed", path),
                // Files written before the option have per-slot layers.
                ShiftEquivariant = architecture.Attributes.ContainsKey("shift_equivariant") && Long(architecture, "shift_equivariant", path) == 1,
            }.Checked();
        }
        catch (ArgumentException e)
        {
            throw new DataFileException(path, "/architecture", e.Message.Split(" (Parameter")[0]);
        }
        var record = new SpectralProblemRecord(Text(problem, "equation", path), Double(problem, "diffusion", path), Double(problem, "reaction", path),
            Double(problem, "viscosity", path), Double(problem, "end_time", path), Long(problem, "forced", path) != 0);
        var weights = TensorGroup.Read(Group("parameters"), path, "/parameters");
        var expected = new Nsm<float>(options).Parameters.ToList();
        foreach (var p in expected)
            if (!weights.TryGetValue(p.Name, out var w) || !w.SameShape(p.Value))
                throw new DataFileException(path, "/parameters/" + p.Name, $"missing or of another shape; the architecture needs {p.Value.ShapeText}");
        if (weights.Keys.FirstOrDefault(k => expected.All(p => p.Name != k)) is { } extra)
            throw new DataFileException(path, "/parameters/" + extra, "a parameter this architecture does not have");
        var training = root.TryGetGroup("training", out var t) ? TrainingGroup.Read(t, path) : null;
        return new NsmModel(options, record, weights, training);
    }

    private static DataArray Attribute(DataGroup group, string name, string path, string where) =>
        group.Attributes.TryGetValue(name, out var a) ? a : throw new DataFileException(path, $"{where}/@{name}", "missing");

    private static long Long(DataGroup group, string name, string path) =>
        group.Attributes.TryGetValue(name, out var a) && a.IsInteger ? a.AsLongs()[0] : throw new DataFileException(path, "@" + name, "missing or not an integer");

    private static double Double(DataGroup group, string name, string path) =>
        group.Attributes.TryGetValue(name, out var a) && (a.IsFloat || a.IsInteger) ? a.AsDoubles()[0] : throw new DataFileException(path, "@" + name, "missing or not a number");

    private static string Text(DataGroup group, string name, string path) =>
        group.Attributes.TryGetValue(name, out var a) && a.IsString ? a.AsStrings()[0] : throw new DataFileException(path, "@" + name, "missing or not a string");
}
