using System.Numerics;
using System.Text.Json;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using MathNet.Numerics.LinearAlgebra;
using Rom.Bench;
using Rom.Bench.Spectral;
using Rom.Gpu;
using Rom.Gpu.Bench;
using Rom.Gpu.Fft;
using Rom.Gpu.Kronecker;
using Rom.Gpu.ModeMixing;
using Rom.Spectral;

// Rom.Gpu.Bench [--device auto|cuda|opencl|cpu] [--quick] [--only fft|kronecker|mixing|spectral-convolution] [--json FILE]
// Times Rom.Gpu's kernels (data resident on the device) against Rom's CPU code and, on Cuda, cuFFT; prints one
// line per row with the ratio and each row's agreement with the CPU result, and writes the rows as JSON.
string device = Option("--device") ?? "auto";
bool quick = args.Contains("--quick");
string? jsonPath = Option("--json");
string? only = Option("--only");
bool Wanted(string section) => only is null || only == section;
if (only is not null && !new[] { "fft", "kronecker", "mixing", "spectral-convolution" }.Contains(only))
{
    Console.Error.WriteLine($"--only is '{only}'; expected fft, kronecker, mixing or spectral-convolution.");
    return 2;
}
var options = new SpectralBenchOptions(quick);

using var gpu = GpuContext.Create(device);
Console.WriteLine($"device: {gpu.Name}; {(quick ? "quick sizes (plumbing check, not speed)" : "full sizes")}");
var rows = new List<SpectralBenchRow>();
void Report(SpectralBenchRow row)
{
    rows.Add(row);
    string Time(double? s) => s is { } v ? $"{v * 1e3,10:F3} ms" : "         —";
    Console.WriteLine($"{row.Name,-34} rom {Time(row.RomSeconds)}  {row.Reference,-22} {Time(row.ReferenceSeconds)}  ratio {(row.Ratio is { } r ? r.ToString("F2") : "—"),6}  {row.Note}");
}

var provider = new GpuFftProvider(gpu);
var cpu = new CpuFftProvider();
int[][] complexShapes = !Wanted("fft") ? [] : quick ? [[64], [16, 16], [8, 8, 8]] : [[1 << 16], [1 << 20], [512, 512], [64, 64, 64]];
foreach (var shape in complexShapes)
{
    using var plan = provider.CreateComplex(shape);
    var cpuPlan = cpu.CreateComplex(shape);
    var x = Enumerable.Range(0, plan.Length).Select(k => new Complex(Math.Sin(k), Math.Cos(3.0 * k))).ToArray();
    var expected = new Complex[x.Length];
    cpuPlan.Forward(x, expected);
    using var data = gpu.Accelerator.Allocate1D(x);
    plan.Forward(data.AsContiguous());
    string agreement = $"max rel. diff to CPU {Agreement.MaxRelativeDifference(data.GetAsArray1D(), expected):E1}";
    var output = new Complex[x.Length];
    string name = $"fft {shape.Length}-D complex {string.Join("×", shape)}";
    var (rom, reference) = SideBySideTimer.Measure(() => plan.Forward(data.AsContiguous()), () => cpuPlan.Forward(x, output), options.SecondsPerSide);
    Report(new SpectralBenchRow(name, rom, "Rom CPU FftPlan", reference, agreement));
    if (gpu.Accelerator is CudaAccelerator cuda)
    {
        using var cufft = new CuFftReference(cuda, shape, real: false);
        (rom, reference) = SideBySideTimer.Measure(() => plan.Forward(data.AsContiguous()), () => cufft.Forward(data.AsContiguous()), options.SecondsPerSide);
        Report(new SpectralBenchRow(name, rom, "cuFFT Z2Z", reference));
    }
}

int[][] realShapes = !Wanted("fft") ? [] : quick ? [[16, 16]] : [[256, 256], [512, 512]];
foreach (var shape in realShapes)
{
    using var plan = provider.CreateReal(shape);
    var cpuPlan = cpu.CreateReal(shape);
    var x = Enumerable.Range(0, plan.Length).Select(k => Math.Sin(0.1 * k) + Math.Cos(k)).ToArray();
    var expected = new Complex[plan.SpectrumLength];
    cpuPlan.Forward(x, expected);
    using var input = gpu.Accelerator.Allocate1D(x);
    using var spectrum = gpu.Accelerator.Allocate1D<Complex>(plan.SpectrumLength);
    plan.Forward(input.AsContiguous(), spectrum.AsContiguous());
    string agreement = $"max rel. diff to CPU {Agreement.MaxRelativeDifference(spectrum.GetAsArray1D(), expected):E1}";
    var output = new Complex[plan.SpectrumLength];
    string name = $"fft {shape.Length}-D real {string.Join("×", shape)}";
    var (rom, reference) = SideBySideTimer.Measure(() => plan.Forward(input.AsContiguous(), spectrum.AsContiguous()), () => cpuPlan.Forward(x, output), options.SecondsPerSide);
    Report(new SpectralBenchRow(name, rom, "Rom CPU RealFftPlan", reference, agreement));
    if (gpu.Accelerator is CudaAccelerator cuda)
    {
        using var cufft = new CuFftReference(cuda, shape, real: true);
        (rom, reference) = SideBySideTimer.Measure(() => plan.Forward(input.AsContiguous(), spectrum.AsContiguous()), () => cufft.Forward(input.AsContiguous(), spectrum.AsContiguous()), options.SecondsPerSide);
        Report(new SpectralBenchRow(name, rom, "cuFFT D2Z", reference));
    }
}

if (Wanted("kronecker"))
{
    int n = quick ? 20 : 300, count = quick ? 5 : 100;
    var random = new Random(1);
    var k1 = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
    var k2 = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
    using var op = new GpuKroneckerOperator(gpu, [k1, k2]);
    var x = Enumerable.Range(0, n * n * count).Select(k => Math.Sin(0.01 * k)).ToArray();
    // CPU side: per right-hand side, Y = K1 · X · K2ᵀ with X the row-major n × n reshaping (MathNet, managed).
    var expected = new double[x.Length];
    void OnCpu()
    {
        for (int j = 0; j < count; j++)
        {
            var xj = Matrix<double>.Build.Dense(n, n, (r, c) => x[j * n * n + r * n + c]);
            var yj = k1 * xj * k2.Transpose();
            for (int r = 0; r < n; r++)
                for (int c = 0; c < n; c++)
                    expected[j * n * n + r * n + c] = yj[r, c];
        }
    }
    OnCpu();
    using var dx = gpu.Accelerator.Allocate1D(x);
    using var dy = gpu.Accelerator.Allocate1D<double>(x.Length);
    op.ApplyBlock(dx.AsContiguous(), dy.AsContiguous(), count);
    string agreement = $"max rel. diff to CPU {Agreement.MaxRelativeDifference(dy.GetAsArray1D(), expected):E1}";
    var (rom, reference) = SideBySideTimer.Measure(() => op.ApplyBlock(dx.AsContiguous(), dy.AsContiguous(), count), OnCpu, options.SecondsPerSide);
    Report(new SpectralBenchRow($"kronecker {n}×{n} ⊗ {n}×{n}, {count} rhs", rom, "MathNet K1·X·K2ᵀ", reference, agreement));
}

if (Wanted("mixing"))
{
    var shape = quick ? new ModeMixingShape(2, 3, 4, 16) : new ModeMixingShape(16, 32, 32, 2 * 16 * 17);
    var mixing = new GpuModeMixing(gpu);
    var input = Enumerable.Range(0, (int)shape.InputLength).Select(k => new Complex(Math.Sin(k), Math.Cos(k))).ToArray();
    var weights = Enumerable.Range(0, (int)shape.WeightsLength).Select(k => new Complex(Math.Cos(0.5 * k), Math.Sin(0.3 * k))).ToArray();
    var expected = new Complex[shape.OutputLength];
    ModeMixing.Apply(shape, input, weights, expected);
    using var dx = gpu.Accelerator.Allocate1D(input);
    using var dw = gpu.Accelerator.Allocate1D(weights);
    using var dy = gpu.Accelerator.Allocate1D<Complex>(shape.OutputLength);
    mixing.Apply(shape, dx.AsContiguous(), dw.AsContiguous(), dy.AsContiguous());
    string agreement = $"max rel. diff to CPU {Agreement.MaxRelativeDifference(dy.GetAsArray1D(), expected):E1}";
    var (rom, reference) = SideBySideTimer.Measure(() => mixing.Apply(shape, dx.AsContiguous(), dw.AsContiguous(), dy.AsContiguous()),
        () => ModeMixing.Apply(shape, input, weights, expected), options.SecondsPerSide);
    Report(new SpectralBenchRow($"mode mixing {shape.Batch}×{shape.InChannels}→{shape.OutChannels}×{shape.Modes}", rom, "Rom CPU ModeMixing", reference, agreement));
}

if (Wanted("spectral-convolution"))
    foreach (var row in SpectralConvolutionBench.Run(gpu, quick, options.SecondsPerSide))
        Report(row);

if (jsonPath is not null)
{
    var json = rows.Select(r => new { name = r.Name, device = gpu.Name, rom_seconds = r.RomSeconds, reference = r.Reference, reference_seconds = r.ReferenceSeconds, ratio = r.Ratio, note = r.Note });
    File.WriteAllText(jsonPath, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"wrote {jsonPath}");
}
return 0;

string? Option(string name)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

