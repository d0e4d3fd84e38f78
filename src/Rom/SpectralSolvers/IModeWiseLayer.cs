using System.Numerics;
using Rom.Neural;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// The spectral layer of an NSM block: a channel mixing of real spectral coefficients (B, h, modes…) slot by slot, with
/// a matrix per slot (<see cref="PerSlotModeWise{T}"/>, the reference network's) or per wave
/// (<see cref="ShiftEquivariantModeWise{T}"/>).
/// </summary>
public interface IModeWiseLayer<T> : IModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The layer applied to u (B, h, modes…); with a tape the pass is recorded.</summary>
    Variable<T> Forward(Variable<T> u, Tape<T>? tape);
}
