using MathNet.Numerics.LinearAlgebra;
using Rom.LinearAlgebra;

namespace Rom.Models.NonlinearHeat;

/// <summary>
/// The triangles that touch a set of sample nodes and the nodes of those triangles (the "reduced integration domain"
/// of Ryckelynck, J. Comput. Phys. 202, 2005, as in the adaptive ROM of Casenave &amp; Akkari, Math. Comput. Appl. 24, 2019).
/// It evaluates the rows of the heat residual at the samples exactly, from nodal values on its own nodes only, so its
/// cost depends on the number of samples, not on the mesh size. With every interior node sampled it is the full model.
/// </summary>
public sealed class ReducedMesh : ISampledResidual
{
    private readonly NonlinearHeatModel _model;
    private readonly int[] _samples;
    private readonly int[] _nodes;
    private readonly int[] _triangles;
    private readonly int[] _localNode;
    private readonly int[] _sampleRow;

    /// <summary>Collects the triangles around <paramref name="samples"/> (distinct interior nodes) of the model's mesh.</summary>
    public ReducedMesh(NonlinearHeatModel model, IReadOnlyList<int> samples)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(samples);
        var mesh = model.Mesh;
        var rowOf = new Dictionary<int, int>();
        for (int s = 0; s < samples.Count; s++)
        {
            int p = samples[s];
            if ((uint)p >= (uint)mesh.NodeCount || mesh.IsBoundary[p] || !rowOf.TryAdd(p, s))
                throw new ArgumentException($"Sample {s} is node {p}; samples must be distinct interior nodes of the mesh.", nameof(samples));
        }
        var triangles = new List<int>();
        var nodes = new SortedSet<int>();
        for (int t = 0; t < mesh.TriangleCount; t++)
        {
            var corners = mesh.Triangles.Slice(3 * t, 3);
            if (!rowOf.ContainsKey(corners[0]) && !rowOf.ContainsKey(corners[1]) && !rowOf.ContainsKey(corners[2])) continue;
            triangles.Add(t);
            foreach (int v in corners) nodes.Add(v);
        }
        _model = model;
        _samples = samples.ToArray();
        _nodes = nodes.ToArray();
        _triangles = triangles.ToArray();
        var localOf = new Dictionary<int, int>();
        for (int i = 0; i < _nodes.Length; i++) localOf[_nodes[i]] = i;
        _localNode = new int[3 * _triangles.Length];
        _sampleRow = new int[3 * _triangles.Length];
        for (int k = 0; k < _triangles.Length; k++)
            for (int a = 0; a < 3; a++)
            {
                int v = mesh.Triangles[3 * _triangles[k] + a];
                _localNode[3 * k + a] = localOf[v];
                _sampleRow[3 * k + a] = rowOf.TryGetValue(v, out int row) ? row : -1;
            }
        var (rows, cols, values) = (new List<int>(), new List<int>(), new List<double>());
        for (int k = 0; k < _triangles.Length; k++)
        {
            double area = mesh.Area(_triangles[k]);
            for (int a = 0; a < 3; a++)
            {
                int row = _sampleRow[3 * k + a];
                if (row < 0) continue;
                for (int b = 0; b < 3; b++)
                {
                    rows.Add(row);
                    cols.Add(_localNode[3 * k + b]);
                    values.Add(area / 12 * (a == b ? 2 : 1));
                }
            }
        }
        MassRows = CsrMatrix.FromTriplets(_samples.Length, _nodes.Length, rows.ToArray(), cols.ToArray(), values.ToArray());
    }

    /// <summary>The sample nodes, in the order of the evaluated rows.</summary>
    public IReadOnlyList<int> Samples => _samples;

    /// <summary>The nodes of the reduced mesh (ascending): the values an evaluation needs.</summary>
    public IReadOnlyList<int> Nodes => _nodes;

    /// <summary>The triangles of the reduced mesh.</summary>
    public IReadOnlyList<int> Triangles => _triangles;

    /// <summary>The rows of the mass matrix at the samples, columns at <see cref="Nodes"/>.</summary>
    public CsrMatrix MassRows { get; }

    /// <summary>Picks a nodal field's values at <see cref="Nodes"/>.</summary>
    public double[] Gather(ReadOnlySpan<double> field)
    {
        if (field.Length != _model.Mesh.NodeCount)
            throw new ArgumentException($"The field has {field.Length} values; expected one per node ({_model.Mesh.NodeCount}).", nameof(field));
        var local = new double[_nodes.Length];
        for (int i = 0; i < local.Length; i++) local[i] = field[_nodes[i]];
        return local;
    }

    /// <summary>
    /// Internal force F(u) = K(u)u at the samples from u at <see cref="Nodes"/>, and when <paramref name="jacobian"/> is
    /// given (samples × nodes, dense) its derivative ∂F/∂u = κ(ū_T)K_T + κ'(ū_T)(K_T u_T)(1/3)1ᵀ per triangle T.
    /// </summary>
    public void Force(ReadOnlySpan<double> u, Span<double> force, Matrix<double>? jacobian = null)
    {
        jacobian?.Clear();
        if (jacobian is null) Assemble(u, force, null);
        else Assemble(u, force, (row, column, value) => jacobian[row, column] += value);
    }

    /// <summary>F(u) at the samples as <see cref="Force(ReadOnlySpan{double}, Span{double}, Matrix{double})"/>, returning the Jacobian sparse.</summary>
    public CsrMatrix ForceWithJacobian(ReadOnlySpan<double> u, Span<double> force)
    {
        var (rows, cols, values) = (new List<int>(), new List<int>(), new List<double>());
        Assemble(u, force, (row, column, value) => { rows.Add(row); cols.Add(column); values.Add(value); });
        return CsrMatrix.FromTriplets(_samples.Length, _nodes.Length, rows.ToArray(), cols.ToArray(), values.ToArray());
    }

    /// <summary>
    /// The implicit Euler residual at the samples, R = M(u − u_prev)/Δt + F(u) − b, from u and u_prev at
    /// <see cref="Nodes"/> and the load b at the samples; also returns F(u) at the samples.
    /// </summary>
    public double[] Residual(ReadOnlySpan<double> u, ReadOnlySpan<double> previous, ReadOnlySpan<double> load, double timeStep, Span<double> force)
    {
        CheckLocal(previous.Length, nameof(previous));
        if (load.Length != _samples.Length)
            throw new ArgumentException($"load has {load.Length} values; expected one per sample ({_samples.Length}).", nameof(load));
        Force(u, force);
        var change = new double[_nodes.Length];
        for (int i = 0; i < change.Length; i++) change[i] = (u[i] - previous[i]) / timeStep;
        var residual = new double[_samples.Length];
        MassRows.Apply(change, residual);
        for (int s = 0; s < residual.Length; s++) residual[s] += force[s] - load[s];
        return residual;
    }

    /// <summary>The element loop: adds each triangle's force to its sample rows and, when given, passes its Jacobian entries to <paramref name="addJacobian"/>.</summary>
    private void Assemble(ReadOnlySpan<double> u, Span<double> force, Action<int, int, double>? addJacobian)
    {
        CheckLocal(u.Length, nameof(u));
        if (force.Length != _samples.Length)
            throw new ArgumentException($"force has {force.Length} values; expected one per sample ({_samples.Length}).", nameof(force));
        force.Clear();
        Span<double> ku = stackalloc double[3];
        for (int k = 0; k < _triangles.Length; k++)
        {
            var stiffness = _model.ElementStiffness(_triangles[k]);
            double u0 = u[_localNode[3 * k]], u1 = u[_localNode[3 * k + 1]], u2 = u[_localNode[3 * k + 2]];
            double mean = (u0 + u1 + u2) / 3;
            double kappa = _model.Conductivity(mean), slope = _model.ConductivityDerivative(mean) / 3;
            for (int a = 0; a < 3; a++)
                ku[a] = stiffness[3 * a] * u0 + stiffness[3 * a + 1] * u1 + stiffness[3 * a + 2] * u2;
            for (int a = 0; a < 3; a++)
            {
                int row = _sampleRow[3 * k + a];
                if (row < 0) continue;
                force[row] += kappa * ku[a];
                if (addJacobian is null) continue;
                for (int b = 0; b < 3; b++)
                    addJacobian(row, _localNode[3 * k + b], kappa * stiffness[3 * a + b] + slope * ku[a]);
            }
        }
    }

    private void CheckLocal(int length, string name)
    {
        if (length != _nodes.Length)
            throw new ArgumentException($"{name} has {length} values; expected one per reduced-mesh node ({_nodes.Length}).", name);
    }
}
