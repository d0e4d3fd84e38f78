using Rom.Neural.Models;

namespace Rom.Cases.Neural;

/// <summary>Everything a trainer needs from an <c>fno</c> case, read and checked: the architecture, the training settings and the data.</summary>
/// <param name="Model">The architecture (model.*).</param>
/// <param name="Training">The training settings (training.*).</param>
/// <param name="Train">The training set (data.train_file).</param>
/// <param name="Test">The test set (data.test_file).</param>
/// <param name="ResolutionTests">Further test sets, e.g. at other resolutions (data.resolution_test_files).</param>
/// <param name="Settings">Every effective setting, for the model file's record.</param>
public sealed record FnoCaseData(FnoOptions Model, FnoTrainingSettings Training, FieldData Train, FieldData Test,
    IReadOnlyList<FieldData> ResolutionTests, CaseSettings Settings);
