namespace Rom.GaussianProcesses;

/// <summary>f(x), writing ∇f(x) into <paramref name="gradient"/>.</summary>
public delegate double ObjectiveFunction(double[] x, double[] gradient);
