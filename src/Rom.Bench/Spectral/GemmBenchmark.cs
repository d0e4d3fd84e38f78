using System.Runtime.InteropServices;
using Rom.LinearAlgebra.Dense;

namespace Rom.Bench.Spectral;

/// <summary>
/// Rom's GEMM through each dense backend against <c>cblas_dgemm</c> of the system OpenBLAS called directly here
/// (not through Rom), on square n × n matrices: the OpenBLAS row shows the provider's overhead, the managed row
/// how far Rom's own kernel is from OpenBLAS. Both sides use every core.
/// </summary>
public sealed unsafe class GemmBenchmark : ISpectralBenchmark
{
    /// <inheritdoc />
    public string Title => "GEMM vs OpenBLAS";

    /// <inheritdoc />
    public IEnumerable<SpectralBenchRow> Run(SpectralBenchOptions options)
    {
        int n = options.Quick ? 50 : 1000;
        var random = new Random(9);
        double[] a = new double[n * n], b = new double[n * n], c = new double[n * n], reference = new double[n * n];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = random.NextDouble() - 0.5;
            b[i] = random.NextDouble() - 0.5;
        }
        Action? direct = DirectOpenBlas(a, b, reference, n);
        string missing = direct is null ? $"OpenBLAS not installed (apt-get install libopenblas0)" : "";
        foreach (var provider in KroneckerBenchmark.Providers())
        {
            var (rom, openBlas) = SideBySideTimer.Measure(
                () => provider.Gemm(Transpose.None, Transpose.None, n, n, n, 1, a, n, b, n, 0, c, n), direct, options.SecondsPerSide);
            string note = direct is null ? missing : $"max |C_rom - C_openblas| / max |C| = {Agreement.MaxRelativeDifference(c, reference):E1}";
            yield return new SpectralBenchRow($"gemm {n}x{n}x{n} ({provider.Name})", rom, "OpenBLAS cblas_dgemm", openBlas, note);
        }
    }

    /// <summary>C = A B through cblas_dgemm looked up here, or null when OpenBLAS is absent.</summary>
    private static Action? DirectOpenBlas(double[] a, double[] b, double[] c, int n)
    {
        if (!NativeLibrary.TryLoad(OpenBlasProvider.LibraryName, out nint library))
            return null;
        var dgemm = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)
            NativeLibrary.GetExport(library, "cblas_dgemm");
        return () =>
        {
            fixed (double* pa = a, pb = b, pc = c)
                dgemm(102, 111, 111, n, n, n, 1, pa, n, pb, n, 0, pc, n); // column-major, no transposes
        };
    }
}
