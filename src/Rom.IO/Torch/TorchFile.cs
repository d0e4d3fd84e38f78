using System.IO.Compression;
using Rom.IO.Hdf5;

namespace Rom.IO.Torch;

/// <summary>
/// Reads what <c>torch.save</c> wrote in PyTorch's zip format (the default since 1.6): <c>ARCHIVE/data.pkl</c>, a
/// pickle whose tensors refer by persistent id <c>('storage', torch.FloatStorage, KEY, LOCATION, NUMEL)</c> to the raw
/// little-endian bytes in <c>ARCHIVE/data/KEY</c>, and which rebuilds them with <c>torch._utils._rebuild_tensor_v2</c>
/// (storage, offset, size, stride, ...). Nothing in the file is executed: tensors are recognised by that rebuild call,
/// every other global stays a name (<see cref="PickleGlobal"/>).
/// </summary>
public static class TorchFile
{
    private static readonly Dictionary<string, TorchDType> StorageTypes = new(StringComparer.Ordinal)
    {
        ["FloatStorage"] = TorchDType.Float32,
        ["DoubleStorage"] = TorchDType.Float64,
        ["HalfStorage"] = TorchDType.Float16,
        ["BFloat16Storage"] = TorchDType.BFloat16,
        ["ComplexFloatStorage"] = TorchDType.Complex64,
        ["ComplexDoubleStorage"] = TorchDType.Complex128,
        ["LongStorage"] = TorchDType.Int64,
        ["IntStorage"] = TorchDType.Int32,
        ["ShortStorage"] = TorchDType.Int16,
        ["CharStorage"] = TorchDType.Int8,
        ["ByteStorage"] = TorchDType.UInt8,
        ["BoolStorage"] = TorchDType.Bool,
    };

    /// <summary>
    /// The object stored at <paramref name="path"/>, with every tensor as a <see cref="TorchTensor"/> and containers as
    /// <see cref="PickleReader"/> makes them.
    /// </summary>
    /// <exception cref="DataFileException">The file is missing, not a PyTorch zip archive, or its pickle or a storage is malformed.</exception>
    public static object? Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new DataFileException(path, null, "no such file");
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var pickle = zip.Entries.Where(e => e.FullName.EndsWith("data.pkl", StringComparison.Ordinal) && e.FullName.Count(c => c == '/') == 1).ToList();
            if (pickle.Count != 1)
                throw new DataFileException(path, null, "a zip archive without one ARCHIVE/data.pkl: not a file torch.save wrote (the legacy non-zip format of PyTorch < 1.6 is not read; re-save it with a recent torch)");
            string prefix = pickle[0].FullName[..^"data.pkl".Length];
            var byteOrder = zip.GetEntry(prefix + "byteorder");
            if (byteOrder is not null && ReadText(byteOrder).Trim() != "little")
                throw new DataFileException(path, prefix + "byteorder", "big-endian storages are not read; save on a little-endian machine");
            object? root = PickleReader.Read(ReadAll(pickle[0]));
            var storages = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            return Resolve(root, path, key =>
            {
                if (storages.TryGetValue(key, out var bytes))
                    return bytes;
                var entry = zip.GetEntry(prefix + "data/" + key)
                    ?? throw new DataFileException(path, prefix + "data/" + key, "missing: a tensor refers to this storage");
                return storages[key] = ReadAll(entry);
            });
        }
        catch (InvalidDataException e)
        {
            throw new DataFileException(path, null, $"not a zip archive as torch.save writes ({e.Message})", e);
        }
        catch (FormatException e)
        {
            throw new DataFileException(path, "data.pkl", e.Message, e);
        }
    }

    private static object? Resolve(object? value, string path, Func<string, byte[]> storage)
    {
        switch (value)
        {
            case PickleCall call when call.Callable is PickleGlobal { Module: "torch._utils" } g:
                return g.Name switch
                {
                    "_rebuild_tensor_v2" or "_rebuild_tensor" => Tensor(call.Arguments, path, storage),
                    "_rebuild_parameter" or "_rebuild_parameter_with_state" when call.Arguments.Length > 0 => Resolve(call.Arguments[0], path, storage),
                    _ => throw new DataFileException(path, "data.pkl", $"tensors rebuilt by torch._utils.{g.Name} (sparse, quantised or device-specific ones) are not read"),
                };
            case PickleCall call:
                for (int i = 0; i < call.Arguments.Length; i++)
                    call.Arguments[i] = Resolve(call.Arguments[i], path, storage);
                call.State = Resolve(call.State, path, storage);
                return call;
            case PickleDict dict:
                var resolved = new PickleDict();
                foreach (var (k, v) in dict.Items)
                    resolved.Set(k, Resolve(v, path, storage));
                return resolved;
            case List<object?> list:
                return list.Select(v => Resolve(v, path, storage)).ToList();
            case object?[] tuple:
                return tuple.Select(v => Resolve(v, path, storage)).ToArray();
            default:
                return value;
        }
    }

    private static TorchTensor Tensor(object?[] args, string path, Func<string, byte[]> storage)
    {
        if (args.Length < 4 || args[0] is not PickledPersistentId { Id: object?[] id } || id.Length < 5 || id[0] as string != "storage"
            || args[1] is not long offset || args[2] is not object?[] size || args[3] is not object?[] stride)
            throw new DataFileException(path, "data.pkl", "a tensor whose rebuild arguments are not (storage, offset, size, stride, ...) as torch.save writes them");
        string typeName = id[1] is PickleGlobal g ? g.Name : id[1]?.ToString() ?? "None";
        if (!StorageTypes.TryGetValue(typeName, out var dtype))
            throw new DataFileException(path, "data.pkl", $"storage type {typeName} is not read (expected one of {string.Join(", ", StorageTypes.Keys)})");
        string key = id[2]?.ToString() ?? "";
        int[] shape = [.. size.Select(s => checked((int)(long)s!))];
        long[] strides = [.. stride.Select(s => (long)s!)];
        byte[] bytes = storage(key);
        int itemSize = dtype.ItemSize();
        long count = shape.Aggregate(1L, (p, n) => p * n);
        var data = new byte[count * itemSize];
        long last = offset;
        for (int a = 0; a < shape.Length; a++)
            last += (shape[a] - 1) * strides[a];
        if (count > 0 && (offset < 0 || (last + 1) * itemSize > bytes.Length))
            throw new DataFileException(path, "data/" + key, $"a tensor of shape [{string.Join(", ", shape)}] reaches past its storage of {bytes.Length} bytes: the file is truncated");
        long expected = 1;
        bool contiguous = true;
        for (int a = shape.Length - 1; a >= 0; a--)
        {
            contiguous &= shape[a] == 1 || strides[a] == expected;
            expected *= shape[a];
        }
        if (contiguous && count > 0)
        {
            Buffer.BlockCopy(bytes, checked((int)(offset * itemSize)), data, 0, data.Length);
            return new TorchTensor(dtype, shape, data);
        }
        var index = new int[shape.Length];
        for (long i = 0; i < count; i++)
        {
            long source = offset;
            for (int a = 0; a < shape.Length; a++)
                source += index[a] * strides[a];
            Buffer.BlockCopy(bytes, checked((int)(source * itemSize)), data, checked((int)(i * itemSize)), itemSize);
            for (int a = shape.Length - 1; a >= 0 && ++index[a] == shape[a]; a--)
                index[a] = 0;
        }
        return new TorchTensor(dtype, shape, data);
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new MemoryStream(checked((int)entry.Length));
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string ReadText(ZipArchiveEntry entry) => System.Text.Encoding.ASCII.GetString(ReadAll(entry));
}
