using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Training;

/// <summary>
/// Everything a training run needs to continue after its last complete epoch, as plain data a caller can save
/// (named tensors, numbers) and pass back to <see cref="Trainer{T}.Train"/>: a run stopped after epoch e and resumed
/// gives bit for bit the weights of one that never stopped (the shuffle of epoch e is System.Random(seed + e), so
/// no generator state is kept).
/// </summary>
/// <param name="EpochsCompleted">The epochs done.</param>
/// <param name="Weights">The model's parameters after the last complete epoch, by name.</param>
/// <param name="OptimizerState">The optimiser's state then (<see cref="IOptimizer{T}.ExportState"/>).</param>
/// <param name="BestWeights">The parameters of the epoch with the lowest validation relative L2, or null if none was validated.</param>
/// <param name="BestEpoch">That epoch (from 1), or 0.</param>
/// <param name="BestValidationL2">Its validation relative L2, or +∞.</param>
/// <param name="History">The completed epochs.</param>
/// <param name="Seconds">The wall time spent so far.</param>
/// <param name="InputNormalizer">The input encoding fitted at the start, or null.</param>
/// <param name="OutputNormalizer">The output encoding fitted at the start, or null.</param>
public sealed record TrainingState<T>(
    int EpochsCompleted,
    IReadOnlyDictionary<string, Tensor<T>> Weights,
    IReadOnlyDictionary<string, Tensor<T>> OptimizerState,
    IReadOnlyDictionary<string, Tensor<T>>? BestWeights,
    int BestEpoch,
    double BestValidationL2,
    IReadOnlyList<EpochRecord> History,
    double Seconds,
    UnitGaussianNormalizer<T>? InputNormalizer,
    UnitGaussianNormalizer<T>? OutputNormalizer) where T : unmanaged, IFloatingPointIeee754<T>;
