using Rom.Neural;
using Rom.Neural.Training;

namespace Rom.Cases.Neural;

/// <summary>What a trainer returns: the model (network with the normalisers it fitted) and the trainer's account of the run.</summary>
/// <param name="Model">The model, holding the weights of the last complete epoch.</param>
/// <param name="Training">Stop reason, history, errors and the state to save or continue.</param>
public sealed record FnoTrainingResult(NeuralOperatorModel Model, TrainingResult<float> Training);
