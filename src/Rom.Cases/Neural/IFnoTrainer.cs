using Rom.Cases.Running;
using Rom.Neural;

namespace Rom.Cases.Neural;

/// <summary>Trains a network on a loaded <c>fno</c> case (<c>rom train</c> passes Rom.Neural.Training's trainer; tests pass stubs).</summary>
public interface IFnoTrainer
{
    /// <summary>Trains a fresh network of <see cref="FnoCaseData.Model"/> on <see cref="FnoCaseData.Train"/> as <see cref="FnoCaseData.Training"/> says.</summary>
    FnoTrainingResult Train(FnoCaseData data, IProgress<ProgressUpdate> progress);
}

/// <summary>What a trainer returns: the model (with the normalisers it fitted) and per-epoch series by name.</summary>
/// <param name="Model">The trained model.</param>
/// <param name="History">Per-epoch series, e.g. "train_loss", "test_l2", "learning_rate".</param>
public sealed record FnoTrainingResult(NeuralOperatorModel Model, IReadOnlyDictionary<string, double[]> History);
