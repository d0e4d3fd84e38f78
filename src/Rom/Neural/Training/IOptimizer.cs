using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Training;

/// <summary>A first-order optimiser over a fixed list of parameters, reading their accumulated gradients.</summary>
public interface IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The learning rate of the next <see cref="Step"/> (a schedule sets it each epoch).</summary>
    double LearningRate { get; set; }

    /// <summary>The number of steps taken so far.</summary>
    int StepCount { get; }

    /// <summary>Updates every parameter in place from its gradient.</summary>
    void Step();

    /// <summary>Clears every parameter's gradient.</summary>
    void ZeroGradients();

    /// <summary>A copy of the optimiser's state as named tensors (for checkpoints and resuming).</summary>
    IReadOnlyDictionary<string, Tensor<T>> ExportState();

    /// <summary>Replaces the state with one from <see cref="ExportState"/> (copied, so the argument may be reused).</summary>
    /// <exception cref="ArgumentException">A name is missing or a shape differs.</exception>
    void ImportState(IReadOnlyDictionary<string, Tensor<T>> state);
}
