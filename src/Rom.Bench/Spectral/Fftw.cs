using System.Runtime.InteropServices;

namespace Rom.Bench.Spectral;

/// <summary>
/// The reference FFT: FFTW 3 (Debian libfftw3-3, GPL), loaded at run time from libfftw3.so.3 and called through
/// function pointers. Only the benchmark touches it; Rom itself never links FFTW. Plans use FFTW_MEASURE and run on
/// one thread. Buffers come from fftw_malloc (aligned as FFTW likes).
/// </summary>
public sealed unsafe class Fftw
{
    /// <summary>FFTW_MEASURE: time several algorithms while planning and keep the fastest.</summary>
    private const uint Measure = 0;

    private readonly delegate* unmanaged<int, int*, double*, double*, int, uint, nint> _planDft;
    private readonly delegate* unmanaged<int, int*, double*, double*, uint, nint> _planDftR2c;
    private readonly delegate* unmanaged<nint, void> _execute;
    private readonly delegate* unmanaged<nint, void> _destroyPlan;
    private readonly delegate* unmanaged<nuint, void*> _malloc;
    private readonly delegate* unmanaged<void*, void> _free;

    private Fftw(nint library, string version)
    {
        _planDft = (delegate* unmanaged<int, int*, double*, double*, int, uint, nint>)NativeLibrary.GetExport(library, "fftw_plan_dft");
        _planDftR2c = (delegate* unmanaged<int, int*, double*, double*, uint, nint>)NativeLibrary.GetExport(library, "fftw_plan_dft_r2c");
        _execute = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(library, "fftw_execute");
        _destroyPlan = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(library, "fftw_destroy_plan");
        _malloc = (delegate* unmanaged<nuint, void*>)NativeLibrary.GetExport(library, "fftw_malloc");
        _free = (delegate* unmanaged<void*, void>)NativeLibrary.GetExport(library, "fftw_free");
        Version = version;
    }

    /// <summary>The library's version string, e.g. "fftw-3.3.10-sse2-avx".</summary>
    public string Version { get; }

    /// <summary>Loads FFTW, or returns null with the reason (e.g. not installed: apt-get install libfftw3-dev).</summary>
    public static Fftw? TryLoad(out string reason)
    {
        foreach (string name in new[] { "libfftw3.so.3", "libfftw3.so", "libfftw3-3.dll", "libfftw3.3.dylib" })
            if (NativeLibrary.TryLoad(name, out nint library))
            {
                reason = "";
                string version = NativeLibrary.TryGetExport(library, "fftw_version", out nint text)
                    ? Marshal.PtrToStringAnsi(text) ?? "fftw3" : "fftw3";
                return new Fftw(library, version);
            }
        reason = "FFTW not installed (apt-get install libfftw3-dev)";
        return null;
    }

    /// <summary>A planned forward transform with its own aligned input and output buffers.</summary>
    public sealed class Plan : IDisposable
    {
        private readonly Fftw _fftw;
        private readonly nint _plan;

        internal Plan(Fftw fftw, nint plan, double* input, int inputDoubles, double* output)
        {
            _fftw = fftw;
            _plan = plan;
            Input = input;
            InputDoubles = inputDoubles;
            Output = output;
        }

        /// <summary>The input buffer (interleaved complex, or real).</summary>
        public double* Input { get; }

        /// <summary>Doubles in the input buffer.</summary>
        public int InputDoubles { get; }

        /// <summary>The output buffer (interleaved complex).</summary>
        public double* Output { get; }

        /// <summary>Runs the transform once.</summary>
        public void Execute() => _fftw._execute(_plan);

        /// <summary>Destroys the plan and frees both buffers.</summary>
        public void Dispose()
        {
            _fftw._destroyPlan(_plan);
            _fftw._free(Input);
            _fftw._free(Output);
        }
    }

    /// <summary>Plans a forward complex transform of <paramref name="shape"/> (out of place).</summary>
    public Plan PlanComplex(int[] shape)
    {
        int length = shape.Aggregate(1, (a, b) => a * b);
        var input = (double*)_malloc((nuint)(16 * length));
        var output = (double*)_malloc((nuint)(16 * length));
        nint plan;
        fixed (int* n = shape)
            plan = _planDft(shape.Length, n, input, output, -1, Measure);
        return new Plan(this, plan, input, 2 * length, output);
    }

    /// <summary>Plans a forward real-to-complex transform of <paramref name="shape"/> (out of place).</summary>
    public Plan PlanReal(int[] shape)
    {
        int length = shape.Aggregate(1, (a, b) => a * b);
        int spectrum = length / shape[^1] * (shape[^1] / 2 + 1);
        var input = (double*)_malloc((nuint)(8 * length));
        var output = (double*)_malloc((nuint)(16 * spectrum));
        nint plan;
        fixed (int* n = shape)
            plan = _planDftR2c(shape.Length, n, input, output, Measure);
        return new Plan(this, plan, input, length, output);
    }
}
