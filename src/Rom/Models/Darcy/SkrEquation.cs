namespace Rom.Models.Darcy;

/// <summary>Which of SKR's two equations a <see cref="SkrDarcyFamily"/> poses on its fields.</summary>
public enum SkrEquation
{
    /// <summary>−∇·(a∇u) = 1 by SKR's non-symmetric 5-point matrix ("skr-darcy").</summary>
    Darcy,
    /// <summary>The Darcy matrix minus h²k² on the diagonal, k ~ U(0, 1) per system: non-symmetric and indefinite ("skr-helmholtz").</summary>
    Helmholtz,
}
