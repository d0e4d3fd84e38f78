namespace Rom.Reduction.Greedy;

/// <summary>Why <see cref="WeakGreedy"/> stopped.</summary>
public enum GreedyStopReason
{
    /// <summary>The largest estimated error fell to the absolute tolerance.</summary>
    AbsoluteToleranceReached,

    /// <summary>The largest estimated error fell to the relative tolerance times the first one.</summary>
    RelativeToleranceReached,

    /// <summary>The extension cap was reached.</summary>
    MaxExtensionsReached,

    /// <summary>The surrogate could not extend: the chosen vector was linearly dependent on the basis.</summary>
    LinearlyDependent,
}
