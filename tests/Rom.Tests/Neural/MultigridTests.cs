using static Rom.Tests.Tensors.GradientCheck;

namespace Rom.Tests.Neural;

/// <summary>
/// Multigrid patching (MG-TFNO): patches and stitching undo each other, the context channels are neuraloperator's
/// (a naive transcription of its <c>_make_mg_patches</c>), a whole MG-FNO's gradient is right, and bad settings are named.
/// </summary>
public class MultigridTests
{
    [TestCase(1, 0.0, 8, 8)]
    [TestCase(1, 0.125, 8, 12)]
    [TestCase(2, 0.1, 16, 32)]
    [TestCase(2, 0.3, 32, 16)]
    [TestCase(3, 0.0, 64, 64)]
    [TestCase(3, 0.2, 64, 128)]
    public void PatchThenStitchIsTheIdentity(int levels, double padding, int n1, int n2)
    {
        var multigrid = new Multigrid(levels, padding);
        Tensor<double> x = Random([2, 3, n1, n2], levels);
        Tensor<double> patched = multigrid.Patch(Tape<double>.Constant(x)).Value;
        int[] size = multigrid.PatchResolution([n1, n2]);
        Assert.That(patched.Shape, Is.EqualTo(new[] { 2 << (2 * levels), 3 * (levels + 1), size[0], size[1] }));
        Tensor<double> stitched = multigrid.Stitch(Tape<double>.Constant(patched), [n1, n2]).Value;
        // The stitched level-0 channels are x; the context channels stitch into other fields.
        for (int b = 0; b < 2; b++)
            Assert.That(stitched.Data.AsSpan(b * 3 * (levels + 1) * n1 * n2, 3 * n1 * n2).ToArray(),
                Is.EqualTo(x.Data.AsSpan(b * 3 * n1 * n2, 3 * n1 * n2).ToArray()));
    }

    [TestCase(1, 0.0, 8)]
    [TestCase(1, 0.25, 8)]
    [TestCase(2, 0.0, 16)]
    [TestCase(2, 0.125, 32)]
    [TestCase(2, 0.5, 16)]
    [TestCase(3, 0.1, 64)]
    public void ChannelsAreNeuraloperatorsPatchesAndCoarsenedWindows(int levels, double padding, int n)
    {
        const int batch = 2, channels = 2;
        var multigrid = new Multigrid(levels, padding);
        Tensor<double> x = Random([batch, channels, n, n], 7);
        Tensor<double> patched = multigrid.Patch(Tape<double>.Constant(x)).Value;
        int patches = 1 << levels, p = (int)Math.Round(n * padding), side = n / patches, window = side + 2 * p;
        for (int l = 0; l <= levels; l++)
        {
            // neuraloperator: x_sub = x[:, :, ::f, ::f], circularly padded by s_pad (twice when wider than itself), unfolded with
            // windows of s_patched + 2p at stride s_patched // f; level 0 is make_patches (pad p, stride s_patched).
            int f = 1 << l, sub = (n + f - 1) / f, stride = side / f;
            int pad = l == 0 ? p : (int)Math.Ceiling((side + (patches - 1) * stride - sub) / 2.0) + p;
            double Padded(int b, int c, int r, int s) => x.Data[((b * channels + c) * n + f * Wrap(r - pad, sub)) * n + f * Wrap(s - pad, sub)];
            for (int b = 0; b < batch; b++)
                for (int i = 0; i < patches; i++)
                    for (int j = 0; j < patches; j++)
                        for (int c = 0; c < channels; c++)
                            for (int r = 0; r < window; r++)
                                for (int s = 0; s < window; s++)
                                {
                                    int patch = (b * patches + i) * patches + j, channel = l * channels + c;
                                    double actual = patched.Data[((patch * channels * (levels + 1) + channel) * window + r) * window + s];
                                    Assert.That(actual, Is.EqualTo(Padded(b, c, i * stride + r, j * stride + s)), $"level {l}, patch ({i}, {j}), point ({r}, {s})");
                                }
        }
    }

    private static int Wrap(int i, int n) => (i % n + n) % n;

    [TestCase(1, 0.125, 8, false)]
    [TestCase(2, 0.0, 16, true)]
    public void MultigridFnoGradientMatchesFiniteDifferences(int levels, double padding, int n, bool channelMlp)
    {
        var model = new Fno<double>(new FnoOptions
        {
            InChannels = 2, OutChannels = 1, HiddenChannels = 3, Modes = [3, 4], Layers = 2, ChannelMlp = channelMlp,
            MultigridLevels = levels, MultigridPadding = padding, Seed = 5,
        });
        Tensor<double> x = Random([2, 2, n, n], 1), target = Random([2, 1, n, n], 2);
        Variable<double> Loss(Tape<double>? tape)
        {
            Variable<double> y = model.Forward(Tape<double>.Constant(x), tape);
            Assert.That(y.Shape, Is.EqualTo(new[] { 2, 1, n, n }));
            return Ops.RelativeL2(y, target);
        }
        Assert.That(ParameterGradientCheck.RelativeError([.. model.Parameters], Loss), Is.LessThan(1e-6));
    }

    [Test]
    public void TheLiftingTakesTheContextChannels()
    {
        var model = new Fno<float>(new FnoOptions { InChannels = 2, HiddenChannels = 4, Modes = [4, 4], MultigridLevels = 2 });
        Parameter<float> first = model.Parameters.First();
        Assert.That(first.Value.Shape[1], Is.EqualTo(2 * 3 + 2), first.Name);
    }

    [Test]
    public void BadSettingsAndResolutionsAreNamed()
    {
        var e = Assert.Throws<ArgumentException>(() => new FnoOptions { MultigridLevels = -1 }.Checked());
        Assert.That(e!.ParamName, Is.EqualTo("mg_levels"));
        Assert.That(e.Message, Does.Contain("mg_levels = -1, expected an integer in 0 (off) … 15"));
        e = Assert.Throws<ArgumentException>(() => new FnoOptions { MultigridLevels = 1, Modes = [4, 4, 4] }.Checked());
        Assert.That(e!.Message, Does.Contain("multigrid patching is 2-D and n_modes has 3 entries"));
        e = Assert.Throws<ArgumentException>(() => new FnoOptions { MultigridPadding = 1 }.Checked());
        Assert.That(e!.ParamName, Is.EqualTo("mg_padding"));
        Assert.That(e.Message, Does.Contain("mg_padding = 1, expected a fraction in [0, 1)"));

        var model = new Fno<float>(new FnoOptions { Modes = [4, 4], HiddenChannels = 2, MultigridLevels = 2 });
        e = Assert.Throws<ArgumentException>(() => model.Forward(Tape<float>.Constant(Tensor<float>.Zeros([1, 1, 24, 32])), null));
        Assert.That(e!.Message, Does.Contain("mg_levels = 2 needs a resolution that divides by 4^2 = 16").And.Contain("axis 0 has 24 points"));
        e = Assert.Throws<ArgumentException>(() => new Fno<float>(new FnoOptions { Modes = [6, 6], MultigridLevels = 2 })
            .Forward(Tape<float>.Constant(Tensor<float>.Zeros([1, 1, 16, 16])), null));
        Assert.That(e!.Message, Does.Contain("resolution 4 (of a multigrid patch) on axis 0 is below the 6 modes"));
    }
}
