namespace Rom.Cases.Neural;

/// <summary>The <c>training.*</c> settings of an <c>fno</c> case, typed (docs/case-format.md#kind-fno).</summary>
/// <param name="Epochs">Passes over the training set.</param>
/// <param name="BatchSize">Samples per optimiser step.</param>
/// <param name="LearningRate">The initial learning rate.</param>
/// <param name="WeightDecay">Weight decay (L2 in Adam's gradient, decoupled in AdamW).</param>
/// <param name="Optimizer">"adam" or "adamw".</param>
/// <param name="Schedule">"cosine" (annealed to 0 over the epochs), "step" (× gamma every step_size epochs) or "constant".</param>
/// <param name="StepSize">Epochs between two steps of the "step" schedule.</param>
/// <param name="Gamma">The "step" schedule's factor.</param>
/// <param name="Loss">"l2" or "h1" (neuraloperator's relative LpLoss and H1Loss).</param>
/// <param name="Seed">Seed of the shuffling.</param>
/// <param name="NormalizeInputs">Fit a per-channel unit-Gaussian normaliser to the training inputs.</param>
/// <param name="NormalizeOutputs">Fit one to the training targets (the model decodes its outputs with it).</param>
/// <param name="Shuffle">Shuffle the training samples every epoch.</param>
public sealed record FnoTrainingSettings(
    int Epochs, int BatchSize, double LearningRate, double WeightDecay, string Optimizer, string Schedule,
    int StepSize, double Gamma, string Loss, int Seed, bool NormalizeInputs, bool NormalizeOutputs, bool Shuffle);
