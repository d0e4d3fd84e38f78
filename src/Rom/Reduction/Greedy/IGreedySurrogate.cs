using Rom.Parameters;

namespace Rom.Reduction.Greedy;

/// <summary>
/// What <see cref="WeakGreedy"/> needs from a method: an error estimate for every candidate and a way to grow
/// the approximation by one parameter. Reduced basis, EIM and operator-EIM greedies are surrogates of this loop.
/// </summary>
public interface IGreedySurrogate
{
    /// <summary>The estimated error of the current approximation at every candidate, in order.</summary>
    double[] Evaluate(IReadOnlyList<Parameter> mus);

    /// <summary>Extends the approximation with μ; false when the new vector is linearly dependent and nothing was added.</summary>
    bool Extend(Parameter mu);
}
