namespace Rom.Models.NonlinearHeat;

/// <summary>A full-order trajectory of <see cref="NonlinearHeatModel"/>.</summary>
/// <param name="States">u at t_k = kΔt for k = 0 … Steps (States[0] is the initial state).</param>
/// <param name="NewtonIterations">Newton iterations of step k (from t_k to t_{k+1}), k = 0 … Steps − 1.</param>
public sealed record NonlinearHeatTrajectory(IReadOnlyList<double[]> States, IReadOnlyList<int> NewtonIterations);
