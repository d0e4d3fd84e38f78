namespace Rom.Cases.Neural;

/// <summary>
/// Trains a network on a loaded <c>fno</c> case: <see cref="FnoTrainer"/> (Rom.Neural.Training's trainer, what
/// <c>rom train</c> uses), or another engine behind the same call (a stub in tests, a GPU trainer).
/// </summary>
public interface IFnoTrainer
{
    /// <summary>
    /// Trains a fresh network of <see cref="FnoCaseData.Model"/>, or continues <see cref="FnoTrainingRun.Resume"/>, on
    /// <see cref="FnoCaseData.Train"/> as <see cref="FnoCaseData.Training"/> says, validating on <see cref="FnoCaseData.Test"/>
    /// after every epoch and handing the state after it to <see cref="FnoTrainingRun.EpochCompleted"/>. A non-finite loss
    /// or cancellation ends the run with the weights of the last complete epoch (its stop reason says which).
    /// </summary>
    /// <exception cref="ArgumentException">The resumed state does not fit the network or the settings.</exception>
    FnoTrainingResult Train(FnoCaseData data, FnoTrainingRun run);
}
