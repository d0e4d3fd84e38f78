using Rom.Neural.Training;

namespace Rom.Tests.Neural.Training;

/// <summary>The learning-rate schedules against their closed forms.</summary>
public class ScheduleTests
{
    [Test]
    public void CosineAnnealing()
    {
        var schedule = new CosineAnnealing(1e-2, period: 10, minimum: 1e-4);
        Assert.That(schedule.LearningRate(0), Is.EqualTo(1e-2).Within(1e-18));
        Assert.That(schedule.LearningRate(5), Is.EqualTo((1e-2 + 1e-4) / 2).Within(1e-18));
        Assert.That(schedule.LearningRate(10), Is.EqualTo(1e-4).Within(1e-18));
        for (int e = 0; e <= 10; e++)
            Assert.That(schedule.LearningRate(e), Is.EqualTo(1e-4 + (1e-2 - 1e-4) * (1 + Math.Cos(Math.PI * e / 10)) / 2).Within(1e-18));
    }

    [Test]
    public void StepDecay()
    {
        var schedule = new StepDecay(5e-3, stepSize: 60, gamma: 0.5);
        Assert.That(schedule.LearningRate(0), Is.EqualTo(5e-3));
        Assert.That(schedule.LearningRate(59), Is.EqualTo(5e-3));
        Assert.That(schedule.LearningRate(60), Is.EqualTo(2.5e-3));
        Assert.That(schedule.LearningRate(179), Is.EqualTo(1.25e-3));
        Assert.That(schedule.LearningRate(180), Is.EqualTo(6.25e-4));
    }

    [Test]
    public void ConstantAndOptionsChooseTheSchedule()
    {
        Assert.That(new ConstantLearningRate(3e-4).LearningRate(1000), Is.EqualTo(3e-4));
        var options = new TrainingOptions { LearningRate = 1e-3, Epochs = 20, Schedule = ScheduleKind.Cosine };
        Assert.That(options.CreateSchedule().LearningRate(20), Is.EqualTo(0).Within(1e-18));
        Assert.That(options.CreateSchedule(), Is.TypeOf<CosineAnnealing>());
        Assert.That((options with { Schedule = ScheduleKind.Step }).CreateSchedule(), Is.TypeOf<StepDecay>());
        Assert.That((options with { Schedule = ScheduleKind.Constant }).CreateSchedule(), Is.TypeOf<ConstantLearningRate>());
    }
}
