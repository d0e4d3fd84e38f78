using Rom.Neural.Models;
using Rom.Tensors;

namespace Rom.Neural;

/// <summary>
/// A trained neural operator ready for inference: the network and the normalisers it was trained with. Predict
/// encodes the inputs, runs the network without a tape and decodes the outputs. Nothing in a prediction writes shared
/// state (the parameters are only read), so concurrent calls from many threads are safe, as long as nobody trains
/// the same network at the same time. Files: <c>Rom.IO.Formats.NeuralModelFile</c>.
/// </summary>
public sealed class NeuralOperatorModel
{
    /// <summary>Wraps a network with its optional input and output normalisers.</summary>
    /// <exception cref="ArgumentException">A normaliser whose channels differ from the network's.</exception>
    public NeuralOperatorModel(Fno<float> network, UnitGaussianNormalizer<float>? inputNormalizer = null, UnitGaussianNormalizer<float>? outputNormalizer = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (inputNormalizer is not null && inputNormalizer.Channels != network.Options.InChannels)
            throw new ArgumentException($"the input normaliser has {inputNormalizer.Channels} channels; the network takes {network.Options.InChannels}.", nameof(inputNormalizer));
        if (outputNormalizer is not null && outputNormalizer.Channels != network.Options.OutChannels)
            throw new ArgumentException($"the output normaliser has {outputNormalizer.Channels} channels; the network gives {network.Options.OutChannels}.", nameof(outputNormalizer));
        Network = network;
        InputNormalizer = inputNormalizer;
        OutputNormalizer = outputNormalizer;
    }

    /// <summary>The network.</summary>
    public Fno<float> Network { get; }

    /// <summary>The architecture.</summary>
    public FnoOptions Options => Network.Options;

    /// <summary>Applied to the inputs before the network, or null.</summary>
    public UnitGaussianNormalizer<float>? InputNormalizer { get; }

    /// <summary>Inverted on the network's outputs (decoding them to physical units), or null.</summary>
    public UnitGaussianNormalizer<float>? OutputNormalizer { get; }

    /// <summary>The number of real scalars in the network's parameters.</summary>
    public long ParameterCount => Network.ScalarCount();

    /// <summary>
    /// The predictions for a real (B, in, N…) batch at any resolution whose every axis holds the model's modes: (B, out, N…).
    /// </summary>
    /// <exception cref="ArgumentException">Wrong channels or axes, or a resolution below the modes.</exception>
    public Tensor<float> Predict(Tensor<float> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // The activations are recycled when the call ends; only the result leaves the scope.
        using var scope = TensorScope.Begin();
        var x = InputNormalizer?.Encode(inputs) ?? inputs;
        var y = Network.Forward(Tape<float>.Constant(x), tape: null).Value;
        return scope.Keep(OutputNormalizer?.Decode(y) ?? y);
    }

    /// <summary>
    /// The predictions for a 2-D model of one input and one output channel: <paramref name="inputs"/>[sample, i, j]
    /// gives [sample, i, j].
    /// </summary>
    /// <exception cref="ArgumentException">The model is not 2-D with one channel in and out, or a resolution below the modes.</exception>
    public float[,,] Predict(float[,,] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (Options.Dimensions != 2 || Options.InChannels != 1 || Options.OutChannels != 1)
            throw new ArgumentException($"float[samples, X, Y] suits a 2-D model of one channel in and out; this one is {Options.Dimensions}-D, {Options.InChannels} → {Options.OutChannels}: pass a Tensor<float>.", nameof(inputs));
        int b = inputs.GetLength(0), nx = inputs.GetLength(1), ny = inputs.GetLength(2);
        var data = new float[inputs.Length];
        Buffer.BlockCopy(inputs, 0, data, 0, data.Length * sizeof(float));
        var y = Predict(new Tensor<float>([b, 1, nx, ny], data));
        var result = new float[b, nx, ny];
        Buffer.BlockCopy(y.Data, 0, result, 0, y.Data.Length * sizeof(float));
        return result;
    }
}
