using Rom.Neural.Models;
using Rom.Neural.Training;

namespace Rom.IO.Formats;

/// <summary>
/// A training run saved after a complete epoch so that it can continue (<c>rom train</c>'s MODEL.h5.partial,
/// <see cref="NeuralCheckpointFile"/>): the trainer's state, the architecture it belongs to, and the run's identity
/// and provenance.
/// </summary>
/// <param name="TrainingId">What the run trains (e.g. a hash of the case and its settings): a run resumes only a checkpoint of its own id.</param>
/// <param name="Architecture">The network the weights belong to.</param>
/// <param name="State">Weights, optimiser state, normalisers, history, best weights and epochs done.</param>
/// <param name="Record">Provenance and settings (its history is <paramref name="State"/>'s, its seconds the state's).</param>
public sealed record NeuralCheckpoint(string TrainingId, FnoOptions Architecture, TrainingState<float> State, NeuralTrainingRecord Record);
