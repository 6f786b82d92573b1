using SemRestore.Training.Data;

namespace SemRestore.Training.Tests.Data;

[Trait("Category", "Unit")]
public sealed class SeededRandomTests
{
    [Fact]
    public void RestoredState_ContinuesTheSameSequence()
    {
        var random = new SeededRandom(42);
        for (var i = 0; i < 10; i++)
        {
            random.NextUInt64();
        }

        var state = random.GetState();
        var expected = Enumerable.Range(0, 5).Select(_ => random.NextUInt64()).ToArray();
        var restored = new SeededRandom(0);
        restored.SetState(state);
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => restored.NextUInt64()).ToArray());
    }

    [Fact]
    public void ForStream_IsAFunctionOfItsArguments()
    {
        Assert.Equal(SeededRandom.ForStream(1, 2, 3).NextUInt64(), SeededRandom.ForStream(1, 2, 3).NextUInt64());
        Assert.NotEqual(SeededRandom.ForStream(1, 2, 3).NextUInt64(), SeededRandom.ForStream(1, 2, 4).NextUInt64());
        Assert.NotEqual(SeededRandom.ForStream(1, 2, 3).NextUInt64(), SeededRandom.ForStream(2, 2, 3).NextUInt64());
    }

    [Fact]
    public void NextInt_IsUniformOverItsRange()
    {
        var random = new SeededRandom(7);
        var counts = new int[7];
        for (var i = 0; i < 70000; i++)
        {
            counts[random.NextInt(7)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9500, 10500));
    }

    [Fact]
    public void SetState_AllZero_Throws() =>
        Assert.Throws<ArgumentException>(() => new SeededRandom(1).SetState([0UL, 0UL, 0UL, 0UL]));
}
