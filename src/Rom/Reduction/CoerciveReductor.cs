using Rom.LinearAlgebra;
using Rom.Models;
using Rom.Parameters;
using Rom.Reduction.Residuals;

namespace Rom.Reduction;

/// <summary>
/// Galerkin reduction of a coercive affine model onto an X-orthonormal basis V (Haasdonk 2017, §2.3; pyMOR
/// reductors/coercive.py): Ã_q = Vᵀ A_q V, f̃ = Vᵀ f, l̃ = Vᵀ l and the residual estimator data. Extending V by
/// one vector borders every Ã_q by a row and a column and appends Q Riesz representers — nothing is recomputed.
/// </summary>
public sealed class CoerciveReductor
{
    private readonly CsrMatrix[] _terms;
    private readonly CsrMatrix[] _transposes; // A_qᵀ, the same object where A_q is symmetric
    private readonly double[] _f;
    private readonly IInverseOperator _productInverse;
    private readonly IResidualRepresenters _residual;
    private readonly ReducedOutput[] _outputShapes; // name, dual norm, compliance; weights grow in _outputWeights
    private readonly List<double>[] _outputWeights;
    private readonly List<double> _rightHandSide = [];
    private readonly List<double[]>[] _columns; // _columns[q][n] = Ã_q[0..n, n]
    private readonly List<double[]>[] _rows;    // _rows[q][n] = Ã_q[n, 0..n−1]
    private readonly List<double[]> _basis = [];
    private readonly double[] _image;
    private readonly double[] _imageTransposed;
    private readonly double[] _representer;

    /// <summary>Prepares the reduction of <paramref name="model"/>, optionally starting from an X-orthonormal basis.</summary>
    public CoerciveReductor(IAffineModel model, CoerciveReductorOptions options, IReadOnlyList<double[]>? basis = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        model.ParameterSpace.Validate(options.ReferenceParameter);
        Model = model;
        Options = options;
        Product = model.EnergyProduct as CsrMatrix
            ?? throw new ArgumentException("The model's energy product must be a CsrMatrix so that it can be factored.", nameof(model));
        _terms = model.AffineOperator.Terms.Select((a, q) => a as CsrMatrix
            ?? throw new ArgumentException($"Affine term {q} is a {a.GetType().Name}; the reductor needs CsrMatrix terms.", nameof(model))).ToArray();
        _transposes = _terms.Select(a => { var t = a.Transpose(); return IsSameMatrix(a, t) ? a : t; }).ToArray();
        int n = model.Dimension;
        _f = model.RightHandSide(options.ReferenceParameter);
        _image = new double[n];
        _imageTransposed = new double[n];
        _representer = new double[n];
        _productInverse = options.ProductSolver(Product);
        // The estimator's own online data are built on the final basis (ReduceWithEstimator); until then, and for the
        // greedy's bounds, the exact data of the representers it started serve.
        Estimator = options.Estimator ?? ResidualEstimators.Stable;
        _residual = Estimator.Start(Product, options.RangeTolerance);

        // ξ_0 = X⁻¹ f, and ‖f‖_{X'} = (fᵀ X⁻¹ f)^½.
        _productInverse.Solve(_f, _representer);
        _residual.Append(_representer);
        double fDualNorm = Math.Sqrt(Math.Max(Vectors.Dot(_f, _representer), 0));
        bool symmetric = _terms.Select((a, q) => ReferenceEquals(a, _transposes[q])).All(s => s);
        _outputShapes = model.Outputs.Select(o =>
        {
            bool compliant = symmetric && o.Weights.AsSpan().SequenceEqual(_f);
            return new ReducedOutput(o.Name, [], compliant ? fDualNorm : DualNorm(o.Weights), compliant);
        }).ToArray();
        _outputWeights = model.Outputs.Select(_ => new List<double>()).ToArray();
        _columns = _terms.Select(_ => new List<double[]>()).ToArray();
        _rows = _terms.Select(_ => new List<double[]>()).ToArray();
        foreach (var v in basis ?? [])
            Extend(v);
    }

    /// <summary>The model being reduced.</summary>
    public IAffineModel Model { get; }

    /// <summary>The settings in use.</summary>
    public CoerciveReductorOptions Options { get; }

    /// <summary>The residual estimator of the reduced model (<see cref="ReduceWithEstimator"/>).</summary>
    public IResidualEstimator Estimator { get; }

    /// <summary>The energy product X.</summary>
    public CsrMatrix Product { get; }

    /// <summary>Basis size N.</summary>
    public int BasisSize => _basis.Count;

    /// <summary>The basis vectors v_1 … v_N (do not modify).</summary>
    public IReadOnlyList<double[]> Basis => _basis;

    /// <summary>Appends v, which must be X-orthonormal to the basis, updating the reduced data in O(n·Q) vector operations per basis vector.</summary>
    public void Extend(ReadOnlySpan<double> v)
    {
        if (v.Length != Model.Dimension)
            throw new ArgumentException($"v has length {v.Length}, expected the model dimension {Model.Dimension}.", nameof(v));
        if (!Vectors.AllFinite(v))
            throw new ArgumentException("v contains NaN or infinity.", nameof(v));
        var vN = v.ToArray();
        int n = _basis.Count;
        var images = new double[_terms.Length * vN.Length];
        for (int q = 0; q < _terms.Length; q++)
        {
            // Border Ã_q: Ã_q[i, N] = v_iᵀ (A_q v_N), Ã_q[N, i] = (A_qᵀ v_N)ᵀ v_i.
            _terms[q].Apply(vN, _image);
            var image = _image;
            if (!ReferenceEquals(_transposes[q], _terms[q]))
            {
                _transposes[q].Apply(vN, _imageTransposed);
                image = _imageTransposed;
            }
            var column = new double[n + 1];
            var row = new double[n];
            for (int i = 0; i < n; i++)
            {
                column[i] = Vectors.Dot(_basis[i], _image);
                row[i] = Vectors.Dot(_basis[i], image);
            }
            column[n] = Vectors.Dot(vN, _image);
            _columns[q].Add(column);
            _rows[q].Add(row);
            _image.CopyTo(images, q * vN.Length);
        }
        // ξ_{1+nQ+q} = X⁻¹ A_q v_N for all q in one block solve.
        var solved = new double[images.Length];
        _productInverse.SolveBlock(images, solved, _terms.Length);
        _residual.AppendBlock(Enumerable.Range(0, _terms.Length).Select(q => solved[(q * vN.Length)..((q + 1) * vN.Length)]).ToArray());
        _rightHandSide.Add(Vectors.Dot(_f, vN));
        for (int k = 0; k < _outputWeights.Length; k++)
            _outputWeights[k].Add(Vectors.Dot(Model.Outputs[k].Weights, vN));
        _basis.Add(vN);
    }

    /// <summary>
    /// The reduced model on the current basis with the exact residual data grown with it (those the greedy's bounds use):
    /// the <see cref="Estimator"/>'s own data where it has no build step of its own, else the data it builds them from.
    /// </summary>
    public ReducedModel Reduce() => ReducedModel.FromData(ToData());

    /// <summary>
    /// The reduced model on the current basis with the <see cref="Estimator"/>'s online data, built from the representers
    /// and, for an estimator trained on residuals (the interpolated one), the residuals of the reduced solutions at
    /// <paramref name="trainingSet"/>.
    /// </summary>
    public ReducedModel ReduceWithEstimator(IReadOnlyList<Parameter> trainingSet)
    {
        ArgumentNullException.ThrowIfNull(trainingSet);
        var online = new Lazy<ReducedModel>(ReduceOnline);
        var theta = Model.AffineOperator.Coefficients;
        double[] Coefficients(Parameter mu)
        {
            // y_0 = 1, y_{1+nQ+q} = −θ_q(μ) u_n(μ), as in ReducedModel.Solve.
            var u = online.Value.Solve(mu).Coefficients;
            var y = new double[1 + theta.Count * u.Length];
            y[0] = 1;
            for (int i = 0; i < u.Length; i++)
                for (int q = 0; q < theta.Count; q++)
                    y[1 + i * theta.Count + q] = -theta[q].Evaluate(mu) * u[i];
            return y;
        }
        var residual = Estimator.Build(new ResidualEstimatorInput(_residual, trainingSet, Coefficients));
        return ReducedModel.FromData(ToData() with { Residual = residual });
    }

    /// <summary>The reduced model's data on the current basis, as plain arrays.</summary>
    public ReducedModelData ToData() => ToData(withBasis: true);

    /// <summary>
    /// The reduced model without the n × N basis (Dimension 0; <see cref="ReducedModel.Reconstruct"/> is unavailable):
    /// all the greedy needs to evaluate bounds, at no O(n·N) copy.
    /// </summary>
    internal ReducedModel ReduceOnline() => ReducedModel.FromData(ToData(withBasis: false));

    private ReducedModelData ToData(bool withBasis)
    {
        int n = BasisSize, dim = withBasis ? Model.Dimension : 0;
        var operators = new double[_terms.Length][,];
        for (int q = 0; q < _terms.Length; q++)
        {
            var a = new double[n, n];
            for (int j = 0; j < n; j++)
            {
                for (int i = 0; i <= j; i++) a[i, j] = _columns[q][j][i];
                for (int i = 0; i < j; i++) a[j, i] = _rows[q][j][i];
            }
            operators[q] = a;
        }
        var basis = new double[dim * n];
        if (withBasis)
            for (int j = 0; j < n; j++) _basis[j].CopyTo(basis, j * dim);
        return new ReducedModelData(
            Model.AffineOperator.Coefficients.ToArray(),
            operators,
            _rightHandSide.ToArray(),
            _outputShapes.Select((o, k) => o with { Weights = _outputWeights[k].ToArray() }).ToArray(),
            Options.ReferenceParameter,
            Options.ReferenceCoercivity,
            _residual.ToData(),
            dim,
            basis,
            Options.Coercivity,
            Model.ParameterSpace);
    }

    private double DualNorm(double[] functional)
    {
        var riesz = new double[functional.Length];
        _productInverse.Solve(functional, riesz);
        return Math.Sqrt(Math.Max(Vectors.Dot(functional, riesz), 0));
    }

    private static bool IsSameMatrix(CsrMatrix a, CsrMatrix b) =>
        a.RowPointers.AsSpan().SequenceEqual(b.RowPointers) &&
        a.ColumnIndices.AsSpan().SequenceEqual(b.ColumnIndices) &&
        a.Values.AsSpan().SequenceEqual(b.Values);
}
