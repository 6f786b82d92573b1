using System.Text;

namespace SemRestore.Imaging.Io;

/// <summary>Reads the text header of Netpbm-style files (PGM, PFM) one byte at a time, so binary data after it is untouched.</summary>
internal sealed class NetpbmHeaderReader(Stream stream, string? path)
{
    /// <summary>Header tokens longer than this are corruption, not numbers.</summary>
    private const int MaxTokenLength = 32;

    public string ReadMagic()
    {
        var first = stream.ReadByte();
        var second = stream.ReadByte();
        if (first < 0 || second < 0)
        {
            throw new ImageFormatException(path, "the file is too short for a header");
        }

        return new string([(char)first, (char)second]);
    }

    /// <summary>Reads a non-negative decimal integer after whitespace and comments.</summary>
    public int ReadInteger(string what)
    {
        var token = ReadToken(what);
        if (!int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            throw new ImageFormatException(path, $"{what} '{token}' is not a non-negative integer");
        }

        return value;
    }

    /// <summary>Reads a token after whitespace and comments; the single whitespace byte that ends it is consumed, so binary data starts right after.</summary>
    public string ReadToken(string what)
    {
        var builder = new StringBuilder();
        int c;
        while (true)
        {
            c = stream.ReadByte();
            if (c == '#')
            {
                while (c is not ('\n' or '\r' or -1))
                {
                    c = stream.ReadByte();
                }
            }

            if (c < 0)
            {
                throw new ImageFormatException(path, $"the file ends before the {what}");
            }

            if (!IsWhitespace(c))
            {
                break;
            }
        }

        while (c >= 0 && !IsWhitespace(c))
        {
            if (builder.Length >= MaxTokenLength)
            {
                throw new ImageFormatException(path, $"the {what} is not a number (token longer than {MaxTokenLength} characters)");
            }

            builder.Append((char)c);
            c = stream.ReadByte();
        }

        return builder.ToString();
    }

    private static bool IsWhitespace(int c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';
}
