using System.Collections.Concurrent;

namespace Rom.Tensors;

/// <summary>
/// A region of work (one training step, one batch of inference) whose tensors are recycled when it ends. While a scope
/// is open on a thread, every tensor an operation creates there takes its storage from a pool of arrays of the same
/// length and is handed back when the scope is disposed, so a steady training loop touches the same memory each step
/// instead of new pages (a 64² FNO step otherwise faults in ~250 MB of fresh pages, a third of its time).
/// <para>
/// Nothing created inside may be used after the scope ends unless it was passed to <see cref="Keep{T}"/> (or copied
/// out). Parameters, their gradients and optimiser state are made outside scopes and are never recycled. Scopes nest;
/// each thread has its own, so concurrent callers each open one.
/// </para>
/// </summary>
public sealed class TensorScope : IDisposable
{
    [ThreadStatic]
    private static TensorScope? _current;

    private readonly TensorScope? _parent;
    private readonly List<Array> _rented = [];
    private bool _disposed;

    private TensorScope()
    {
        _parent = _current;
        _current = this;
    }

    /// <summary>Opens a scope on the calling thread; dispose it on the same thread.</summary>
    public static TensorScope Begin() => new();

    /// <summary>The innermost open scope of this thread, if any.</summary>
    internal static TensorScope? Current => _current;

    /// <summary>Takes <paramref name="tensor"/> out of this scope: its storage survives the scope's end.</summary>
    public Tensor<T> Keep<T>(Tensor<T> tensor) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        _rented.Remove(tensor.Data);
        return tensor;
    }

    /// <summary>Working storage of <paramref name="length"/> entries (contents undefined): from the current scope's pool when one is open.</summary>
    internal static T[] Scratch<T>(int length) =>
        _current is { } scope && length >= 1 << 12 ? scope.Rent<T>(length) : GC.AllocateUninitializedArray<T>(length);

    /// <summary>Storage of <paramref name="length"/> entries from the pool, owned by this scope (contents undefined).</summary>
    internal T[] Rent<T>(int length)
    {
        T[] array = ArrayStore<T>.Rent(length);
        _rented.Add(array);
        return array;
    }

    /// <summary>
    /// Hands <paramref name="array"/> back to the pool before the scope ends, when it was made in this scope and nothing
    /// will read it again (the tape does this with each gradient once its backward step has run, which halves a training
    /// step's peak memory).
    /// </summary>
    internal void Recycle(Array array)
    {
        int index = _rented.LastIndexOf(array);
        if (index < 0)
            return;
        _rented.RemoveAt(index);
        ArrayStore.Return(array);
    }

    /// <summary>Hands every tensor made in this scope back to the pool and makes the enclosing scope current again.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        if (_current != this)
            throw new InvalidOperationException("tensor scopes must be disposed innermost first, on the thread that opened them.");
        _disposed = true;
        _current = _parent;
        foreach (Array array in _rented)
            ArrayStore.Return(array);
        _rented.Clear();
    }

    /// <summary>Recycled arrays by element type and exact length, up to a budget of bytes.</summary>
    private static class ArrayStore
    {
        /// <summary>At most a quarter of the memory the GC may use stays pooled.</summary>
        private static readonly long Budget = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4;

        private static long _pooledBytes;

        public static void Return(Array array)
        {
            long bytes = (long)array.Length * System.Runtime.InteropServices.Marshal.SizeOf(array.GetType().GetElementType()!);
            if (Interlocked.Add(ref _pooledBytes, bytes) > Budget)
            {
                Interlocked.Add(ref _pooledBytes, -bytes);
                return; // over budget: let the GC have it
            }
            switch (array)
            {
                case float[] f: ArrayStore<float>.Push(f); break;
                case double[] d: ArrayStore<double>.Push(d); break;
                default: Interlocked.Add(ref _pooledBytes, -bytes); break;
            }
        }

        public static void Taken(long bytes) => Interlocked.Add(ref _pooledBytes, -bytes);
    }

    private static class ArrayStore<T>
    {
        private static readonly ConcurrentDictionary<int, ConcurrentBag<T[]>> Bags = new();

        public static T[] Rent(int length)
        {
            if (Bags.TryGetValue(length, out var bag) && bag.TryTake(out T[]? array))
            {
                ArrayStore.Taken((long)length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
                return array;
            }
            return GC.AllocateUninitializedArray<T>(length);
        }

        public static void Push(T[] array) => Bags.GetOrAdd(array.Length, _ => []).Add(array);
    }
}
