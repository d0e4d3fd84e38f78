using Rom.Cases.Neural;

namespace Rom.Cases.Kinds;

/// <summary>
/// A neural-operator training case: data files, an FNO architecture, optimiser and schedule (<see cref="FnoCase"/>).
/// It is trained into a model file (<c>rom train</c>, through <see cref="FnoTraining.Run"/>), not run into results.
/// </summary>
public sealed class FnoKind() : TrainedCaseKind(
    "fno",
    "train a Fourier neural operator on input/output fields into a model file (rom train, rom predict)",
    "FNO on neuraloperator's 16×16 Darcy flow (1,000 training and 50 test samples)",
    FnoCase.Settings);
