using System.Numerics;
using System.Runtime.InteropServices;
using Rom.IO.Hdf5;
using Rom.Spectral;

namespace Rom.Bench.Spectral;

/// <summary>
/// Writes Rom's FFT results for seeded random inputs of every size class (1-D power of two, composite, prime and
/// even-with-large-prime through Bluestein; 2-D; 3-D; complex and real; NumPy's three norms) to an HDF5 file that
/// validation/check_fft_numpy.py compares with numpy.fft. One group per case and norm, e.g. /c2d_ortho, with
/// attributes kind ("complex" or "real"), norm and shape, and datasets whose axis 0 is the batch. Complex arrays are
/// stored as doubles with a trailing dimension of 2 (re, im). Complex cases hold input, forward (fftn of input) and
/// inverse (ifftn of input); real cases hold input, forward (rfftn of input), spectrum (a random half spectrum) and
/// inverse (irfftn of spectrum with the real shape).
/// </summary>
public static class FftAgreementFile
{
    private static readonly (string Name, int[] Shape, int Batch, bool Real)[] Cases =
    [
        ("c1d_pow2", [1024], 2, false),
        ("c1d_composite", [360], 3, false),
        ("c1d_prime", [1009], 1, false),
        ("c1d_bluestein_even", [998], 2, false),
        ("c2d", [48, 30], 2, false),
        ("c3d", [12, 10, 9], 1, false),
        ("r1d_pow2", [512], 2, true),
        ("r1d_odd", [243], 1, true),
        ("r1d_prime", [521], 2, true),
        ("r2d", [64, 50], 2, true),
        ("r2d_odd", [20, 15], 1, true),
        ("r3d", [16, 12, 10], 1, true),
    ];

    private static readonly (string Name, FftNormalization Value)[] Norms =
        [("backward", FftNormalization.Backward), ("ortho", FftNormalization.Ortho), ("forward", FftNormalization.Forward)];

    /// <summary>Computes every case and writes the file.</summary>
    public static void Write(string path)
    {
        var root = new DataGroup();
        root.Attributes["format"] = DataArray.Scalar("rom-fft-check");
        root.Attributes["layout"] = DataArray.Scalar("axis 0 is the batch; complex arrays have a trailing axis of 2 (re, im)");
        var random = new Random(20261124);
        foreach (var (name, shape, batch, real) in Cases)
            foreach (var (normName, norm) in Norms)
            {
                var group = root.GetOrAddGroup($"{name}_{normName}");
                group.Attributes["kind"] = DataArray.Scalar(real ? "real" : "complex");
                group.Attributes["norm"] = DataArray.Scalar(normName);
                group.Attributes["shape"] = DataArray.Of(shape);
                int[] batched = [batch, .. shape];
                if (real)
                    AddReal(group, new RealFftPlan(shape, batch), batched, norm, random);
                else
                    AddComplex(group, new FftPlan(shape, batch), batched, norm, random);
            }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        Hdf5File.Write(path, root);
    }

    private static void AddComplex(DataGroup group, FftPlan plan, int[] batched, FftNormalization norm, Random random)
    {
        var input = RandomDoubles(random, 2 * plan.Length * plan.BatchCount);
        var x = MemoryMarshal.Cast<double, Complex>(input);
        var forward = new double[input.Length];
        var inverse = new double[input.Length];
        plan.Forward(x, MemoryMarshal.Cast<double, Complex>(forward.AsSpan()), norm);
        plan.Inverse(x, MemoryMarshal.Cast<double, Complex>(inverse.AsSpan()), norm);
        int[] complexShape = [.. batched, 2];
        group.Datasets["input"] = DataArray.Of(input, complexShape);
        group.Datasets["forward"] = DataArray.Of(forward, complexShape);
        group.Datasets["inverse"] = DataArray.Of(inverse, complexShape);
    }

    private static void AddReal(DataGroup group, RealFftPlan plan, int[] batched, FftNormalization norm, Random random)
    {
        var input = RandomDoubles(random, plan.Length * plan.BatchCount);
        var forward = new double[2 * plan.SpectrumLength * plan.BatchCount];
        plan.Forward(input, MemoryMarshal.Cast<double, Complex>(forward.AsSpan()), norm);
        var spectrum = RandomDoubles(random, forward.Length);
        var inverse = new double[input.Length];
        plan.Inverse(MemoryMarshal.Cast<double, Complex>(spectrum.AsSpan()), inverse, norm);
        int[] spectrumShape = [.. batched[..^1], batched[^1] / 2 + 1, 2];
        group.Datasets["input"] = DataArray.Of(input, batched);
        group.Datasets["forward"] = DataArray.Of(forward, spectrumShape);
        group.Datasets["spectrum"] = DataArray.Of(spectrum, spectrumShape);
        group.Datasets["inverse"] = DataArray.Of(inverse, batched);
    }

    private static double[] RandomDoubles(Random random, int count)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++)
            values[i] = 2 * random.NextDouble() - 1;
        return values;
    }
}
