namespace SemRestore.Models.UNet;

/// <summary>Configuration of the Noise2Noise U-Net.</summary>
/// <param name="InChannels">Image channels in (1 for grayscale SEM).</param>
/// <param name="OutChannels">Channels out (usually equal to <paramref name="InChannels"/>).</param>
/// <param name="Seed">Seed of the weight initialisation.</param>
public sealed record UNetOptions(int InChannels = 1, int OutChannels = 1, int Seed = 0)
{
    /// <summary>Height and width must be multiples of this (five 2x2 max-pools).</summary>
    public const int SizeMultiple = 32;

    /// <summary>Throws when a channel count is not positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">InChannels or OutChannels &lt; 1.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(InChannels, 1, nameof(InChannels));
        ArgumentOutOfRangeException.ThrowIfLessThan(OutChannels, 1, nameof(OutChannels));
    }
}
