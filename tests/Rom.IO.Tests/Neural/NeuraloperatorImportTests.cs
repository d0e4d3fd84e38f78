using System.IO.Compression;
using Rom.IO.Torch;

namespace Rom.IO.Tests.Neural;

/// <summary>
/// <see cref="NeuraloperatorStateDict"/> on state dicts that PyTorch writes in neuraloperator's layout
/// (torch_fno.py statedict): the imported model reproduces PyTorch's output to 1e-5 for dense, Tucker, CP and TT
/// weights and each non-linearity Rom has, with the architecture from each form of <c>_metadata</c>; an architecture or non-linearity Rom lacks, a missing setting, a
/// weight of the wrong shape and a file that is not PyTorch's are refused by name.
/// </summary>
public class NeuraloperatorImportTests : TempFolderTest
{
    [TestCase(2, "dense", "kwargs")]
    [TestCase(2, "tucker", "kwargs")]
    [TestCase(2, "cp", "kwargs")]
    [TestCase(2, "tt", "kwargs")]
    [TestCase(1, "dense", "args")]
    [TestCase(3, "tucker", "kwargs")]
    [TestCase(3, "cp", "args")]
    [TestCase(2, "tucker", "tfno")]
    public void ImportedModelReproducesPyTorch(int dims, string factorization, string metadata)
    {
        var (pt, reference) = Write($"--dims {dims} --factorization {factorization} --metadata {metadata} --rank 0.2");
        var model = NeuraloperatorStateDict.Read(pt);
        Assert.That(model.Options.Factorization, Is.EqualTo(factorization));
        AssertReproduces(model, reference);
    }

    [TestCase("relu")]
    [TestCase("tanh")]
    public void ItsNonLinearityIsImported(string nonLinearity)
    {
        var (pt, reference) = Write($"--dims 2 --non_linearity {nonLinearity}");
        var model = NeuraloperatorStateDict.Read(pt);
        Assert.That(model.Options.NonLinearity, Is.EqualTo(nonLinearity));
        AssertReproduces(model, reference);
    }

    [Test]
    public void ANonLinearityRomLacksIsNamed()
    {
        var (pt, _) = Write("--dims 2 --non_linearity silu");
        var error = Assert.Throws<DataFileException>(() => NeuraloperatorStateDict.Read(pt))!;
        Assert.That(error.Message, Does.Contain("_metadata['non_linearity']").And.Contain("torch.nn.functional.silu").And.Contain("gelu, relu, tanh"));
    }

    [Test]
    public void SettingsStandInForMissingMetadata()
    {
        var (pt, reference) = Write("--dims 2 --factorization dense --metadata none");
        var error = Assert.Throws<DataFileException>(() => NeuraloperatorStateDict.Read(pt))!;
        Assert.That(error.Message, Does.Contain("n_modes").And.Contain("--set n_modes="));
        var settings = new Dictionary<string, string> { ["n_modes"] = "6,8", ["in_channels"] = "2", ["out_channels"] = "1", ["hidden_channels"] = "8", ["n_layers"] = "3", ["domain_padding"] = "0.25" };
        AssertReproduces(NeuraloperatorStateDict.Read(pt, settings), reference);
    }

    [Test]
    public void AnArchitectureRomLacksIsNamed()
    {
        var (pt, _) = Write("--norm group_norm");
        var error = Assert.Throws<DataFileException>(() => NeuraloperatorStateDict.Read(pt))!;
        Assert.That(error.Message, Does.Contain("_metadata['norm']").And.Contain("group_norm"));
    }

    [Test]
    public void AWrongRankIsNamedWithTheKeyAndShapes()
    {
        var (pt, _) = Write("--factorization tucker --rank 0.2");
        var error = Assert.Throws<DataFileException>(() => NeuraloperatorStateDict.Read(pt, new Dictionary<string, string> { ["rank"] = "0.5" }))!;
        Assert.That(error.Message, Does.Contain("fno_blocks.convs.0.weight.core").And.Contain("expected complex ["));
    }

    [Test]
    public void StridedAndOffsetTensors_AreReadInTheirLogicalOrder()
    {
        TorchScript.RequireTorch();
        string pt = PathOf("strided.pt");
        // A transposed view (strides (1, 3)), a slice at an offset, and a contiguous float64 tensor: one storage for the first two.
        TorchScript.RunCode($"import torch; a = torch.arange(6.0).reshape(2, 3); torch.save({{'t': a.t(), 's': a[1, 1:], 'd': torch.tensor([1.5, -2.0], dtype=torch.float64)}}, '{pt}')");
        var dict = (PickleDict)TorchFile.Read(pt)!;
        TorchTensor Get(string key) => dict.TryGetValue(key, out var v) ? (TorchTensor)v! : throw new AssertionException($"no {key}");
        Assert.Multiple(() =>
        {
            Assert.That(Get("t").Shape, Is.EqualTo(new[] { 3, 2 }));
            Assert.That(Get("t").ToSingles(), Is.EqualTo(new float[] { 0, 3, 1, 4, 2, 5 }));
            Assert.That(Get("s").ToSingles(), Is.EqualTo(new float[] { 4, 5 }));
            Assert.That(Get("d").DType, Is.EqualTo(TorchDType.Float64));
            Assert.That(Get("d").ToSingles(), Is.EqualTo(new float[] { 1.5f, -2 }));
        });
    }

    [Test]
    public void NonTorchFilesAreRefused()
    {
        string text = PathOf("notes.pt");
        File.WriteAllText(text, "not a zip");
        Assert.That(Assert.Throws<DataFileException>(() => NeuraloperatorStateDict.Read(text))!.Message, Does.Contain("not a zip archive"));

        string zip = PathOf("other.pt");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            archive.CreateEntry("x/readme.txt");
        Assert.That(Assert.Throws<DataFileException>(() => NeuraloperatorStateDict.Read(zip))!.Message, Does.Contain("data.pkl"));

        string garbage = PathOf("garbage.pt");
        using (var archive = ZipFile.Open(garbage, ZipArchiveMode.Create))
        using (var stream = archive.CreateEntry("archive/data.pkl").Open())
            stream.Write([0x80, 0x02, 0xff]);
        Assert.That(Assert.Throws<DataFileException>(() => NeuraloperatorStateDict.Read(garbage))!.Message, Does.Contain("opcode 0xff"));
    }

    /// <summary>The model's output on the reference input equals PyTorch's to 1e-5 (relative, max norm).</summary>
    private static void AssertReproduces(Rom.Neural.NeuralOperatorModel model, DataGroup reference)
    {
        Tensor<float> y = model.Network.Forward(Tape<float>.Constant(TorchScript.FloatTensor(reference.Datasets["input"])), null).Value;
        Assert.That(MaxNorm.RelativeError(y.Data, TorchScript.FloatTensor(reference.Datasets["output"]).Data), Is.LessThan(1e-5));
    }

    private (string Pt, DataGroup Reference) Write(string options)
    {
        TorchScript.RequireTorch();
        string pt = PathOf("model_state_dict.pt"), h5 = PathOf("reference.h5");
        TorchScript.Run($"statedict \"{pt}\" \"{h5}\" {options}");
        return (pt, Hdf5File.Read(h5));
    }
}
