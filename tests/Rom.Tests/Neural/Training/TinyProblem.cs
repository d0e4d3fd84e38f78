using Rom.Neural.Training;

namespace Rom.Tests.Neural.Training;

/// <summary>
/// A small smooth operator-learning problem for the trainer's tests: random 8×8 periodic fields a made of a few
/// Fourier modes, and u = 1 + a + ½ a(x + h) (a shift is an operator an FNO represents exactly), with a tiny FNO.
/// </summary>
internal static class TinyProblem
{
    public const int Size = 8;

    public static NeuralDataset<float> Data(int samples, int seed)
    {
        var random = new Random(seed);
        var inputs = Tensor<float>.Zeros([samples, 1, Size, Size]);
        var targets = Tensor<float>.Zeros([samples, 1, Size, Size]);
        for (int s = 0; s < samples; s++)
        {
            var a = new double[Size, Size];
            for (int kx = 0; kx <= 2; kx++)
                for (int ky = 0; ky <= 2; ky++)
                {
                    double amplitude = (random.NextDouble() - 0.5) / (1 + kx + ky), phase = 2 * Math.PI * random.NextDouble();
                    for (int i = 0; i < Size; i++)
                        for (int j = 0; j < Size; j++)
                            a[i, j] += amplitude * Math.Cos(2 * Math.PI * (kx * i + ky * j) / Size + phase);
                }
            for (int i = 0; i < Size; i++)
                for (int j = 0; j < Size; j++)
                {
                    int at = (s * Size + i) * Size + j;
                    inputs.Data[at] = (float)a[i, j];
                    targets.Data[at] = (float)(1 + a[i, j] + 0.5 * a[(i + 1) % Size, j]);
                }
        }
        return new NeuralDataset<float>(inputs, targets);
    }

    public static Fno<float> Model() => new(new FnoOptions { HiddenChannels = 4, Modes = [4, 4], Layers = 2, Seed = 7 });

    public static TrainingOptions Options => new()
    {
        Epochs = 4,
        BatchSize = 4,
        LearningRate = 1e-2,
        WeightDecay = 1e-4,
        Optimizer = OptimizerKind.AdamW,
        Schedule = ScheduleKind.Cosine,
        Loss = LossKind.L2,
        Seed = 11,
        NormalizeInputs = true,
        NormalizeOutputs = true,
    };

    public static float[][] Weights(Fno<float> model) => [.. model.Parameters.Select(p => (float[])p.Value.Data.Clone())];
}
