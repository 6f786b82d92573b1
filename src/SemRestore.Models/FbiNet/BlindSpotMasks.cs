namespace SemRestore.Models.FbiNet;

/// <summary>The fixed tap masks of FBI-Net's masked convolutions (row-major, true = tap kept) [FBI: core/layers.py].</summary>
public static class BlindSpotMasks
{
    /// <summary>New1, 3x3: every tap except the centre.</summary>
    public static bool[] New1 =>
    [
        true, true, true,
        true, false, true,
        true, true, true,
    ];

    /// <summary>New2, 5x5: the centre and the 8 knight-move taps (+-1, +-2) / (+-2, +-1).</summary>
    public static bool[] New2 =>
    [
        false, true, false, true, false,
        true, false, false, false, true,
        false, false, true, false, false,
        true, false, false, false, true,
        false, true, false, true, false,
    ];

    /// <summary>New3, 3x3 at dilation 3: the centre and the four diagonal taps (offsets (+-3, +-3)).</summary>
    public static bool[] New3 =>
    [
        true, false, true,
        false, true, false,
        true, false, true,
    ];
}
