namespace SemRestore.Imaging.Io.Codecs;

/// <summary>
/// TIFF LZW encoder, bit-compatible with libtiff: starts with Clear, 9 to 12-bit MSB-first codes, widens one
/// code early, emits Clear when the table reaches 4094 entries. The string table is an open-addressing hash of
/// (prefix code, next byte) pairs, cleared cheaply by generation stamps (a slot from an older table never matches the current stamp).
/// </summary>
internal sealed class LzwEncoder
{
    private const int ClearCode = 256;
    private const int EndCode = 257;
    private const int FirstFreeCode = 258;
    private const int MaxCode = 4095;
    private const int HashSize = 1 << 13;

    // One slot = stamp (high 32 bits) | key (20 bits: prefix code and next byte) | code (12 bits): one load per probe.
    private readonly ulong[] _slots = new ulong[HashSize];
    private uint _stamp;

    /// <summary>Encodes <paramref name="source"/>; the result is a complete LZW stream ending in EOI.</summary>
    public byte[] Encode(ReadOnlySpan<byte> source)
    {
        var output = new BitWriter(source.Length / 2 + 64);
        var codeLength = 9;
        var nextCode = FirstFreeCode;
        Reset();
        output.Write(ClearCode, codeLength);
        if (source.IsEmpty)
        {
            output.Write(EndCode, codeLength);
            return output.ToArray();
        }

        int prefix = source[0];
        var slots = _slots;
        for (var i = 1; i < source.Length; i++)
        {
            var next = source[i];
            var key = (uint)((prefix << 8) | next);
            var tag = ((ulong)_stamp << 32) | ((ulong)key << 12);
            var slot = (int)((key * 2654435761u) >> 19);
            var found = -1;
            while (true)
            {
                var entry = slots[slot];
                if ((entry & ~0xFFFul) == tag)
                {
                    found = (int)(entry & 0xFFF);
                    break;
                }

                if ((uint)(entry >> 32) != _stamp)
                {
                    break;
                }

                slot = (slot + 1) & (HashSize - 1);
            }

            if (found >= 0)
            {
                prefix = found;
                continue;
            }

            output.Write(prefix, codeLength);
            slots[slot] = tag | (uint)nextCode;
            nextCode++;
            if (nextCode == MaxCode - 1)
            {
                // Table full: emit Clear at the current width and start over.
                output.Write(ClearCode, codeLength);
                Reset();
                nextCode = FirstFreeCode;
                codeLength = 9;
            }
            else if (nextCode > (1 << codeLength) - 1)
            {
                codeLength++;
            }

            prefix = next;
        }

        output.Write(prefix, codeLength);
        nextCode++;
        if (nextCode == MaxCode - 1)
        {
            output.Write(ClearCode, codeLength);
            codeLength = 9;
        }
        else if (nextCode > (1 << codeLength) - 1)
        {
            codeLength++;
        }

        output.Write(EndCode, codeLength);
        return output.ToArray();
    }

    private void Reset()
    {
        _stamp++;
        if (_stamp == uint.MaxValue)
        {
            Array.Clear(_slots);
            _stamp = 1;
        }
    }

    /// <summary>MSB-first bit packer into a growable byte buffer.</summary>
    private struct BitWriter(int capacity)
    {
        private byte[] _buffer = new byte[Math.Max(capacity, 16)];
        private int _length;
        private ulong _bits;
        private int _bitCount;

        public void Write(int code, int width)
        {
            _bits = (_bits << width) | (uint)code;
            _bitCount += width;
            while (_bitCount >= 8)
            {
                _bitCount -= 8;
                if (_length == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                _buffer[_length++] = (byte)(_bits >> _bitCount);
            }
        }

        public byte[] ToArray()
        {
            if (_bitCount > 0)
            {
                Write(0, 8 - _bitCount);
            }

            return _buffer.AsSpan(0, _length).ToArray();
        }
    }
}
