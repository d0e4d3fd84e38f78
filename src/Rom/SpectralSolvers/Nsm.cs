using System.Numerics;
using Rom.Neural;
using Rom.Spectral.Chebyshev;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// The network of neural spectral methods: it maps the coefficients of the PDE's parameters (a source, an initial
/// condition) to the coefficients of the solution in the same basis (real Fourier on periodic axes, Chebyshev on the
/// others: <see cref="NsmOptions.Bases"/>), never leaving coefficient space except for the activation
/// σ(u) = T(relu(T⁻¹ u)), taken at the collocation points of the model's own modes.
/// <code>
///   u ← [parameters, coefficients of the coordinates x_a]
///   u ← σ(Dense_h(σ(Dense_4h(u))))                       lifting
///   repeat depth: u ← σ(W_k u_k + Dense(u))              a real h × h matrix W_k for every slot k (or per wave:
///                                                          <see cref="NsmOptions.ShiftEquivariant"/>)
///   u ← s · Dense_1(σ(Dense_4h(σ(Dense_h(u)))))          projection, scale s
/// </code>
/// The boundary or initial conditions are the problem's: <see cref="ISpectralProblem.Constrain"/> (the reference's
/// mollifier) turns this output into the solution.
/// Dense layers act on channels with a bias on every slot and lecun-normal weights (flax's defaults, as the reference
/// code); W_k starts N(0, 1)/h².
/// </summary>
public sealed class Nsm<T> : IModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly (Parameter<T> Weight, Parameter<T> Bias)[] _lifting, _projection, _dense;
    private readonly IModeWiseLayer<T>[] _spectral;
    private readonly double[][,] _synthesis, _analysis;
    private readonly Tensor<T> _coordinates;

    /// <summary>A freshly initialised network.</summary>
    /// <exception cref="ArgumentException">A setting out of range (see <see cref="NsmOptions.Checked"/>).</exception>
    public Nsm(NsmOptions options)
    {
        Options = (options ?? throw new ArgumentNullException(nameof(options))).Checked();
        var init = new Initialization(options.Seed);
        int h = options.Width, d = options.Modes.Length;
        (Parameter<T>, Parameter<T>) Dense(string name, int inputs, int outputs) =>
            (new Parameter<T>($"{name}.weight", init.Normal<T>([outputs, inputs], 1 / Math.Sqrt(inputs))),
             new Parameter<T>($"{name}.bias", Tensor<T>.Zeros([outputs])));
        _lifting = [Dense("lifting.0", options.InChannels + d, 4 * h), Dense("lifting.1", 4 * h, h)];
        var bases = Options.AxisBases;
        _spectral = [.. Enumerable.Range(0, options.Depth).Select(IModeWiseLayer<T> (l) => options.ShiftEquivariant
            ? new ShiftEquivariantModeWise<T>($"blocks.{l}.spectral", options.Modes, bases, h, 1.0 / (h * h), init)
            : new PerSlotModeWise<T>($"blocks.{l}.spectral", options.Modes, h, 1.0 / (h * h), init))];
        _dense = [.. Enumerable.Range(0, options.Depth).Select(l => Dense($"blocks.{l}.dense", h, h))];
        _projection = [Dense("projection.0", h, h), Dense("projection.1", h, 4 * h), Dense("projection.2", 4 * h, 1)];
        _synthesis = [.. options.Modes.Select((n, a) => bases[a] == SpectralBasis.Fourier ? RealFourierBasis.Synthesis(n, n) : ChebyshevBasis.Synthesis(n, ChebyshevBasis.Points(n)))];
        _analysis = [.. options.Modes.Select((n, a) => bases[a] == SpectralBasis.Fourier ? RealFourierBasis.Analysis(n) : ChebyshevBasis.Analysis(n))];
        _coordinates = Coordinates(options.Modes, bases, _analysis);
    }

    /// <summary>The architecture.</summary>
    public NsmOptions Options { get; }

    /// <inheritdoc />
    public IEnumerable<Parameter<T>> Parameters =>
        [.. _lifting.SelectMany(Pair), .. _spectral.SelectMany(s => s.Parameters), .. _dense.SelectMany(Pair), .. _projection.SelectMany(Pair)];

    /// <summary>
    /// The network's output s·v (B, 1, modes…), before the problem's <see cref="ISpectralProblem.Constrain"/>, for the parameters' coefficients <paramref name="x"/> (B, in_channels,
    /// modes…); with a tape the pass is recorded for <see cref="Tape{T}.Backward"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A shape other than (batch, in_channels, modes…).</exception>
    public Variable<T> Forward(Variable<T> x, Tape<T>? tape)
    {
        ArgumentNullException.ThrowIfNull(x);
        int[] expected = [x.Value.Rank > 0 ? x.Value.Extent(0) : 0, Options.InChannels, .. Options.Modes];
        if (!x.Value.Shape.SequenceEqual(expected) || x.Value.IsComplex)
            throw new ArgumentException($"input {x.Value.ShapeText} must be real (batch, {Options.InChannels}, {string.Join(", ", Options.Modes)}).", nameof(x));
        int batch = x.Value.Extent(0);
        var u = Ops.ConcatenateChannels(x, Tape<T>.Constant(Broadcast(_coordinates, batch)));
        u = Sigma(Dense(_lifting[1], Sigma(Dense(_lifting[0], u, tape)), tape));
        for (int l = 0; l < _dense.Length; l++)
            u = Sigma(Ops.Add(_spectral[l].Forward(u, tape), Dense(_dense[l], u, tape)));
        u = Dense(_projection[2], Sigma(Dense(_projection[1], Sigma(Dense(_projection[0], u, tape)), tape)), tape);
        return Ops.Scale(u, T.CreateTruncating(Options.OutputScale));
    }

    /// <summary>σ(u) = T(relu(T⁻¹ u)) along every spatial axis.</summary>
    private Variable<T> Sigma(Variable<T> u) => SpatialAxes.Apply(Ops.Relu(SpatialAxes.Apply(u, _synthesis)), _analysis);

    private static Variable<T> Dense((Parameter<T> Weight, Parameter<T> Bias) layer, Variable<T> u, Tape<T>? tape) =>
        Ops.ChannelLinear(u, layer.Weight.Use(tape), layer.Bias.Use(tape));

    private static IEnumerable<Parameter<T>> Pair((Parameter<T> Weight, Parameter<T> Bias) layer) => [layer.Weight, layer.Bias];

    /// <summary>The coefficients (1, d, modes…) of the coordinate functions x_a sampled at the collocation points.</summary>
    private static Tensor<T> Coordinates(int[] modes, SpectralBasis[] bases, double[][,] analysis)
    {
        int d = modes.Length, count = modes.Aggregate(1, (p, n) => p * n);
        var x = Tensor<double>.Zeros([1, d, .. modes]);
        for (int a = 0; a < d; a++)
        {
            double[] points = bases[a] == SpectralBasis.Fourier ? [.. Enumerable.Range(0, modes[a]).Select(j => (double)j / modes[a])] : ChebyshevBasis.Points(modes[a]);
            int after = modes.Skip(a + 1).Aggregate(1, (p, n) => p * n);
            for (int i = 0; i < count; i++)
                x.Data[a * count + i] = points[i / after % modes[a]];
        }
        var c = SpatialAxes.Apply(Tape<double>.Constant(x), analysis).Value;
        return new Tensor<T>([1, d, .. modes], [.. c.Data.Select(T.CreateTruncating)]);
    }

    private static Tensor<T> Broadcast(Tensor<T> t, int batch)
    {
        var b = Tensor<T>.Zeros([batch, .. t.Shape.Skip(1)]);
        for (int i = 0; i < batch; i++)
            t.Data.CopyTo(b.Data, i * t.Count);
        return b;
    }
}
