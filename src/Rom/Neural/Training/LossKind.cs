namespace Rom.Neural.Training;

/// <summary>The training loss, summed over the batch as neuraloperator's trainer expects.</summary>
public enum LossKind
{
    /// <summary>The relative L2 error (<see cref="Rom.Tensors.Ops.RelativeL2"/>, neuraloperator's LpLoss).</summary>
    L2,

    /// <summary>The relative H¹ error (<see cref="Rom.Tensors.Ops.RelativeH1"/>, neuraloperator's H1Loss).</summary>
    H1,
}
