namespace Rom.GaussianProcesses;

/// <summary>One term c · ∂ᵏu/∂x_dᵏ of a linear constant-coefficient operator.</summary>
/// <param name="Axis">d, the axis differentiated along.</param>
/// <param name="Order">k, the order of the derivative (1 or 2).</param>
/// <param name="Coefficient">c.</param>
public sealed record DerivativeTerm(int Axis, int Order, double Coefficient);
