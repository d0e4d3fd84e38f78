using System.Numerics;

namespace Rom.Spectral;

/// <summary>
/// The channel mixing at the heart of a Fourier neural operator layer (Li et al., "Fourier neural operator for
/// parametric partial differential equations", ICLR 2021, eq. (5): (R·(F v))_{k,l} = Σ_j R_{k,l,j} (F v)_{k,j}):
/// every retained Fourier mode k has its own complex matrix mixing the input channels into the output channels,
/// out[b, o, k] = Σ_i in[b, i, k] · W[i, o, k]. The caller gathers the retained modes of each channel's
/// spectrum into the contiguous last axis k (for a 2-D layer, the kept corner blocks flattened), so this one
/// contraction serves layers of any dimension. Arrays are row-major with the last index fastest.
/// </summary>
public static class ModeMixing
{
    /// <summary>
    /// Computes out[b, o, k] = Σ_i in[b, i, k] · W[i, o, k], overwriting <paramref name="output"/>
    /// ([Batch, OutChannels, Modes]) from <paramref name="input"/> ([Batch, InChannels, Modes]) and
    /// <paramref name="weights"/> ([InChannels, OutChannels, Modes]).
    /// </summary>
    public static void Apply(ModeMixingShape shape, ReadOnlySpan<Complex> input, ReadOnlySpan<Complex> weights, Span<Complex> output)
    {
        shape.CheckLengths(input.Length, weights.Length, output.Length);
        int modes = shape.Modes;
        for (int b = 0; b < shape.Batch; b++)
        {
            for (int o = 0; o < shape.OutChannels; o++)
            {
                var sum = output.Slice((b * shape.OutChannels + o) * modes, modes);
                sum.Clear();
                for (int i = 0; i < shape.InChannels; i++)
                {
                    var x = input.Slice((b * shape.InChannels + i) * modes, modes);
                    var w = weights.Slice((i * shape.OutChannels + o) * modes, modes);
                    for (int k = 0; k < modes; k++)
                        sum[k] += x[k] * w[k];
                }
            }
        }
    }
}

/// <summary>Extents of a mode mixing: batch size, input and output channels, retained modes (all at least 1).</summary>
public readonly record struct ModeMixingShape
{
    /// <summary>Checks that every extent is at least 1.</summary>
    public ModeMixingShape(int batch, int inChannels, int outChannels, int modes)
    {
        Batch = Positive(batch, nameof(batch));
        InChannels = Positive(inChannels, nameof(inChannels));
        OutChannels = Positive(outChannels, nameof(outChannels));
        Modes = Positive(modes, nameof(modes));
    }

    /// <summary>Number of samples mixed at once.</summary>
    public int Batch { get; }

    /// <summary>Channels of the input.</summary>
    public int InChannels { get; }

    /// <summary>Channels of the output.</summary>
    public int OutChannels { get; }

    /// <summary>Retained Fourier modes per channel.</summary>
    public int Modes { get; }

    /// <summary>Elements of the input, Batch × InChannels × Modes.</summary>
    public long InputLength => (long)Batch * InChannels * Modes;

    /// <summary>Elements of the weights, InChannels × OutChannels × Modes.</summary>
    public long WeightsLength => (long)InChannels * OutChannels * Modes;

    /// <summary>Elements of the output, Batch × OutChannels × Modes.</summary>
    public long OutputLength => (long)Batch * OutChannels * Modes;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first array whose length does not fit this shape.</summary>
    public void CheckLengths(long inputLength, long weightsLength, long outputLength)
    {
        Check(inputLength, InputLength, "input", "Batch × InChannels × Modes");
        Check(weightsLength, WeightsLength, "weights", "InChannels × OutChannels × Modes");
        Check(outputLength, OutputLength, "output", "Batch × OutChannels × Modes");
    }

    private void Check(long length, long expected, string name, string formula)
    {
        if (length != expected)
            throw new ArgumentException($"{name} has {length} elements; expected {formula} = {expected} for {this}.", name);
    }

    private static int Positive(int value, string name) =>
        value >= 1 ? value : throw new ArgumentException($"{name} is {value}; expected at least 1.", name);
}
