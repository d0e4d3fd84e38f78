namespace Rom.IO.Torch;

/// <summary>A pickled dict, in insertion order (Python dicts keep it).</summary>
public sealed class PickleDict
{
    private readonly List<KeyValuePair<object?, object?>> _items = [];

    /// <summary>The entries in insertion order.</summary>
    public IReadOnlyList<KeyValuePair<object?, object?>> Items => _items;

    /// <summary>Sets <paramref name="key"/> (replacing an entry with an equal key, as Python does).</summary>
    public void Set(object? key, object? value)
    {
        int i = _items.FindIndex(e => Equals(e.Key, key));
        if (i >= 0)
            _items[i] = KeyValuePair.Create(key, value);
        else
            _items.Add(KeyValuePair.Create(key, value));
    }

    /// <summary>The value under the string key <paramref name="key"/>.</summary>
    public bool TryGetValue(string key, out object? value)
    {
        foreach (var (k, v) in _items)
            if (k is string s && s == key)
            {
                value = v;
                return true;
            }
        value = null;
        return false;
    }
}

/// <summary>A reference to a Python global (a class or function), by module and name; never resolved.</summary>
public sealed record PickleGlobal(string Module, string Name)
{
    /// <summary>module.name.</summary>
    public override string ToString() => $"{Module}.{Name}";
}

/// <summary>A call the pickle asks for (REDUCE, NEWOBJ), with the state a later BUILD gives the result.</summary>
public sealed class PickleCall(object? callable, object?[] arguments)
{
    /// <summary>What is called: usually a <see cref="PickleGlobal"/>.</summary>
    public object? Callable { get; } = callable;

    /// <summary>Its positional arguments.</summary>
    public object?[] Arguments { get; } = arguments;

    /// <summary>Keyword arguments (NEWOBJ_EX), or null.</summary>
    public PickleDict? KeywordArguments { get; init; }

    /// <summary>The state set by BUILD, or null.</summary>
    public object? State { get; set; }
}

/// <summary>A persistent id (how torch.save refers to tensor storages kept outside the pickle).</summary>
public sealed record PickledPersistentId(object? Id);
