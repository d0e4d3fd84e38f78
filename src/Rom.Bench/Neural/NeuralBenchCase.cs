namespace Rom.Bench.Neural;

/// <summary>
/// One FNO configuration of <c>rom bench neural</c>, built the same way on both sides (neuraloperator's defaults:
/// positional embedding, lifting and projection ratio 2, channel MLP with soft gating; one input and one output
/// channel), with a random (batch, 1, size…) input and target.
/// </summary>
/// <param name="Key">Short name for <c>--case</c>, e.g. "2d-64".</param>
/// <param name="Size">Grid points per spatial axis.</param>
/// <param name="Batch">Samples per training step and per inference call.</param>
/// <param name="Width">Hidden channels.</param>
/// <param name="Modes">Modes per spatial axis (neuraloperator's n_modes).</param>
/// <param name="Layers">Fourier blocks.</param>
public sealed record NeuralBenchCase(string Key, int[] Size, int Batch, int Width, int[] Modes, int Layers)
{
    /// <summary>The configurations the issue asks for, in table order.</summary>
    public static IReadOnlyList<NeuralBenchCase> All { get; } =
    [
        new("2d-64", [64, 64], 32, 32, [12, 12], 4),
        new("2d-16", [16, 16], 32, 32, [8, 8], 4),
        new("3d-32", [32, 32, 32], 4, 16, [8, 8, 8], 4),
    ];

    /// <summary>The case named <paramref name="key"/>, or null.</summary>
    public static NeuralBenchCase? Find(string key) => All.FirstOrDefault(c => c.Key == key);

    /// <summary>What the table shows, e.g. "fno 2-D 64² b32 w32 m12".</summary>
    public string Label => $"fno {Size.Length}-D {Size[0]}{(Size.Length == 2 ? "²" : "³")} b{Batch} w{Width} m{Modes[0]} l{Layers}";

    /// <summary>The configuration as <c>torch_fno.py bench</c> keys (size, batch, width, modes, layers).</summary>
    public IEnumerable<string> ScriptArguments() =>
    [
        "--size", string.Join(',', Size), "--batch", Batch.ToString(CultureInfo.InvariantCulture),
        "--width", Width.ToString(CultureInfo.InvariantCulture), "--modes", string.Join(',', Modes),
        "--layers", Layers.ToString(CultureInfo.InvariantCulture),
    ];
}
