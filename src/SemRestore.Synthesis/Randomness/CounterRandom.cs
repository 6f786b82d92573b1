using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace SemRestore.Synthesis.Randomness;

/// <summary>
/// A counter-based random stream: draw <c>i</c> of the stream keyed by <c>k</c> is
/// <c>SplitMix64Finalise(k + (i + 1) * 0x9E3779B97F4A7C15)</c> (Steele, Lea and Flood 2014).
/// Streams are keyed by (seed, purpose, index, row) through <see cref="Key(ulong, ulong, ulong, ulong)"/>,
/// so a row of noise depends only on its key, never on which thread made it or in which order:
/// every generator in SemRestore.Synthesis is reproducible from its seed and independent of the thread count.
/// </summary>
/// <remarks>A mutable struct: pass it by <c>ref</c>; copying it forks the stream.</remarks>
public struct CounterRandom
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private const double DoubleUnit = 1.0 / (1UL << 53);
    private const float SingleUnit = 1f / (1 << 24);
    private ulong _state;
    private double _spareGaussian;
    private bool _hasSpare;

    /// <summary>Starts the stream keyed by <paramref name="key"/> (use <see cref="Key(ulong, ulong, ulong, ulong)"/> to build one).</summary>
    public CounterRandom(ulong key)
    {
        _state = key;
        _spareGaussian = 0;
        _hasSpare = false;
    }

    /// <summary>Starts the stream keyed by (seed, a, b, c).</summary>
    public CounterRandom(ulong seed, ulong a, ulong b = 0, ulong c = 0)
        : this(Key(seed, a, b, c))
    {
    }

    /// <summary>The SplitMix64 finaliser: a bijective 64-bit mix with full avalanche.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A stream key from a seed and up to three indices (purpose, frame, row ...); distinct tuples give unrelated streams.</summary>
    public static ulong Key(ulong seed, ulong a, ulong b = 0, ulong c = 0)
    {
        var key = Mix(seed + Gamma);
        key = Mix(key ^ (a + 0x632BE59BD9B4E019UL));
        key = Mix(key ^ (b + 0x8CB92BA72F3D8DD7UL));
        return Mix(key ^ (c + 0xD1B54A32D192ED03UL));
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * DoubleUnit;

    /// <summary>Uniform in (0, 1): never exactly 0, safe for logarithms.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDoubleOpen() => ((NextUInt64() >> 11) + 0.5) * DoubleUnit;

    /// <summary>Uniform in [min, max).</summary>
    public double NextUniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is not positive.</exception>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)((NextUInt64() >> 32) * (ulong)maxExclusive >> 32);
    }

    /// <summary>Uniform integer in [min, max] (both inclusive).</summary>
    public int NextInt(int min, int max) => min + NextInt(max - min + 1);

    /// <summary>A standard normal deviate (Box-Muller in double precision; the second value of each pair is kept for the next call).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareGaussian;
        }

        var radius = Math.Sqrt(-2.0 * Math.Log(NextDoubleOpen()));
        var (sin, cos) = Math.SinCos(2.0 * Math.PI * NextDouble());
        _spareGaussian = radius * sin;
        _hasSpare = true;
        return radius * cos;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with standard normal deviates, vectorised Box-Muller in float:
    /// pairs (r cos t, r sin t) with r = sqrt(-2 ln u1), t = 2 pi u2, u1 in (0, 1] with 24 bits (so |z| &lt;= 5.77).
    /// </summary>
    /// <param name="scratch">At least <c>3 * ceil(n / 2)</c> floats for n = destination length.</param>
    /// <exception cref="ArgumentException"><paramref name="scratch"/> is too short.</exception>
    public void FillGaussian(Span<float> destination, Span<float> scratch)
    {
        var pairs = (destination.Length + 1) / 2;
        if (scratch.Length < 3 * pairs)
        {
            throw new ArgumentException($"Scratch needs {3 * pairs} floats for {destination.Length} deviates, got {scratch.Length}.", nameof(scratch));
        }

        var radius = scratch[..pairs];
        var sine = scratch.Slice(pairs, pairs);
        var cosine = scratch.Slice(2 * pairs, pairs);
        for (var i = 0; i < pairs; i++)
        {
            var bits = NextUInt64();
            radius[i] = ((uint)(bits >> 40) + 1) * SingleUnit; // (0, 1]
            sine[i] = (uint)(bits & 0xFFFFFF) * (2f * SingleUnit); // [0, 2): half turns for SinCosPi
        }

        TensorPrimitives.Log(radius, radius);
        TensorPrimitives.Multiply(radius, -2f, radius);
        TensorPrimitives.Sqrt(radius, radius);
        TensorPrimitives.SinCosPi(sine, sine, cosine);
        var second = destination.Length - pairs;
        TensorPrimitives.Multiply(radius, cosine, destination[..pairs]);
        TensorPrimitives.Multiply(radius[..second], sine[..second], destination[pairs..]);
    }
}
