using Rom.Tensors;

namespace Rom.Cases.Neural;

/// <summary>neuraloperator's relative L2 error (LpLoss, p = 2, relative, mean over samples): mean_s ‖p_s − y_s‖ / ‖y_s‖.</summary>
public static class RelativeError
{
    /// <summary>The mean over samples of ‖prediction − target‖/‖target‖, each norm over all channels and points (in double).</summary>
    /// <exception cref="ArgumentException">Different shapes.</exception>
    public static double MeanL2(Tensor<float> prediction, Tensor<float> target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        if (!prediction.SameShape(target))
            throw new ArgumentException($"prediction {prediction.ShapeText} and target {target.ShapeText} differ.", nameof(target));
        int samples = target.Extent(0), size = target.ExtentProduct(1, target.Rank);
        double sum = 0;
        for (int s = 0; s < samples; s++)
        {
            double difference = 0, norm = 0;
            for (int i = s * size; i < (s + 1) * size; i++)
            {
                double d = prediction.Data[i] - (double)target.Data[i];
                difference += d * d;
                norm += (double)target.Data[i] * target.Data[i];
            }
            sum += Math.Sqrt(difference) / Math.Sqrt(norm);
        }
        return samples == 0 ? double.NaN : sum / samples;
    }
}
