using System.Numerics;
using System.Runtime.InteropServices;
using Rom.Spectral;

namespace Rom.Bench.Spectral;

/// <summary>
/// Rom's <see cref="FftPlan"/>/<see cref="RealFftPlan"/> against FFTW (FFTW_MEASURE plans), both on one thread, on the
/// sizes of issue 5: 1-D complex 2¹⁶ and 2²⁰, 2-D real 256² and 512², 3-D complex 64³. Each row also checks that
/// the two spectra agree.
/// </summary>
public sealed class FftBenchmark : ISpectralBenchmark
{
    private sealed record Size(string Name, int[] Shape, bool Real);

    private static readonly Size[] FullSizes =
    [
        new("fft 1-D complex 2^16", [1 << 16], false),
        new("fft 1-D complex 2^20", [1 << 20], false),
        new("fft 2-D real 256x256", [256, 256], true),
        new("fft 2-D real 512x512", [512, 512], true),
        new("fft 3-D complex 64^3", [64, 64, 64], false),
    ];

    private static readonly Size[] QuickSizes =
    [
        new("fft 1-D complex 2^8", [256], false),
        new("fft 2-D real 16x16", [16, 16], true),
        new("fft 3-D complex 8^3", [8, 8, 8], false),
    ];

    /// <inheritdoc />
    public string Title => "FFT vs FFTW";

    /// <inheritdoc />
    public IEnumerable<SpectralBenchRow> Run(SpectralBenchOptions options)
    {
        var fftw = Fftw.TryLoad(out string missing);
        string reference = fftw is null ? "FFTW" : $"{fftw.Version} (FFTW_MEASURE)";
        foreach (var size in options.Quick ? QuickSizes : FullSizes)
            yield return Run(size, fftw, reference, missing, options);
    }

    private static unsafe SpectralBenchRow Run(Size size, Fftw? fftw, string reference, string missing, SpectralBenchOptions options)
    {
        int length = size.Shape.Aggregate(1, (a, b) => a * b);
        var random = new Random(1);
        var values = new double[size.Real ? length : 2 * length];
        for (int i = 0; i < values.Length; i++)
            values[i] = random.NextDouble() - 0.5;
        Complex[] output;
        Action rom;
        if (size.Real)
        {
            var plan = new RealFftPlan(size.Shape, maxThreads: 1);
            output = new Complex[plan.SpectrumLength];
            rom = () => plan.Forward(values, output);
        }
        else
        {
            var plan = new FftPlan(size.Shape, maxThreads: 1);
            var input = MemoryMarshal.Cast<double, Complex>(values).ToArray();
            output = new Complex[length];
            rom = () => plan.Forward(input, output);
        }
        if (fftw is null)
            return new(size.Name, SideBySideTimer.Measure(rom, null, options.SecondsPerSide).Rom, reference, null, missing);
        using var fftwPlan = size.Real ? fftw.PlanReal(size.Shape) : fftw.PlanComplex(size.Shape);
        values.CopyTo(new Span<double>(fftwPlan.Input, fftwPlan.InputDoubles));
        var (romSeconds, fftwSeconds) = SideBySideTimer.Measure(rom, fftwPlan.Execute, options.SecondsPerSide);
        double difference = Difference(output, fftwPlan.Output);
        return new(size.Name, romSeconds, reference, fftwSeconds, $"1 thread each; max |Rom - FFTW| / max |FFTW| = {difference:0.0e+00}");
    }

    /// <summary>max |Rom − FFTW| / max |FFTW| over a spectrum.</summary>
    private static unsafe double Difference(Complex[] rom, double* fftw)
    {
        double difference = 0, scale = 0;
        for (int i = 0; i < rom.Length; i++)
        {
            var expected = new Complex(fftw[2 * i], fftw[2 * i + 1]);
            difference = Math.Max(difference, (rom[i] - expected).Magnitude);
            scale = Math.Max(scale, expected.Magnitude);
        }
        return difference / scale;
    }
}
