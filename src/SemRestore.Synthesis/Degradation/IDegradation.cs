using SemRestore.Imaging;

namespace SemRestore.Synthesis.Degradation;

/// <summary>
/// One step of a degradation pipeline (SEMNet-style blind training data): blur, down-then-up scaling or noise, with
/// its random parameters drawn from the seed on every application.
/// </summary>
public interface IDegradation
{
    /// <summary>The step as written, for example <c>blur:sigma=0.5..2</c>.</summary>
    string Spec { get; }

    /// <summary>A degraded copy of <paramref name="image"/> (same size), deterministic from <paramref name="seed"/>.</summary>
    GrayImage Apply(GrayImage image, ulong seed, CancellationToken cancellationToken = default);
}
