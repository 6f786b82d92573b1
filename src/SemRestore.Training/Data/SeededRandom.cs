using System.Runtime.CompilerServices;

namespace SemRestore.Training.Data;

/// <summary>
/// xoshiro256** generator whose whole state is four 64-bit words, so a checkpoint can store it and a resumed
/// run draws exactly the numbers the uninterrupted run would have drawn (System.Random cannot be serialised).
/// </summary>
/// <remarks>
/// Streams for independent purposes (sample i of step s) are derived with <see cref="ForStream"/>, which
/// mixes the seed and the indices through SplitMix64: the data a step sees depends on (seed, step, index) only,
/// never on the thread that built it or on how many steps ran before a restart.
/// </remarks>
public sealed class SeededRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Seeds the four state words from <paramref name="seed"/> through SplitMix64.</summary>
    public SeededRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A generator for one purpose of one run: <c>(seed, a, b, c)</c> always give the same stream.</summary>
    public static SeededRandom ForStream(ulong seed, ulong a, ulong b = 0, ulong c = 0)
    {
        var x = seed;
        var h = SplitMix(ref x) ^ (a * 0x9E3779B97F4A7C15UL);
        h = SplitMix(ref h) ^ (b * 0xC2B2AE3D27D4EB4FUL);
        h = SplitMix(ref h) ^ (c * 0x165667B19E3779F9UL);
        return new SeededRandom(SplitMix(ref h));
    }

    /// <summary>The state as four words (for checkpoints).</summary>
    public ulong[] GetState() => [_s0, _s1, _s2, _s3];

    /// <summary>Restores a state from <see cref="GetState"/>.</summary>
    /// <exception cref="ArgumentException">Not four words, or all zero (an invalid xoshiro state).</exception>
    public void SetState(IReadOnlyList<ulong> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Count != 4 || (state[0] | state[1] | state[2] | state[3]) == 0)
        {
            throw new ArgumentException("A SeededRandom state is four 64-bit words, not all zero.", nameof(state));
        }

        (_s0, _s1, _s2, _s3) = (state[0], state[1], state[2], state[3]);
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, 1) with 24 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>) without modulo bias (Lemire's method).</summary>
    /// <exception cref="ArgumentOutOfRangeException">maxExclusive is not positive.</exception>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var range = (ulong)maxExclusive;
        while (true)
        {
            var product = Math.BigMul(NextUInt64(), range, out var low);
            if (low >= range || low >= (0UL - range) % range)
            {
                return (int)product;
            }
        }
    }

    /// <summary>Uniform integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int minInclusive, int maxExclusive) => minInclusive + NextInt(maxExclusive - minInclusive);

    /// <summary>A standard normal variate (Box-Muller, one of the pair).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A 32-bit seed for APIs that take an int seed (System.Random, noise models).</summary>
    public int NextSeed() => (int)(NextUInt64() >> 33);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
