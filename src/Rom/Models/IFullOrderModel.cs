using Rom.LinearAlgebra;
using Rom.Parameters;

namespace Rom.Models;

/// <summary>
/// A parametrised linear full-order model A(μ) u = f(μ): what solvers and reductors need from a discretisation
/// (or from matrices another code exported).
/// </summary>
public interface IFullOrderModel
{
    /// <summary>The admissible parameters.</summary>
    ParameterSpace ParameterSpace { get; }

    /// <summary>Number of unknowns.</summary>
    int Dimension { get; }

    /// <summary>The system operator A(μ).</summary>
    ILinearOperator Operator(Parameter mu);

    /// <summary>The right-hand side f(μ).</summary>
    double[] RightHandSide(Parameter mu);

    /// <summary>The symmetric positive definite matrix X of the energy inner product (u, v)_X = uᵀ X v.</summary>
    ILinearOperator EnergyProduct { get; }

    /// <summary>Linear outputs of interest.</summary>
    IReadOnlyList<OutputFunctional> Outputs { get; }
}
