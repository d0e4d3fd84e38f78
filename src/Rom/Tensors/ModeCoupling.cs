namespace Rom.Tensors;

/// <summary>
/// Which channel matrices a mode-wise linear map applies to which modes (<see cref="Ops.ModeWiseLinear{T}(Variable{T}, IReadOnlyList{Variable{T}}, ModeCoupling)"/>):
/// <code>
///   y_k = Σ_t σ_t(k) W_t[b(k)] x_{π_t(k)}        (k = 0 … K − 1, t = 0 … terms − 1)
/// </code>
/// with b(k) the weight block of mode k, π_t a one-to-one map of modes (no term where it has no image) and σ_t(k) = ±1.
/// One term with π = id and b = id is the reference NSM's matrix per mode; a term per subset of Fourier axes with π
/// swapping each wave's cosine and sine gives the shift-equivariant layer (<c>ShiftEquivariantModeWise</c>).
/// </summary>
public sealed class ModeCoupling
{
    /// <param name="block">b(k): the weight block of each mode, in [0, <paramref name="blocks"/>).</param>
    /// <param name="blocks">The number of weight blocks (the weights' leading extent, flattened).</param>
    /// <param name="source">Per term, π_t(k) for every mode, or −1 where the term does not reach mode k; each value at most once per term.</param>
    /// <param name="sign">Per term, σ_t(k) = +1 or −1 for every mode.</param>
    /// <exception cref="ArgumentException">Lengths that differ, a block or source out of range, a repeated source, or a sign other than ±1.</exception>
    public ModeCoupling(int[] block, int blocks, int[][] source, int[][] sign)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sign);
        int modes = block.Length;
        if (block.Any(b => b < 0 || b >= blocks))
            throw new ArgumentException($"every weight block must lie in [0, {blocks}).", nameof(block));
        if (source.Length == 0 || sign.Length != source.Length || source.Any(s => s.Length != modes) || sign.Any(s => s.Length != modes))
            throw new ArgumentException($"source and sign need one array of {modes} entries per term, at least one term.", nameof(source));
        if (sign.Any(s => s.Any(v => v is not (1 or -1))))
            throw new ArgumentException("every sign must be +1 or -1.", nameof(sign));
        Target = new int[source.Length][];
        for (int t = 0; t < source.Length; t++)
        {
            Target[t] = Enumerable.Repeat(-1, modes).ToArray();
            for (int k = 0; k < modes; k++)
            {
                int p = source[t][k];
                if (p < -1 || p >= modes || (p >= 0 && Target[t][p] >= 0))
                    throw new ArgumentException($"term {t}: the source {p} of mode {k} is out of range or reached twice.", nameof(source));
                if (p >= 0)
                    Target[t][p] = k;
            }
        }
        Block = block;
        Blocks = blocks;
        Source = source;
        Sign = sign;
        var modesOfBlock = new List<int>[blocks];
        for (int k = 0; k < modes; k++)
            (modesOfBlock[block[k]] ??= []).Add(k);
        ModesOfBlock = [.. modesOfBlock.Select(m => m?.ToArray() ?? [])];
    }

    /// <summary>One matrix per mode: y_k = W[k] x_k (the reference NSM's spectral layer).</summary>
    public static ModeCoupling Identity(int modes)
    {
        int[] id = [.. Enumerable.Range(0, modes)];
        return new ModeCoupling(id, modes, [id], [Enumerable.Repeat(1, modes).ToArray()]);
    }

    /// <summary>K, the modes.</summary>
    public int Modes => Block.Length;

    /// <summary>The number of terms t (one weight tensor each).</summary>
    public int Terms => Source.Length;

    /// <summary>The number of weight blocks.</summary>
    public int Blocks { get; }

    /// <summary>b(k).</summary>
    public int[] Block { get; }

    /// <summary>π_t(k), −1 where term t does not reach mode k.</summary>
    public int[][] Source { get; }

    /// <summary>π_t⁻¹(p): the mode that term t feeds from mode p, −1 where none.</summary>
    public int[][] Target { get; }

    /// <summary>σ_t(k).</summary>
    public int[][] Sign { get; }

    /// <summary>The modes of each weight block (those whose weight gradients add into it).</summary>
    public int[][] ModesOfBlock { get; }
}
