namespace Rom.Tests.Tensors;

[NonParallelizable]
public class TensorThreadsTests
{
    [Test]
    public void CapLimitsTheCountAndZeroMeansEveryCore()
    {
        int before = TensorThreads.MaxThreads;
        try
        {
            TensorThreads.MaxThreads = 1;
            Assert.That(TensorThreads.Count, Is.EqualTo(1));
            TensorThreads.MaxThreads = Environment.ProcessorCount + 5;
            Assert.That(TensorThreads.Count, Is.EqualTo(Environment.ProcessorCount));
            TensorThreads.MaxThreads = 0;
            Assert.That(TensorThreads.Count, Is.EqualTo(Environment.ProcessorCount));
            Assert.That(() => TensorThreads.MaxThreads = -1, Throws.TypeOf<ArgumentOutOfRangeException>());
        }
        finally
        {
            TensorThreads.MaxThreads = before;
        }
    }
}
