using Rom.SpectralSolvers;

namespace Rom.IO.Tests.Neural;

/// <summary>
/// Rom's neural spectral method on the periodic Poisson problem against the same network and loss written out in plain
/// PyTorch (src/Rom.Bench/Scripts/torch_nsm.py, which builds the real Fourier basis, the network and the Parseval loss
/// from their definitions): given Rom's weights and sources, PyTorch reproduces the constrained output to 1e-5, the
/// exact-norm residual loss to 1e-5 and every parameter's gradient to 1e-4 (float32, relative in the max norm).
/// </summary>
public class NsmTorchReferenceTests : TempFolderTest
{
    [Test]
    public void ForwardLossAndGradientsMatchPyTorch()
    {
        TorchScript.RequireTorch();
        const int modes = 17, batch = 3;
        var problem = new PoissonSourceProblem(modes);
        var model = new Nsm<float>(new NsmOptions { Modes = problem.Modes, Width = 6, Depth = 2, OutputScale = 0.5, Seed = 3 });
        Tensor<float> sources = problem.SampleParameters(batch, new Random(11));

        var tape = new Tape<float>();
        Variable<float> u = SpectralTrainer.Predict(model, problem, sources, null);
        Variable<float> loss = SpectralTrainer.BatchLoss(model, problem, sources, exactNorm: true, tape);
        tape.Backward(loss);

        string input = PathOf("nsm-in.h5"), output = PathOf("nsm-out.h5");
        var root = new DataGroup();
        root.Attributes["width"] = DataArray.Scalar(6L);
        root.Attributes["depth"] = DataArray.Scalar(2L);
        root.Attributes["modes"] = DataArray.Of([(long)modes, modes]);
        root.Attributes["output_scale"] = DataArray.Scalar(0.5);
        var parameters = new DataGroup();
        foreach (Parameter<float> p in model.Parameters)
            parameters.Datasets[p.Name] = Float32(p.Value);
        root.Groups["parameters"] = parameters;
        root.Datasets["input"] = Float32(sources);
        Hdf5File.Write(input, root);
        TorchScript.Run($"reference \"{input}\" \"{output}\"", "torch_nsm.py");

        DataGroup reference = Hdf5File.Read(output);
        Assert.That(MaxNorm.RelativeError(u.Value.Data, TorchScript.FloatTensor(reference.Datasets["output"]).Data), Is.LessThan(1e-5), "constrained output");
        Assert.That(loss.Value.Data[0], Is.EqualTo(reference.Datasets["loss"].AsDoubles()[0]).Within(1e-3).Percent, "loss");
        DataGroup gradients = reference.Groups["gradients"];
        Assert.Multiple(() =>
        {
            foreach (Parameter<float> p in model.Parameters)
                Assert.That(MaxNorm.RelativeError(p.Gradient.Data, TorchScript.FloatTensor(gradients.Datasets[p.Name]).Data), Is.LessThan(1e-4), p.Name);
        });
    }

    private static DataArray Float32(Tensor<float> t) =>
        DataArray.Create(DataType.Float32, Array.ConvertAll(t.Data, v => (double)v), [.. t.Shape]);
}
