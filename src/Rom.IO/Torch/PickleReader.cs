using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Rom.IO.Torch;

/// <summary>
/// A Python pickle read as data, never executed (the opcodes of protocols 0-5 that <c>torch.save</c> and plain containers
/// use). Containers become .NET values — None → null, bool, int → <see cref="long"/> (or <see cref="BigInteger"/>), float →
/// <see cref="double"/>, str → <see cref="string"/>, bytes → <see cref="byte"/>[], tuple → <see cref="object"/>?[], list →
/// <see cref="List{T}"/>, dict → <see cref="PickleDict"/> — and everything that would run code (a global, a call, a
/// persistent id) becomes a record that names it: <see cref="PickleGlobal"/>, <see cref="PickleCall"/>,
/// <see cref="PickledPersistentId"/>. The caller decides what those mean.
/// </summary>
public sealed class PickleReader
{
    private static readonly object Mark = new();
    private readonly byte[] _data;
    private readonly List<object?> _stack = [];
    private readonly Dictionary<long, object?> _memo = [];
    private int _position;

    private PickleReader(byte[] data) => _data = data;

    /// <summary>Reads one pickled object from <paramref name="data"/>.</summary>
    /// <exception cref="FormatException">An opcode outside the supported set, a truncated stream or a malformed one; the message names the byte offset.</exception>
    public static object? Read(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new PickleReader(data).Run();
    }

    private object? Run()
    {
        while (true)
        {
            int at = _position;
            byte op = Byte();
            switch (op)
            {
                case 0x80: Byte(); break;                                   // PROTO
                case 0x95: Bytes(8); break;                                 // FRAME
                case (byte)'.': return _stack.Count == 1 ? _stack[0] : throw Malformed(at, "STOP with a stack of " + _stack.Count);
                case (byte)'(': _stack.Add(Mark); break;
                case (byte)'N': _stack.Add(null); break;
                case 0x88: _stack.Add(true); break;
                case 0x89: _stack.Add(false); break;
                case (byte)'J': _stack.Add((long)BinaryPrimitives.ReadInt32LittleEndian(Bytes(4))); break;
                case (byte)'K': _stack.Add((long)Byte()); break;
                case (byte)'M': _stack.Add((long)BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2))); break;
                case 0x8a: _stack.Add(Long(Byte())); break;                 // LONG1
                case 0x8b: _stack.Add(Long((long)Int32())); break;          // LONG4
                case (byte)'G': _stack.Add(BinaryPrimitives.ReadDoubleBigEndian(Bytes(8))); break;
                case (byte)'I': _stack.Add(IntLine(Line())); break;        // INT (protocol 0)
                case (byte)'L': _stack.Add(long.Parse(Line().TrimEnd('L'), System.Globalization.CultureInfo.InvariantCulture)); break;
                case (byte)'F': _stack.Add(double.Parse(Line(), System.Globalization.CultureInfo.InvariantCulture)); break;
                case (byte)'X': _stack.Add(Encoding.UTF8.GetString(Bytes(Int32()))); break;          // BINUNICODE
                case 0x8c: _stack.Add(Encoding.UTF8.GetString(Bytes(Byte()))); break;                // SHORT_BINUNICODE
                case 0x8d: _stack.Add(Encoding.UTF8.GetString(Bytes(Int64()))); break;               // BINUNICODE8
                case (byte)'V': _stack.Add(Line()); break;                                           // UNICODE (raw escape; ASCII keys)
                case (byte)'T': _stack.Add(Encoding.Latin1.GetString(Bytes(Int32()))); break;        // BINSTRING
                case (byte)'U': _stack.Add(Encoding.Latin1.GetString(Bytes(Byte()))); break;         // SHORT_BINSTRING
                case (byte)'B': _stack.Add(Bytes(Int32()).ToArray()); break;                         // BINBYTES
                case (byte)'C': _stack.Add(Bytes(Byte()).ToArray()); break;                          // SHORT_BINBYTES
                case 0x8e: _stack.Add(Bytes(Int64()).ToArray()); break;                              // BINBYTES8
                case 0x96: _stack.Add(Bytes(Int64()).ToArray()); break;                              // BYTEARRAY8
                case (byte)')': _stack.Add(Array.Empty<object?>()); break;
                case (byte)'t': _stack.Add(PopToMark().ToArray()); break;
                case 0x85: _stack.Add(new[] { Pop() }); break;
                case 0x86: { var b = Pop(); var a = Pop(); _stack.Add(new[] { a, b }); break; }
                case 0x87: { var c = Pop(); var b = Pop(); var a = Pop(); _stack.Add(new[] { a, b, c }); break; }
                case (byte)']': _stack.Add(new List<object?>()); break;
                case (byte)'l': _stack.Add(PopToMark()); break;                                      // LIST
                case (byte)'a': { var item = Pop(); As<List<object?>>(Top(), at).Add(item); break; }
                case (byte)'e': { var items = PopToMark(); As<List<object?>>(Top(), at).AddRange(items); break; }
                case (byte)'}': _stack.Add(new PickleDict()); break;
                case (byte)'d': { var dict = new PickleDict(); SetItems(dict, PopToMark(), at); _stack.Add(dict); break; }
                case (byte)'s': { var value = Pop(); var key = Pop(); As<PickleDict>(Top(), at).Set(key, value); break; }
                case (byte)'u': { var items = PopToMark(); SetItems(As<PickleDict>(Top(), at), items, at); break; }
                case 0x8f: _stack.Add(new List<object?>()); break;                                  // EMPTY_SET
                case 0x90: { var items = PopToMark(); As<List<object?>>(Top(), at).AddRange(items); break; } // ADDITEMS
                case 0x91: _stack.Add(PopToMark()); break;                                           // FROZENSET
                case (byte)'c': { string module = Line(); _stack.Add(new PickleGlobal(module, Line())); break; }
                case 0x93: { var name = Pop(); var module = Pop(); _stack.Add(new PickleGlobal(As<string>(module, at), As<string>(name, at))); break; }
                case (byte)'R': { var args = As<object?[]>(Pop(), at); _stack.Add(Call(Pop(), args)); break; }
                case 0x81: { var args = As<object?[]>(Pop(), at); _stack.Add(new PickleCall(Pop(), args)); break; }   // NEWOBJ
                case 0x92: { var kwargs = Pop(); var args = As<object?[]>(Pop(), at); _stack.Add(new PickleCall(Pop(), args) { KeywordArguments = kwargs as PickleDict }); break; }
                case (byte)'b': { var state = Pop(); Build(Top(), state); break; }
                case (byte)'Q': _stack.Add(new PickledPersistentId(Pop())); break;                   // BINPERSID
                case (byte)'P': _stack.Add(new PickledPersistentId(Line())); break;                 // PERSID
                case (byte)'q': _memo[Byte()] = Top(); break;
                case (byte)'r': _memo[(uint)Int32()] = Top(); break;
                case 0x94: _memo[_memo.Count] = Top(); break;                                       // MEMOIZE
                case (byte)'p': _memo[long.Parse(Line(), System.Globalization.CultureInfo.InvariantCulture)] = Top(); break;
                case (byte)'h': _stack.Add(Memo(Byte(), at)); break;
                case (byte)'j': _stack.Add(Memo((uint)Int32(), at)); break;
                case (byte)'g': _stack.Add(Memo(long.Parse(Line(), System.Globalization.CultureInfo.InvariantCulture), at)); break;
                case (byte)'0': Pop(); break;
                case (byte)'2': _stack.Add(Top()); break;
                case (byte)'1': PopToMark(); break;
                default: throw Malformed(at, $"opcode 0x{op:x2} is not one this reader knows (it reads protocols 0-5 without extension registries)");
            }
        }
    }

    /// <summary>A call, except that an empty dict or OrderedDict (how torch.save pickles a state dict) is made here as data.</summary>
    private static object Call(object? callable, object?[] args) =>
        callable is PickleGlobal { Module: "collections", Name: "OrderedDict" } or PickleGlobal { Module: "builtins" or "__builtin__", Name: "dict" }
            && args.Length == 0
            ? new PickleDict()
            : new PickleCall(callable, args);

    private static void Build(object? target, object? state)
    {
        switch (target)
        {
            case PickleCall call: call.State = state; break;
            case PickleDict: break;   // a dict subclass's attributes (OrderedDict._metadata of nn.Module.state_dict): not data
            default: throw new FormatException($"BUILD on a {target?.GetType().Name ?? "None"}, which has no state to set.");
        }
    }

    private static void SetItems(PickleDict dict, List<object?> items, int at)
    {
        if (items.Count % 2 != 0)
            throw Malformed(at, "SETITEMS with an odd number of items");
        for (int i = 0; i < items.Count; i += 2)
            dict.Set(items[i], items[i + 1]);
    }

    private object? Memo(long key, int at) =>
        _memo.TryGetValue(key, out var value) ? value : throw Malformed(at, $"memo entry {key} read before it was written");

    private static object IntLine(string text) => text switch
    {
        "00" => false,
        "01" => true,
        _ => long.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
    };

    private object Long(long length) => LongValue(Bytes(length));

    private static object LongValue(ReadOnlySpan<byte> bytes)
    {
        var value = new BigInteger(bytes, isUnsigned: false, isBigEndian: false);
        return value >= long.MinValue && value <= long.MaxValue ? (long)value : value;
    }

    private object? Pop()
    {
        if (_stack.Count == 0 || ReferenceEquals(_stack[^1], Mark))
            throw Malformed(_position - 1, "an opcode needs a value but the stack is empty");
        var value = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return value;
    }

    private object? Top() => _stack.Count > 0 && !ReferenceEquals(_stack[^1], Mark) ? _stack[^1] : throw Malformed(_position - 1, "the stack is empty");

    private List<object?> PopToMark()
    {
        int mark = _stack.FindLastIndex(o => ReferenceEquals(o, Mark));
        if (mark < 0)
            throw Malformed(_position - 1, "no MARK to pop to");
        var items = _stack.GetRange(mark + 1, _stack.Count - mark - 1);
        _stack.RemoveRange(mark, _stack.Count - mark);
        return items;
    }

    private static T As<T>(object? value, int at) =>
        value is T t ? t : throw Malformed(at, $"expected a {typeof(T).Name} on the stack, found {value?.GetType().Name ?? "None"}");

    private byte Byte() => Bytes(1)[0];

    private int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

    private long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));

    private ReadOnlySpan<byte> Bytes(long count)
    {
        if (count < 0 || count > _data.Length - _position)
            throw Malformed(_position, $"{count} bytes asked for with {_data.Length - _position} left: the pickle is truncated");
        var span = new ReadOnlySpan<byte>(_data, _position, (int)count);
        _position += (int)count;
        return span;
    }

    private string Line()
    {
        int end = Array.IndexOf(_data, (byte)'\n', _position);
        if (end < 0)
            throw Malformed(_position, "a text argument has no end of line: the pickle is truncated");
        string text = Encoding.Latin1.GetString(_data, _position, end - _position);
        _position = end + 1;
        return text;
    }

    private static FormatException Malformed(int at, string problem) => new($"pickle byte {at}: {problem}.");
}
