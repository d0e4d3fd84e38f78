using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Training;

/// <summary>
/// Adam (Kingma and Ba) as torch.optim.Adam's single-tensor implementation (PyTorch 1.13), per scalar of a parameter:
/// <code>
/// t ← t + 1
/// g ← g + λ p                                     (L2 weight decay, when λ ≠ 0)
/// m ← β₁ m + (1 − β₁) g
/// v ← β₂ v + (1 − β₂) g²
/// p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
/// </code>
/// The same operations in the same order in <typeparamref name="T"/> (scalar factors formed in double, as Python
/// does). A complex parameter is updated as its real and imaginary parts (torch's view_as_real): with planar storage
/// that is elementwise over <see cref="Tensor{T}.Data"/>. <see cref="AdamW{T}"/> decouples the weight decay instead.
/// </summary>
public class Adam<T> : IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The key of the step count in <see cref="ExportState"/>.</summary>
    public const string StepKey = "step";

    private readonly Parameter<T>[] _parameters;
    private readonly Tensor<T>[] _firstMoments, _secondMoments;
    private readonly bool _decoupled;

    /// <summary>Adam over <paramref name="parameters"/> with torch's defaults (lr 1e-3, no weight decay, β (0.9, 0.999), ε 1e-8).</summary>
    /// <exception cref="ArgumentException">A setting out of range, or two parameters with one name.</exception>
    public Adam(IEnumerable<Parameter<T>> parameters, double learningRate = 1e-3, double weightDecay = 0,
        double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : this(parameters, learningRate, weightDecay, beta1, beta2, epsilon, decoupled: false)
    {
    }

    /// <summary>The shared constructor; <paramref name="decoupled"/> selects AdamW's weight decay.</summary>
    private protected Adam(IEnumerable<Parameter<T>> parameters, double learningRate, double weightDecay,
        double beta1, double beta2, double epsilon, bool decoupled)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        string? duplicate = _parameters.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
            throw new ArgumentException($"two parameters are named {duplicate}; optimiser state is keyed by name.", nameof(parameters));
        LearningRate = Checked.Setting(learningRate, learningRate >= 0, "≥ 0");
        WeightDecay = Checked.Setting(weightDecay, weightDecay >= 0, "≥ 0");
        Beta1 = Checked.Setting(beta1, beta1 is >= 0 and < 1, "in [0, 1)");
        Beta2 = Checked.Setting(beta2, beta2 is >= 0 and < 1, "in [0, 1)");
        Epsilon = Checked.Setting(epsilon, epsilon >= 0, "≥ 0");
        _decoupled = decoupled;
        _firstMoments = [.. _parameters.Select(p => p.Value.ZerosLike())];
        _secondMoments = [.. _parameters.Select(p => p.Value.ZerosLike())];
    }

    /// <inheritdoc />
    public double LearningRate { get; set; }

    /// <summary>The weight decay λ.</summary>
    public double WeightDecay { get; }

    /// <summary>The decay of the first moment, β₁.</summary>
    public double Beta1 { get; }

    /// <summary>The decay of the second moment, β₂.</summary>
    public double Beta2 { get; }

    /// <summary>The term ε added to the denominator.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public int StepCount { get; private set; }

    /// <summary>The parameters, in the order given.</summary>
    public IReadOnlyList<Parameter<T>> Parameters => _parameters;

    /// <inheritdoc />
    public void Step()
    {
        StepCount++;
        double lr = LearningRate;
        double stepSize = lr / (1 - Math.Pow(Beta1, StepCount));
        T beta1 = T.CreateTruncating(Beta1), beta2 = T.CreateTruncating(Beta2);
        T oneMinusBeta1 = T.CreateTruncating(1 - Beta1), oneMinusBeta2 = T.CreateTruncating(1 - Beta2);
        T correction2Sqrt = T.CreateTruncating(Math.Sqrt(1 - Math.Pow(Beta2, StepCount)));
        T epsilon = T.CreateTruncating(Epsilon), negativeStepSize = T.CreateTruncating(-stepSize);
        T decay = T.CreateTruncating(WeightDecay), decoupledFactor = T.CreateTruncating(1 - lr * WeightDecay);
        bool decays = WeightDecay != 0;
        var update = new Update(beta1, beta2, oneMinusBeta1, oneMinusBeta2, correction2Sqrt, epsilon, negativeStepSize,
            decays && !_decoupled ? decay : T.Zero, decays && _decoupled ? decoupledFactor : T.One);
        for (int k = 0; k < _parameters.Length; k++)
        {
            T[] p = _parameters[k].Value.Data, g = _parameters[k].Gradient.Data;
            T[] m = _firstMoments[k].Data, v = _secondMoments[k].Data;
            Parallelism.For(p.Length, 16, (first, end) => update.Apply(p.AsSpan(first..end), g.AsSpan(first..end), m.AsSpan(first..end), v.AsSpan(first..end)));
        }
    }

    /// <summary>
    /// One step's update of a stretch of scalars with the step's factors, <see cref="Vector{T}"/> lanes at a time: the
    /// same operations in the same order as the scalar formula, so every lane rounds as the scalar would. An L2 decay λ = 0
    /// adds 0·p and a decoupled factor 1 multiplies by 1, which change nothing.
    /// </summary>
    private readonly record struct Update(T Beta1, T Beta2, T OneMinusBeta1, T OneMinusBeta2, T Correction2Sqrt, T Epsilon,
        T NegativeStepSize, T Decay, T DecoupledFactor)
    {
        public void Apply(Span<T> p, ReadOnlySpan<T> g, Span<T> m, Span<T> v)
        {
            int i = 0;
            for (; i <= p.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var pi = new Vector<T>(p[i..]) * DecoupledFactor;
                var gi = new Vector<T>(g[i..]) + Decay * pi;
                var mi = new Vector<T>(m[i..]) * Beta1 + OneMinusBeta1 * gi;
                var vi = new Vector<T>(v[i..]) * Beta2 + OneMinusBeta2 * gi * gi;
                var denominator = Vector.SquareRoot(vi) / Correction2Sqrt + new Vector<T>(Epsilon);
                (pi + NegativeStepSize * mi / denominator).CopyTo(p[i..]);
                mi.CopyTo(m[i..]);
                vi.CopyTo(v[i..]);
            }
            for (; i < p.Length; i++)
            {
                T pi = p[i] * DecoupledFactor;
                T gi = g[i] + Decay * pi;
                m[i] = m[i] * Beta1 + OneMinusBeta1 * gi;
                v[i] = v[i] * Beta2 + OneMinusBeta2 * gi * gi;
                T denominator = T.Sqrt(v[i]) / Correction2Sqrt + Epsilon;
                p[i] = pi + NegativeStepSize * m[i] / denominator;
            }
        }
    }

    /// <inheritdoc />
    public void ZeroGradients()
    {
        foreach (Parameter<T> p in _parameters)
            p.ZeroGradient();
    }

    /// <summary>
    /// The state as torch names it: <c>{name}.exp_avg</c> (m) and <c>{name}.exp_avg_sq</c> (v) per parameter, and
    /// <see cref="StepKey"/>, the step count as a scalar tensor (torch 1.13 keeps it as a float32 tensor too). Copies.
    /// </summary>
    public IReadOnlyDictionary<string, Tensor<T>> ExportState()
    {
        var state = new Dictionary<string, Tensor<T>> { [StepKey] = new Tensor<T>([], [T.CreateTruncating(StepCount)]) };
        for (int k = 0; k < _parameters.Length; k++)
        {
            state[FirstMomentKey(_parameters[k])] = _firstMoments[k].Clone();
            state[SecondMomentKey(_parameters[k])] = _secondMoments[k].Clone();
        }
        return state;
    }

    /// <inheritdoc />
    public void ImportState(IReadOnlyDictionary<string, Tensor<T>> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Tensor<T> step = Find(state, StepKey);
        if (step.Count != 1 || !T.IsInteger(step.Data[0]) || step.Data[0] < T.Zero)
            throw new ArgumentException($"state \"{StepKey}\" must be one non-negative whole number; got {step.ShapeText}.", nameof(state));
        var sources = new List<(Tensor<T> From, Tensor<T> To)>();
        for (int k = 0; k < _parameters.Length; k++)
            foreach ((string key, Tensor<T> to) in ((string, Tensor<T>)[])[(FirstMomentKey(_parameters[k]), _firstMoments[k]), (SecondMomentKey(_parameters[k]), _secondMoments[k])])
            {
                Tensor<T> from = Find(state, key);
                if (!from.SameShape(to))
                    throw new ArgumentException($"state \"{key}\" is {from.ShapeText}; the parameter is {to.ShapeText}.", nameof(state));
                sources.Add((from, to));
            }
        foreach ((Tensor<T> from, Tensor<T> to) in sources)
            from.Data.CopyTo(to.Data, 0);
        StepCount = int.CreateTruncating(step.Data[0]);
    }

    private static string FirstMomentKey(Parameter<T> p) => $"{p.Name}.exp_avg";

    private static string SecondMomentKey(Parameter<T> p) => $"{p.Name}.exp_avg_sq";

    private static Tensor<T> Find(IReadOnlyDictionary<string, Tensor<T>> state, string key) =>
        state.TryGetValue(key, out Tensor<T>? t) ? t : throw new ArgumentException($"the optimiser state has no \"{key}\".", nameof(state));
}
