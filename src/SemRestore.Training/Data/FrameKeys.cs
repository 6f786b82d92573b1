using System.Text.RegularExpressions;

namespace SemRestore.Training.Data;

/// <summary>
/// Names of the frames of a scene, as the synthesis manifest and the configs write them: <c>clean</c> (ground
/// truth), <c>F01</c> (one scan of acquisition 1), and <c>F01b</c>, <c>F02</c>, ..., <c>F64</c> (one scan and
/// n-frame averages of an independent acquisition 2).
/// </summary>
public static partial class FrameKeys
{
    public const string Clean = "clean";
    public const string F01 = "F01";
    public const string F01b = "F01b";
    public const string F08 = "F08";
    public const string F64 = "F64";

    /// <summary>
    /// The acquisition a frame comes from by the naming convention: 0 for the noise-free <c>clean</c>, 1 for
    /// <c>F01</c>, 2 for every other frame (F01b and all averages come from the second acquisition). Two frames
    /// have independent noise exactly when their acquisitions differ or one of them is clean.
    /// </summary>
    public static int DefaultAcquisition(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (string.Equals(key, Clean, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        return string.Equals(key, F01, StringComparison.Ordinal) ? 1 : 2;
    }

    /// <summary>The number of averaged scans in <c>Fnn</c> (1 for F01 and F01b); 0 for clean or an unknown name.</summary>
    public static int FrameCount(string key)
    {
        if (key.Length >= 2 && key[0] == 'F' && int.TryParse(key.AsSpan(1, key.Length - (key.EndsWith('b') ? 2 : 1)), out var n))
        {
            return n;
        }

        return 0;
    }

    /// <summary>Whether <paramref name="key"/> names a frame: <c>clean</c>, <c>Fnn</c> or <c>Fnnb</c>.</summary>
    public static bool IsFrameKey(string key) => FrameKeyPattern().IsMatch(key);

    [GeneratedRegex("^(clean|F\\d{2}b?)$")]
    private static partial Regex FrameKeyPattern();
}
