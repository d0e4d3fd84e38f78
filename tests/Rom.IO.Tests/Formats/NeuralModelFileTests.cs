namespace Rom.IO.Tests.Formats;

public class NeuralModelFileTests : TempFolderTest
{
    private static readonly FnoOptions Small = new() { HiddenChannels = 6, Modes = [4, 3], Layers = 2, Seed = 7 };

    private static NeuralOperatorModel Model(FnoOptions? options = null) =>
        new(new Fno<float>(options ?? Small), new UnitGaussianNormalizer<float>([0.25f], [0.5f]), new UnitGaussianNormalizer<float>([-1.5f], [2f], 1e-6));

    private static Tensor<float> Inputs(int batch, int n)
    {
        var random = new Random(3);
        return new Tensor<float>([batch, 1, n, n], [.. Enumerable.Range(0, batch * n * n).Select(_ => (float)random.NextDouble())]);
    }

    [Test]
    public void RoundTrip_KeepsEveryWeightBitForBit_AndTheForwardPass()
    {
        var model = Model();
        var training = new NeuralTrainingRecord
        {
            History = new Dictionary<string, double[]> { ["train_loss"] = [0.5, 0.25], ["test_l2"] = [0.4, 0.2] },
            RomVersion = "test", CreatedUtc = "2025-01-01T00:00:00Z", Machine = NeuralTrainingRecord.ThisMachine(), Seconds = 1.5,
        };
        string path = PathOf("model.h5");
        model.Save(path, training);

        var (loaded, record) = NeuralModelFile.Read(path);
        var before = model.Network.Parameters.ToDictionary(p => p.Name);
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Options.Modes, Is.EqualTo(Small.Modes));
            Assert.That(loaded.Options with { Modes = Small.Modes }, Is.EqualTo(Small));
            Assert.That(loaded.Network.Parameters.Select(p => p.Name), Is.EqualTo(before.Keys));
            foreach (var p in loaded.Network.Parameters)
            {
                Assert.That(p.Value.SameShape(before[p.Name].Value), p.Name);
                Assert.That(p.Value.Data, Is.EqualTo(before[p.Name].Value.Data), p.Name); // exact: float → float32 → float
            }
            Assert.That(loaded.Network.Parameters.Any(p => p.Value.IsComplex), "the spectral weights are complex");
            Assert.That(loaded.InputNormalizer!.Mean, Is.EqualTo(new[] { 0.25f }));
            Assert.That(loaded.OutputNormalizer!.Epsilon, Is.EqualTo(1e-6));
            Assert.That(record!.History["test_l2"], Is.EqualTo(new[] { 0.4, 0.2 }));
            Assert.That(record.Epochs, Is.EqualTo(2));
            Assert.That(loaded.Predict(Inputs(2, 10)).Data, Is.EqualTo(model.Predict(Inputs(2, 10)).Data));
        });
    }

    [Test]
    public void StaticLoad_ReadsWhatSaveWrote()
    {
        var model = Model();
        string path = PathOf("m.h5");
        model.Save(path);
        var loaded = NeuralOperatorModel.Load(path);
        Assert.That(loaded.Predict(Inputs(1, 8)).Data, Is.EqualTo(model.Predict(Inputs(1, 8)).Data));
        Assert.That(NeuralModelFile.Read(path).Training, Is.Null);
    }

    [Test]
    public void Layout_IsTheDocumentedOne()
    {
        var root = Hdf5File.Read(Write(Model()));
        Assert.Multiple(() =>
        {
            Assert.That(root.Attributes["format"].AsStrings()[0], Is.EqualTo("rom-model"));
            Assert.That(root.Attributes["kind"].AsStrings()[0], Is.EqualTo("fno-model"));
            Assert.That(root.Groups["architecture"].Attributes.Keys, Is.EqualTo(FnoArchitecture.Names));
            Assert.That(root.Groups["architecture"].Attributes["n_modes"].AsLongs(), Is.EqualTo(new long[] { 4, 3 }));
            var spectral = root.Groups["parameters"].Datasets["fno_blocks.convs.0.weight.tensor"];
            Assert.That(spectral.Type, Is.EqualTo(DataType.Float32));
            Assert.That(spectral.Shape[0], Is.EqualTo(2), "complex: real plane, imaginary plane");
            Assert.That(root.Groups["parameters"].DatasetAttributes["fno_blocks.convs.0.weight.tensor"]["complex"].AsLongs()[0], Is.EqualTo(1));
            Assert.That(root.Groups["parameters"].Datasets["lifting.fcs.0.weight"].Type, Is.EqualTo(DataType.Float32));
            Assert.That(root.Groups["normalizers"].Groups["output"].Datasets["std"].AsDoubles(), Is.EqualTo(new[] { 2.0 }));
        });
    }

    [Test]
    public void WrongShape_NamesTheDatasetAndBothShapes()
    {
        var tree = NeuralModelFile.ToTree(Model());
        var arrays = tree.Groups["parameters"].Datasets;
        arrays["projection.fcs.1.bias"] = DataArray.Create(DataType.Float32, new double[2], [2]);
        var error = Assert.Throws<DataFileException>(() => NeuralModelFile.FromTree(tree, "m.h5"));
        Assert.That(error!.Message, Does.Contain("/parameters/projection.fcs.1.bias").And.Contain("[2]").And.Contain("[1]"));
    }

    [Test]
    public void MissingOrExtraParameter_IsNamed()
    {
        var tree = NeuralModelFile.ToTree(Model());
        tree.Groups["parameters"].Datasets.Remove("fno_blocks.fno_skips.1.conv.weight");
        Assert.That(Assert.Throws<DataFileException>(() => NeuralModelFile.FromTree(tree, "m.h5"))!.Message,
            Does.Contain("fno_blocks.fno_skips.1.conv.weight").And.Contain("missing"));
        tree = NeuralModelFile.ToTree(Model());
        tree.Groups["parameters"].Datasets["extra.weight"] = DataArray.Of([1.0]);
        Assert.That(Assert.Throws<DataFileException>(() => NeuralModelFile.FromTree(tree, "m.h5"))!.Message, Does.Contain("extra.weight"));
    }

    [Test]
    public void AnotherKind_NamesTheKindFoundAndExpected()
    {
        var tree = NeuralModelFile.ToTree(Model());
        tree.Attributes["format"] = DataArray.Scalar("rom-case");
        tree.Attributes["kind"] = DataArray.Scalar("sweep");
        var error = Assert.Throws<DataFileException>(() => NeuralModelFile.FromTree(tree, "case.h5"));
        Assert.That(error!.Message, Does.Contain("'sweep'").And.Contain("'fno-model'").And.Contain("'rom-case'"));
    }

    [Test]
    public void Multigrid_RoundTrips_AndOldFilesReadAsOff()
    {
        var options = Small with { MultigridLevels = 1, MultigridPadding = 0.125 };
        var model = Model(options);
        string path = PathOf("mg.h5");
        model.Save(path);
        var loaded = NeuralOperatorModel.Load(path);
        Assert.That(loaded.Options with { Modes = options.Modes }, Is.EqualTo(options));
        Assert.That(loaded.Predict(Inputs(2, 8)).Data, Is.EqualTo(model.Predict(Inputs(2, 8)).Data));

        var tree = NeuralModelFile.ToTree(Model());
        tree.Groups["architecture"].Attributes.Remove("mg_levels");
        tree.Groups["architecture"].Attributes.Remove("mg_padding");
        Assert.That(NeuralModelFile.FromTree(tree, "old.h5").Model.Options with { Modes = Small.Modes }, Is.EqualTo(Small));

        tree = NeuralModelFile.ToTree(Model());
        tree.Groups["architecture"].Attributes["mg_levels"] = DataArray.Scalar(-2L);
        var error = Assert.Throws<DataFileException>(() => NeuralModelFile.FromTree(tree, "m.h5"));
        Assert.That(error!.Message, Does.Contain("/architecture@mg_levels").And.Contain("0 (off) … 15"));
    }

    [Test]
    public void NonLinearity_RoundTrips_OldFilesReadAsGelu_AndAnUnknownOneIsNamed()
    {
        var options = Small with { NonLinearity = "tanh" };
        var model = Model(options);
        string path = PathOf("tanh.h5");
        model.Save(path);
        var loaded = NeuralOperatorModel.Load(path);
        Assert.That(loaded.Options with { Modes = options.Modes }, Is.EqualTo(options));
        Assert.That(loaded.Predict(Inputs(2, 8)).Data, Is.EqualTo(model.Predict(Inputs(2, 8)).Data));
        Assert.That(loaded.Predict(Inputs(2, 8)).Data, Is.Not.EqualTo(Model().Predict(Inputs(2, 8)).Data), "tanh changes the output");

        var tree = NeuralModelFile.ToTree(Model());
        tree.Groups["architecture"].Attributes.Remove("non_linearity");
        Assert.That(NeuralModelFile.FromTree(tree, "old.h5").Model.Options.NonLinearity, Is.EqualTo("gelu"));

        tree.Groups["architecture"].Attributes["non_linearity"] = DataArray.Scalar("swish");
        var error = Assert.Throws<DataFileException>(() => NeuralModelFile.FromTree(tree, "m.h5"));
        Assert.That(error!.Message, Does.Contain("/architecture@non_linearity").And.Contain("swish").And.Contain("gelu, relu, tanh"));
    }

    [Test]
    public void UnknownFactorization_IsNamed()
    {
        var tree = NeuralModelFile.ToTree(Model());
        tree.Groups["architecture"].Attributes["factorization"] = DataArray.Scalar("banana");
        var error = Assert.Throws<DataFileException>(() => NeuralModelFile.FromTree(tree, "m.h5"));
        Assert.That(error!.Message, Does.Contain("/architecture@factorization").And.Contain("banana").And.Contain("dense"));
    }

    [Test]
    public void Write_IsAtomic_NoTemporaryFileLeft()
    {
        string path = Write(Model());
        Write(Model(Small with { Seed = 8 }), path);
        Assert.That(Directory.GetFiles(Dir), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void H5py_ReadsTheModelFile()
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python) || Run(python, "-c \"import h5py, numpy\"").ExitCode != 0)
            Assert.Ignore($"{python} with h5py and numpy is not available, so the h5py read-back cannot be checked.");
        var model = Model();
        string path = Write(model);
        string script = PathOf("read.py");
        File.WriteAllText(script, """
            import sys, h5py, numpy as np
            with h5py.File(sys.argv[1], "r") as f:
                w = f["parameters/fno_blocks.convs.0.weight.tensor"]
                assert w.dtype == np.float32 and w.attrs["complex"] == 1 and w.shape[0] == 2, (w.dtype, w.shape)
                z = w[0] + 1j * w[1]
                a = f["architecture"].attrs
                print(f["/"].attrs["kind"], [int(m) for m in a["n_modes"]], int(a["hidden_channels"]), list(z.shape), repr(float(z.flat[0].real)), repr(float(z.flat[0].imag)))
            """);
        var (code, output) = Run(python, $"\"{script}\" \"{path}\"");
        var weight = model.Network.Parameters.First(p => p.Name == "fno_blocks.convs.0.weight.tensor").Value;
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.StartWith($"fno-model [4, 3] 6 [{string.Join(", ", weight.Shape)}]"));
        string[] tokens = output.Trim().Split(' ');
        Assert.That(double.Parse(tokens[^2], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo((double)weight.Real[0]));
        Assert.That(double.Parse(tokens[^1], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo((double)weight.Imaginary[0]));
    }

    private string Write(NeuralOperatorModel model, string? path = null)
    {
        path ??= PathOf("model.h5");
        NeuralModelFile.Write(path, model);
        return path;
    }

    private static (int ExitCode, string Output) Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
