using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Layers.Weights;

/// <summary>
/// The complex weight W[i, o, k] of a spectral convolution over the kept modes k, stored dense or factorised, and its
/// contraction with a truncated spectrum: y[b, o, k] = Σ_i x[b, i, k] W[i, o, k].
/// </summary>
public interface ISpectralWeight<T> : IModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The storage: "dense", "cp", "tucker" or "tt".</summary>
    string Factorization { get; }

    /// <summary>The input channels I.</summary>
    int InChannels { get; }

    /// <summary>The output channels O.</summary>
    int OutChannels { get; }

    /// <summary>The kept modes per spatial axis (the last one a half spectrum), the weight's mode shape.</summary>
    IReadOnlyList<int> KeptModes { get; }

    /// <summary>y = x ×_I W for a complex spectrum x of shape (B, I, kept…); returns (B, O, kept…).</summary>
    Variable<T> Contract(Variable<T> spectrum, Tape<T>? tape);

    /// <summary>The dense weight (I, O, kept…) that the stored form represents (for checks, export and reconstruction).</summary>
    Variable<T> Dense(Tape<T>? tape);
}
