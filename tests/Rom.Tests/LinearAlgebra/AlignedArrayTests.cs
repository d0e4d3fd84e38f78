using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rom.Tests.LinearAlgebra;

public class AlignedArrayTests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(6216)]
    public void StartsOnACacheLineZeroedAndStaysThere(int length)
    {
        for (int repeat = 0; repeat < 20; repeat++) // several allocations, so some land off a line
        {
            var doubles = new AlignedArray<double>(length);
            var singles = new AlignedArray<float>(length + repeat);
            Assert.That(doubles.Span.Length, Is.EqualTo(length));
            Assert.That(singles.Span.Length, Is.EqualTo(length + repeat));
            Assert.That(doubles.Span.ToArray(), Is.All.EqualTo(0.0));
            Assert.That(Address(doubles.Span) % 64, Is.Zero, "double");
            Assert.That(Address(singles.Span) % 64, Is.Zero, "float");
            GC.Collect(); // pinned: a collection does not move it
            Assert.That(Address(doubles.Span) % 64, Is.Zero, "after a collection");
        }
    }

    private static long Address<T>(Span<T> span) where T : unmanaged =>
        (long)Unsafe.ByteOffset(ref Unsafe.NullRef<T>(), ref MemoryMarshal.GetReference(span));
}
