namespace SemRestore.Models.FbiNet;

/// <summary>Configuration of FBI-Net (SPECS A2; ReNIn and FBI-Denoiser use L = 17, F = 64, mul = 1).</summary>
/// <param name="InChannels">Image channels (1).</param>
/// <param name="OutChannels">1 for a direct estimate, 2 for the affine (a, b) head.</param>
/// <param name="Filters">Feature channels F.</param>
/// <param name="Layers">Number of modules L (New1, New2 and L - 2 New3); at least 3.</param>
/// <param name="Multiplier">Width multiplier of the residual modules' hidden 1x1 conv ("mul").</param>
/// <param name="Blind">True: masked convolutions (blind spot); false: plain convolutions (--non-blind).</param>
/// <param name="Seed">Seed of the weight initialisation.</param>
public sealed record FbiNetOptions(int InChannels = 1, int OutChannels = 1, int Filters = 64, int Layers = 17,
    int Multiplier = 1, bool Blind = true, int Seed = 0)
{
    /// <summary>Receptive-field radius: 1 (New1) + 2 (New2) + 3 per New3 module.</summary>
    public int ReceptiveFieldRadius => 1 + 2 + 3 * (Layers - 2);

    /// <summary>Throws on non-positive sizes or fewer than 3 layers.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(InChannels, 1, nameof(InChannels));
        ArgumentOutOfRangeException.ThrowIfLessThan(OutChannels, 1, nameof(OutChannels));
        ArgumentOutOfRangeException.ThrowIfLessThan(Filters, 1, nameof(Filters));
        ArgumentOutOfRangeException.ThrowIfLessThan(Layers, 3, nameof(Layers));
        ArgumentOutOfRangeException.ThrowIfLessThan(Multiplier, 1, nameof(Multiplier));
    }
}
