namespace Rom.Neural.Training;

/// <summary>The learning rate through training, stepped once per epoch as neuraloperator's trainer steps torch's schedulers.</summary>
public interface ILearningRateSchedule
{
    /// <summary>The learning rate during epoch <paramref name="epoch"/>, counted from 0 (torch's <c>last_epoch</c>).</summary>
    double LearningRate(int epoch);
}
