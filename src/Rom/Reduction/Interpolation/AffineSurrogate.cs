using Rom.LinearAlgebra;
using Rom.Models;
using Rom.Parameters;

namespace Rom.Reduction.Interpolation;

/// <summary>
/// An affine model standing in for a non-affine full-order one (<see cref="ThermalBumpInterpolation"/>,
/// <see cref="SampledSystemInterpolation"/>): the full-order model's parameter space, dimension, energy product, outputs
/// and right-hand side, with the interpolated operator A_M(μ) = Σ θ_m(μ) Q_m of <see cref="AffineOperator"/>.
/// </summary>
public abstract class AffineSurrogate : IAffineModel
{
    private readonly IFullOrderModel _fullOrder;

    /// <summary>Stands in for <paramref name="fullOrder"/>.</summary>
    protected AffineSurrogate(IFullOrderModel fullOrder)
    {
        ArgumentNullException.ThrowIfNull(fullOrder);
        _fullOrder = fullOrder;
    }

    /// <inheritdoc />
    public abstract AffineOperator AffineOperator { get; }

    /// <inheritdoc />
    public ParameterSpace ParameterSpace => _fullOrder.ParameterSpace;

    /// <inheritdoc />
    public int Dimension => _fullOrder.Dimension;

    /// <inheritdoc />
    public ILinearOperator EnergyProduct => _fullOrder.EnergyProduct;

    /// <inheritdoc />
    public IReadOnlyList<OutputFunctional> Outputs => _fullOrder.Outputs;

    /// <summary>The interpolated A_M(μ) (a CsrMatrix), where its coefficients are defined.</summary>
    public ILinearOperator Operator(Parameter mu)
    {
        ParameterSpace.Validate(mu);
        return AffineOperator.At(mu);
    }

    /// <inheritdoc />
    public double[] RightHandSide(Parameter mu) => _fullOrder.RightHandSide(mu);
}
