namespace Rom.Neural.Training;

/// <summary>The optimiser a training run uses.</summary>
public enum OptimizerKind
{
    /// <summary><see cref="Adam{T}"/>: weight decay as an L2 term added to the gradient.</summary>
    Adam,

    /// <summary><see cref="AdamW{T}"/>: decoupled weight decay.</summary>
    AdamW,
}
