using System.Diagnostics;
using Rom.IO.Hdf5;
using Rom.Neural.Models;
using Rom.Tensors;

namespace Rom.IO.Tests.Neural;

/// <summary>
/// Rom's FNO against the same architecture in plain PyTorch (src/Rom.Bench/Scripts/torch_fno.py, Debian's python3-torch): PyTorch
/// draws the weights, a batch and a target, and Rom, given the same weights, reproduces its forward output to 1e-5
/// and the gradient of the relative-L2 loss for every parameter to 1e-4 (float32, relative in the max norm).
/// </summary>
public class TorchReferenceTests
{
    private const string DebianPython = "/usr/bin/python3";

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void ForwardAndGradientsMatchPyTorch(int dims)
    {
        string script = Path.Combine(RepositoryRoot(), "src", "Rom.Bench", "Scripts", "torch_fno.py");
        if (!File.Exists(DebianPython) || Run($"-c \"import torch, h5py\"") != 0)
            Assert.Ignore($"{DebianPython} with torch and h5py (python3-torch, python3-h5py) is not available.");
        string file = Path.Combine(Path.GetTempPath(), $"rom-torch-reference-{Environment.ProcessId}-{dims}.h5");
        try
        {
            Assert.That(Run($"\"{script}\" reference \"{file}\" --dims {dims}"), Is.Zero, "the PyTorch reference script failed");
            DataGroup root = Hdf5File.Read(file);
            Fno<float> model = Build(root);
            Tensor<float> x = FloatTensor(root.Datasets["input"]), target = FloatTensor(root.Datasets["target"]);

            var tape = new Tape<float>();
            Variable<float> y = model.Forward(Tape<float>.Constant(x), tape);
            Variable<float> loss = Ops.RelativeL2(y, target);
            tape.Backward(loss);

            Assert.That(RelativeMaxError(y.Value.Data, FloatTensor(root.Datasets["output"]).Data), Is.LessThan(1e-5), "forward output");
            Assert.That(loss.Value.Data[0], Is.EqualTo(root.Datasets["loss"].AsDoubles()[0]).Within(1e-5).Percent, "loss");
            DataGroup gradients = root.Groups["gradients"];
            Assert.Multiple(() =>
            {
                foreach (Parameter<float> p in model.Parameters)
                    Assert.That(RelativeMaxError(p.Gradient.Data, FloatTensor(gradients.Datasets[p.Name]).Data), Is.LessThan(1e-4), p.Name);
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>max |a − b| / max |b|.</summary>
    private static double RelativeMaxError(float[] actual, float[] expected)
    {
        Assert.That(actual, Has.Length.EqualTo(expected.Length));
        double error = 0, scale = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            error = Math.Max(error, Math.Abs(actual[i] - expected[i]));
            scale = Math.Max(scale, Math.Abs(expected[i]));
        }
        return error / scale;
    }

    private static Fno<float> Build(DataGroup root)
    {
        IDictionary<string, DataArray> a = root.Groups["architecture"].Attributes;
        long Int(string key) => a[key].AsLongs()[0];
        double Real(string key) => a[key].AsDoubles()[0];
        var model = new Fno<float>(new FnoOptions
        {
            InChannels = (int)Int("in_channels"),
            OutChannels = (int)Int("out_channels"),
            HiddenChannels = (int)Int("hidden_channels"),
            Modes = [.. a["n_modes"].AsLongs().Select(m => (int)m)],
            Layers = (int)Int("n_layers"),
            LiftingChannelRatio = Real("lifting_channel_ratio"),
            ProjectionChannelRatio = Real("projection_channel_ratio"),
            PositionalEmbedding = Int("positional_embedding") != 0,
            ChannelMlp = Int("use_channel_mlp") != 0,
            ChannelMlpExpansion = Real("channel_mlp_expansion"),
            DomainPadding = Real("domain_padding"),
        });
        DataGroup parameters = root.Groups["parameters"];
        Assert.That(parameters.Datasets.Keys, Is.EquivalentTo(model.Parameters.Select(p => p.Name)), "parameter names");
        foreach (Parameter<float> p in model.Parameters)
        {
            float[] stored = FloatTensor(parameters.Datasets[p.Name]).Data;
            Assert.That(stored, Has.Length.EqualTo(p.Value.Data.Length), p.Name);
            stored.CopyTo(p.Value.Data, 0);
        }
        return model;
    }

    private static Tensor<float> FloatTensor(DataArray array) =>
        new(array.Shape, [.. array.AsDoubles().Select(v => (float)v)]);

    private static int Run(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(DebianPython, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            TestContext.Out.WriteLine(error);
        return process.ExitCode;
    }

    private static string RepositoryRoot()
    {
        string? folder = TestContext.CurrentContext.TestDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "Rom.sln")))
            folder = Path.GetDirectoryName(folder);
        return folder ?? throw new InvalidOperationException("Rom.sln not found above the test folder.");
    }
}
