namespace Rom.Models.Darcy;

/// <summary>
/// The per-system draws of a seeded family: one master stream, seeded with the family's seed, hands system i its own
/// draws in system order, so that system i never depends on how the others use theirs.
/// </summary>
internal static class SystemDraws
{
    /// <summary>What <paramref name="draw"/> takes from the master stream seeded with <paramref name="seed"/>, for each of <paramref name="count"/> systems.</summary>
    public static T[] Draw<T>(int seed, int count, Func<Random, T> draw)
    {
        var master = new Random(seed);
        var draws = new T[count];
        for (int i = 0; i < count; i++)
            draws[i] = draw(master);
        return draws;
    }
}
