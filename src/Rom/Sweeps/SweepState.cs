namespace Rom.Sweeps;

/// <summary>
/// What a <see cref="SweepSolver"/> carries from one system to the next besides the samples already solved: the next
/// position and the recycle space. Saved with the samples, it lets a stopped sweep resume exactly.
/// </summary>
/// <param name="NextPosition">Position in the order of the next system to solve.</param>
/// <param name="RecycleSpace">The recycling solver's space (<see cref="Krylov.Recycling.IRecyclingSolver.ExportRecycleSpace"/>); empty otherwise.</param>
public sealed record SweepState(int NextPosition, IReadOnlyList<double[]> RecycleSpace);
