using System.Globalization;
using SemRestore.Imaging.Specs;
using SemRestore.Models.DnCnn;
using SemRestore.Models.FbiNet;
using SemRestore.Models.UNet;

namespace SemRestore.Models;

/// <summary>
/// Every network by name, as an explicit list (the architectures live in their own folders). A spec is
/// <c>name:key=value,...</c>; unknown names list the known ones, unknown keys are rejected. Each entry declares
/// what tiled inference needs: the input size multiple and the halo (receptive-field radius).
/// </summary>
public static class ModelRegistry
{
    /// <summary>
    /// Halo of the Noise2Noise U-Net: the reach of a one-pixel change measured by impulse response
    /// (<see cref="UNetMeasuredReach"/> px, equal to the analytic receptive-field radius of its convolutions and five
    /// pooling levels: 95 down, 63 up), rounded up to the 32-px grid the tiler keeps tiles on.
    /// </summary>
    public const int UNetHalo = 160;

    /// <summary>Measured impulse reach of the U-Net (tests/SemRestore.Models.Tests/ModelRegistryTests.cs).</summary>
    public const int UNetMeasuredReach = 158;

    private static readonly ModelDescriptor[] s_models =
    [
        new("fbinet", "FBI-Net (Byun et al. 2021): blind-spot network of ReNIn; options layers=17, filters=64, mul=1, blind=true; halo 1+2+3(L-2)",
            (spec, seed) =>
            {
                var options = new FbiNetOptions(
                    Filters: spec.GetInt("filters", 64, 1, 512),
                    Layers: spec.GetInt("layers", 17, 3, 64),
                    Multiplier: spec.GetInt("mul", 1, 1, 8),
                    Blind: spec.GetBool("blind", true),
                    Seed: seed);
                spec.EnsureOnly();
                var canonical = string.Create(CultureInfo.InvariantCulture,
                    $"fbinet:layers={options.Layers},filters={options.Filters},mul={options.Multiplier},blind={(options.Blind ? "true" : "false")}");
                return new BuiltModel(new FbiNet.FbiNet(options), canonical, 1, options.ReceptiveFieldRadius);
            }),
        new("unet", "Noise2Noise U-Net (Lehtinen et al. 2018, official topology): sides must be multiples of 32",
            (spec, seed) =>
            {
                spec.EnsureOnly();
                return new BuiltModel(new UNet.UNet(new UNetOptions(Seed: seed)), "unet", UNetOptions.SizeMultiple, UNetHalo);
            }),
        new("dncnn", "DnCNN (Zhang et al. 2017): options layers=17, channels=64, bn=true, residual=true; halo = layers",
            (spec, seed) =>
            {
                var options = DnCnnOptions.FromSpec(spec);
                return new BuiltModel(new DnCnnNetwork(options, new Random(seed)), options.ToSpec(), 1, options.Halo);
            }),
    ];

    /// <summary>The registered networks.</summary>
    public static IReadOnlyList<ModelDescriptor> Models => s_models;

    /// <summary>Registered names, sorted.</summary>
    public static IReadOnlyList<string> Names => s_models.Select(m => m.Name).Order(StringComparer.Ordinal).ToList();

    /// <summary>Builds the network a spec describes, initialised from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name (lists the known ones) or invalid options.</exception>
    public static BuiltModel Create(string spec, int seed)
    {
        var named = NamedSpec.Parse(spec);
        var descriptor = s_models.FirstOrDefault(m => string.Equals(m.Name, named.Name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown model '{named.Name}'; known: {string.Join(", ", Names)}.", nameof(spec));
        return descriptor.Build(named, seed);
    }
}
