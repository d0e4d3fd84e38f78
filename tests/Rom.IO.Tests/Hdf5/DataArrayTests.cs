namespace Rom.IO.Tests.Hdf5;

public class DataArrayTests
{
    [Test]
    public void Scalars_HaveEmptyShapeAndOneValue()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DataArray.Scalar(1.5).Shape, Is.Empty);
            Assert.That(DataArray.Scalar(1.5).Count, Is.EqualTo(1));
            Assert.That(DataArray.Scalar(7L).Type, Is.EqualTo(DataType.Int64));
            Assert.That(DataArray.Scalar(7).Type, Is.EqualTo(DataType.Int32));
            Assert.That(DataArray.Scalar(7).AsLongs(), Is.EqualTo(new long[] { 7 }));
            Assert.That(DataArray.Scalar("x").AsStrings(), Is.EqualTo(new[] { "x" }));
        });
    }

    [Test]
    public void Of_DefaultsToOneDimension_AndTakesAnExplicitShape()
    {
        var vector = DataArray.Of(new[] { 1.0, 2.0, 3.0 });
        var matrix = DataArray.Of(new[] { 1L, 2, 3, 4, 5, 6 }, 2, 3);
        Assert.Multiple(() =>
        {
            Assert.That(vector.Shape, Is.EqualTo(new[] { 3 }));
            Assert.That(matrix.Shape, Is.EqualTo(new[] { 2, 3 }));
            Assert.That(matrix.Type, Is.EqualTo(DataType.Int64));
        });
    }

    [Test]
    public void Accessors_WidenIntegers_AndRejectOtherKinds()
    {
        var ints = DataArray.Of(new[] { 1, -2 });
        var strings = DataArray.Of(new[] { "a" });
        Assert.Multiple(() =>
        {
            Assert.That(ints.AsDoubles(), Is.EqualTo(new[] { 1.0, -2.0 }));
            Assert.That(ints.IsInteger && !ints.IsFloat && !ints.IsString, Is.True);
            Assert.Throws<InvalidOperationException>(() => DataArray.Of(new[] { 1.0 }).AsLongs());
            Assert.Throws<InvalidOperationException>(() => strings.AsDoubles());
            Assert.Throws<InvalidOperationException>(() => ints.AsStrings());
        });
    }

    [Test]
    public void Create_ChecksKindRangeAndShape()
    {
        var outOfRange = Assert.Throws<ArgumentException>(() => DataArray.Create(DataType.UInt8, new long[] { 1, 256 }, [2]));
        Assert.That(outOfRange!.Message, Does.Contain("256").And.Contain("index 1").And.Contain("uint8"));
        Assert.Throws<ArgumentException>(() => DataArray.Create(DataType.Float32, new long[] { 1 }, [1]));
        Assert.Throws<ArgumentException>(() => DataArray.Create(DataType.String, new string[] { null! }, [1]));
        var badShape = Assert.Throws<ArgumentException>(() => DataArray.Of(new[] { 1.0, 2.0, 3.0 }, 2, 2));
        Assert.That(badShape!.Message, Does.Contain("[2, 2]").And.Contain("4").And.Contain("3"));
    }
}
