using System.Numerics;

namespace SemRestore.Imaging.Registration;

/// <summary>
/// Complex FFT of any length in double precision: iterative radix-2 for powers of two, Bluestein's chirp-z
/// (through a power-of-two radix-2 transform) otherwise. Forward uses e^(-2 pi i k n / N), inverse e^(+...) scaled by 1/N.
/// Written here rather than taken from a package so that Imaging keeps no dependencies and results are bit-reproducible.
/// </summary>
internal sealed class Fft
{
    private static readonly Dictionary<int, Fft> s_cache = new();

    private readonly int _length;
    private readonly int _radix2Length;
    private readonly int[] _bitReverse;
    private readonly Complex[] _twiddles;
    private readonly Complex[]? _chirp;
    private readonly Complex[]? _chirpSpectrum;

    private Fft(int length)
    {
        _length = length;
        _radix2Length = BitOperations.IsPow2(length) ? length : (int)BitOperations.RoundUpToPowerOf2((uint)(2 * length - 1));
        var m = _radix2Length;
        var bits = BitOperations.Log2((uint)m);
        _bitReverse = new int[m];
        for (var i = 0; i < m; i++)
        {
            _bitReverse[i] = bits == 0 ? 0 : (int)(ReverseBits((uint)i) >> (32 - bits));
        }

        _twiddles = new Complex[m / 2];
        for (var i = 0; i < m / 2; i++)
        {
            _twiddles[i] = Complex.FromPolarCoordinates(1.0, -2.0 * Math.PI * i / m);
        }

        if (m != length)
        {
            // Bluestein: x_k w_k convolved with conj(w) where w_k = e^(-i pi k^2 / N); k^2 taken mod 2N for accuracy.
            _chirp = new Complex[length];
            for (var k = 0; k < length; k++)
            {
                var k2 = (long)k * k % (2L * length);
                _chirp[k] = Complex.FromPolarCoordinates(1.0, -Math.PI * k2 / length);
            }

            _chirpSpectrum = new Complex[m];
            _chirpSpectrum[0] = Complex.Conjugate(_chirp[0]);
            for (var k = 1; k < length; k++)
            {
                _chirpSpectrum[k] = Complex.Conjugate(_chirp[k]);
                _chirpSpectrum[m - k] = Complex.Conjugate(_chirp[k]);
            }

            Radix2(_chirpSpectrum);
        }
    }

    /// <summary>A cached plan for <paramref name="length"/> (thread-safe).</summary>
    public static Fft ForLength(int length)
    {
        if (length <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"FFT length must be positive, got {length}.");
        }

        lock (s_cache)
        {
            if (!s_cache.TryGetValue(length, out var plan))
            {
                plan = new Fft(length);
                s_cache[length] = plan;
            }

            return plan;
        }
    }

    /// <summary>Length of the scratch buffer <see cref="Transform"/> needs.</summary>
    public int ScratchLength => _chirp is null ? 0 : _radix2Length;

    /// <summary>In-place transform of <paramref name="data"/> (length N). <paramref name="scratch"/> needs <see cref="ScratchLength"/> values.</summary>
    public void Transform(Span<Complex> data, Span<Complex> scratch, bool inverse)
    {
        if (inverse)
        {
            Conjugate(data);
        }

        if (_chirp is null)
        {
            Radix2(data);
        }
        else
        {
            var m = _radix2Length;
            var a = scratch.Slice(0, m);
            a.Clear();
            for (var k = 0; k < _length; k++)
            {
                a[k] = data[k] * _chirp[k];
            }

            Radix2(a);
            for (var k = 0; k < m; k++)
            {
                a[k] *= _chirpSpectrum![k];
            }

            // Inverse radix-2 by conjugation.
            Conjugate(a);
            Radix2(a);
            var scale = 1.0 / m;
            for (var k = 0; k < _length; k++)
            {
                data[k] = Complex.Conjugate(a[k]) * scale * _chirp[k];
            }
        }

        if (inverse)
        {
            var scale = 1.0 / _length;
            for (var k = 0; k < data.Length; k++)
            {
                data[k] = Complex.Conjugate(data[k]) * scale;
            }
        }
    }

    /// <summary>2-D transform of a row-major height x width array, rows then columns, parallel over lines.</summary>
    public static void Transform2D(Complex[] data, int width, int height, bool inverse)
    {
        var rows = ForLength(width);
        var columns = ForLength(height);
        Parallel.For(
            0,
            height,
            () => new Complex[rows.ScratchLength],
            (y, _, scratch) =>
            {
                rows.Transform(data.AsSpan(y * width, width), scratch, inverse);
                return scratch;
            },
            _ => { });
        Parallel.For(
            0,
            width,
            () => (new Complex[height], new Complex[columns.ScratchLength]),
            (x, _, buffers) =>
            {
                var (line, scratch) = buffers;
                for (var y = 0; y < height; y++)
                {
                    line[y] = data[y * width + x];
                }

                columns.Transform(line, scratch, inverse);
                for (var y = 0; y < height; y++)
                {
                    data[y * width + x] = line[y];
                }

                return buffers;
            },
            _ => { });
    }

    private void Radix2(Span<Complex> data)
    {
        var n = data.Length;
        for (var i = 0; i < n; i++)
        {
            var j = _bitReverse[i];
            if (j > i)
            {
                (data[i], data[j]) = (data[j], data[i]);
            }
        }

        for (var size = 2; size <= n; size <<= 1)
        {
            var half = size >> 1;
            var stride = n / size;
            for (var start = 0; start < n; start += size)
            {
                for (var k = 0; k < half; k++)
                {
                    var t = _twiddles[k * stride] * data[start + k + half];
                    var u = data[start + k];
                    data[start + k] = u + t;
                    data[start + k + half] = u - t;
                }
            }
        }
    }

    private static void Conjugate(Span<Complex> data)
    {
        for (var k = 0; k < data.Length; k++)
        {
            data[k] = Complex.Conjugate(data[k]);
        }
    }

    private static uint ReverseBits(uint value)
    {
        value = ((value >> 1) & 0x55555555u) | ((value & 0x55555555u) << 1);
        value = ((value >> 2) & 0x33333333u) | ((value & 0x33333333u) << 2);
        value = ((value >> 4) & 0x0F0F0F0Fu) | ((value & 0x0F0F0F0Fu) << 4);
        value = ((value >> 8) & 0x00FF00FFu) | ((value & 0x00FF00FFu) << 8);
        return (value >> 16) | (value << 16);
    }
}
