namespace Rom.IO.Tests.Neural;

/// <summary>
/// Rom's FNO (with each non-linearity) against the same architecture in plain PyTorch (src/Rom.Bench/Scripts/torch_fno.py, Debian's python3-torch): PyTorch
/// draws the weights, a batch and a target, and Rom, given the same weights, reproduces its forward output to 1e-5
/// and the gradient of the relative-L2 loss for every parameter to 1e-4 (float32, relative in the max norm).
/// </summary>
public class TorchReferenceTests
{
    [TestCase(1, "gelu")]
    [TestCase(2, "gelu")]
    [TestCase(3, "gelu")]
    [TestCase(2, "relu")]
    [TestCase(2, "tanh")]
    public void ForwardAndGradientsMatchPyTorch(int dims, string nonLinearity)
    {
        TorchScript.RequireTorch();
        string file = Path.Combine(Path.GetTempPath(), $"rom-torch-reference-{Environment.ProcessId}-{dims}-{nonLinearity}.h5");
        try
        {
            TorchScript.Run($"reference \"{file}\" --dims {dims} --non_linearity {nonLinearity}");
            DataGroup root = Hdf5File.Read(file);
            Fno<float> model = Build(root);
            Tensor<float> x = TorchScript.FloatTensor(root.Datasets["input"]), target = TorchScript.FloatTensor(root.Datasets["target"]);

            var tape = new Tape<float>();
            Variable<float> y = model.Forward(Tape<float>.Constant(x), tape);
            Variable<float> loss = Ops.RelativeL2(y, target);
            tape.Backward(loss);

            Assert.That(MaxNorm.RelativeError(y.Value.Data, TorchScript.FloatTensor(root.Datasets["output"]).Data), Is.LessThan(1e-5), "forward output");
            Assert.That(loss.Value.Data[0], Is.EqualTo(root.Datasets["loss"].AsDoubles()[0]).Within(1e-5).Percent, "loss");
            DataGroup gradients = root.Groups["gradients"];
            Assert.Multiple(() =>
            {
                foreach (Parameter<float> p in model.Parameters)
                    Assert.That(MaxNorm.RelativeError(p.Gradient.Data, TorchScript.FloatTensor(gradients.Datasets[p.Name]).Data), Is.LessThan(1e-4), p.Name);
            });
        }
        finally
        {
            File.Delete(file);
        }
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
            NonLinearity = a["non_linearity"].AsStrings()[0],
        });
        DataGroup parameters = root.Groups["parameters"];
        Assert.That(parameters.Datasets.Keys, Is.EquivalentTo(model.Parameters.Select(p => p.Name)), "parameter names");
        foreach (Parameter<float> p in model.Parameters)
        {
            float[] stored = TorchScript.FloatTensor(parameters.Datasets[p.Name]).Data;
            Assert.That(stored, Has.Length.EqualTo(p.Value.Data.Length), p.Name);
            stored.CopyTo(p.Value.Data, 0);
        }
        return model;
    }
}
