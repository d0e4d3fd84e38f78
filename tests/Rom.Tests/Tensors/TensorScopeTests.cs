namespace Rom.Tests.Tensors;

/// <summary>Recycling of a scope's tensors: reuse, keeping, clearing, nesting, and unchanged results.</summary>
public class TensorScopeTests
{
    private static readonly int[] Shape = [3, 5, 1000];

    [Test]
    public void ATensorsStorageIsReusedByTheNextScope()
    {
        float[] first;
        using (TensorScope.Begin())
        {
            first = Tensor<float>.Zeros(Shape).Data;
            Array.Fill(first, float.NaN);
        }
        using (TensorScope.Begin())
        {
            float[] second = Tensor<float>.Zeros(Shape).Data;
            Assert.That(second, Is.SameAs(first), "the pooled array comes back");
            Assert.That(second.All(v => v == 0), "Zeros clears recycled storage");
        }
    }

    [Test]
    public void AKeptTensorSurvivesItsScope()
    {
        Tensor<float> kept;
        using (var scope = TensorScope.Begin())
        {
            kept = scope.Keep(Tensor<float>.Zeros(Shape));
            Array.Fill(kept.Data, 7f);
        }
        using (TensorScope.Begin())
            Assert.That(Tensor<float>.Zeros(Shape).Data, Is.Not.SameAs(kept.Data));
        Assert.That(kept.Data.All(v => v == 7f));
    }

    [Test]
    public void ScopesCloseInnermostFirst()
    {
        var outer = TensorScope.Begin();
        var inner = TensorScope.Begin();
        Assert.Throws<InvalidOperationException>(outer.Dispose);
        inner.Dispose();
        outer.Dispose();
    }

    [Test]
    public void ResultsAreTheSameInsideAScope()
    {
        var model = new Fno<float>(new FnoOptions { Modes = [6, 6], HiddenChannels = 8, Layers = 2 });
        var x = new Tensor<float>([2, 1, 16, 16], [.. Enumerable.Range(0, 512).Select(i => MathF.Sin(i))]);
        float[] plain = model.Forward(Tape<float>.Constant(x), null).Value.Data;
        for (int repeat = 0; repeat < 3; repeat++)
            using (var scope = TensorScope.Begin())
                Assert.That(scope.Keep(model.Forward(Tape<float>.Constant(x), null).Value).Data, Is.EqualTo(plain));
    }
}
