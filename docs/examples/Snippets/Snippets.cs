using System.Numerics;
using ILGPU.Runtime;
using MathNet.Numerics.LinearAlgebra;
using Rom.Gpu;
using Rom.Gpu.Fft;
using Rom.IO.Formats;
using Rom.LinearAlgebra.Kronecker;
using Rom.Neural;
using Rom.Neural.Models;
using Rom.Spectral;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<double>;

/// <summary>The README's snippets, each with the inputs it assumes and a check of what it computed.</summary>
internal static class Snippets
{
    /// <summary>A model file's prediction equals the in-memory model's (exactly: the same weights and arithmetic).</summary>
    public static double NeuralOperator()
    {
        var fno = new NeuralOperatorModel(new Fno<float>(new FnoOptions { HiddenChannels = 4, Modes = [3, 3], Layers = 1, Seed = 2 }));
        string path = Path.Combine(Path.GetTempPath(), $"rom-snippet-{Environment.ProcessId}.h5");
        fno.Save(path);
        var random = new Random(1);
        var permeability = new float[2, 8, 8];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 8; j++) for (int k = 0; k < 8; k++) permeability[i, j, k] = random.NextSingle();
        Directory.SetCurrentDirectory(Path.GetTempPath());
        File.Move(path, "model.h5", overwrite: true);
        // README: neural-operator
        var model = NeuralOperatorModel.Load("model.h5");
        float[,,] pressure = model.Predict(permeability);          // [samples, X, Y] → [samples, X, Y]; or Tensor<float> (B, C, N…)
        // README end
        File.Delete("model.h5");
        var expected = fno.Predict(permeability);
        return pressure.Cast<float>().Zip(expected.Cast<float>(), (a, b) => (double)Math.Abs(a - b)).Max();
    }

    /// <summary>The inverse transforms undo the forward ones.</summary>
    public static double Fft()
    {
        var random = new Random(2);
        var x = new Complex[4 * 512 * 512];
        for (int i = 0; i < x.Length; i++) x[i] = new Complex(random.NextDouble(), random.NextDouble());
        var spectrum = new Complex[x.Length];
        var values = new double[256 * 256];
        var halfSpectrum = new Complex[256 * 129];
        var original = new double[values.Length];
        for (int i = 0; i < original.Length; i++) original[i] = random.NextDouble();
        new RealFftPlan([256, 256]).Forward(original, halfSpectrum, FftNormalization.Ortho);
        // README: fft
        var plan = new FftPlan([512, 512], batchCount: 4);            // complex, like numpy.fft.fftn over the last two axes
        plan.Forward(x, spectrum);                                     // Span<Complex> in, Span<Complex> out (or in place)
        var real = new RealFftPlan([256, 256]);                        // rfftn / irfftn: spectrum shape [256, 129]
        real.Inverse(halfSpectrum, values, FftNormalization.Ortho);
        IFftProvider cpu = new CpuFftProvider(maxThreads: 1);          // the same interface the GPU backend implements
        // README end
        var back = new Complex[x.Length];
        cpu.CreateComplex([512, 512], 4).Inverse(spectrum, back);
        return Math.Max(back.Zip(x, (a, b) => (a - b).Magnitude).Max(), values.Zip(original, (a, b) => Math.Abs(a - b)).Max());
    }

    /// <summary>The Gaussian-process solve: (⊗K_i + σ²I) x reproduces b.</summary>
    public static double Kronecker()
    {
        Matrix<double> Spd(int n, int seed)
        {
            var a = Matrix<double>.Build.Random(n, n, seed);
            return a * a.Transpose() + Matrix<double>.Build.DenseIdentity(n);
        }
        var (k1, k2, k3) = (Spd(4, 1), Spd(5, 2), Spd(6, 3));
        int n = 4 * 5 * 6, count = 3;
        var random = new Random(3);
        var x = new double[n * count];
        for (int i = 0; i < x.Length; i++) x[i] = random.NextDouble();
        var y = new double[n * count];
        var (b, u) = (new double[n], new double[n]);
        for (int i = 0; i < n; i++) b[i] = random.NextDouble();
        // README: kronecker
        var k = new KroneckerOperator([k1, k2, k3]);             // K1 ⊗ K2 ⊗ K3, never formed; NumPy's kron order
        k.ApplyBlock(x, y, count);                              // count vectors at once, one GEMM per factor
        var eig = k.Eigendecompose();                           // per-factor eigendecompositions (SPSD factors)
        eig.Solver(noiseVariance: 0.01).Solve(b, u);            // u = (⊗K_i + σ²I)⁻¹ b, the Gaussian-process solve
        double logDet = eig.LogDeterminant(noiseVariance: 0.01);
        // README end
        var dense = k1.KroneckerProduct(k2).KroneckerProduct(k3) + 0.01 * Matrix<double>.Build.DenseIdentity(n);
        var residual = dense * Vector.Build.DenseOfArray(u) - Vector.Build.DenseOfArray(b);
        return Math.Max(residual.InfinityNorm() / b.Max(), Math.Abs(logDet - dense.Cholesky().DeterminantLn) / Math.Abs(logDet));
    }

    /// <summary>The device FFT (ILGPU's CPU accelerator without a GPU) agrees with the CPU plan.</summary>
    public static double Gpu()
    {
        var random = new Random(4);
        var values = new Complex[8 * 64 * 64];
        for (int i = 0; i < values.Length; i++) values[i] = new Complex(random.NextDouble(), random.NextDouble());
        // README: gpu
        using var gpu = GpuContext.CreateDefault();            // gpu.Name: "gpu (Cuda, NVIDIA H100 ...)"
        using var fft = new GpuFftProvider(gpu).CreateComplex([64, 64], batchCount: 8);
        using var data = gpu.Accelerator.Allocate1D(values);   // Complex[] of 8 × 64 × 64
        fft.Forward(data.AsContiguous(), FftNormalization.Ortho);
        // README end
        var device = data.GetAsArray1D();
        var expected = new Complex[values.Length];
        new FftPlan([64, 64], batchCount: 8).Forward(values, expected, FftNormalization.Ortho);
        return device.Zip(expected, (a, b) => (a - b).Magnitude).Max();
    }
}
