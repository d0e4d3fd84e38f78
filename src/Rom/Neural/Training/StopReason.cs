namespace Rom.Neural.Training;

/// <summary>Why a training run ended.</summary>
public enum StopReason
{
    /// <summary>Every epoch ran.</summary>
    Completed,

    /// <summary>A batch's loss was NaN or infinite; the model holds the weights after the last complete epoch.</summary>
    NonFiniteLoss,

    /// <summary>The caller cancelled; the model holds the weights after the last complete epoch, and the state resumes from there.</summary>
    Cancelled,
}
