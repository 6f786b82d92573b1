using SemRestore.Training.Data;

namespace SemRestore.Training.Schemes;

/// <summary>
/// How training pairs are formed: which frames are input and target, and what is done to a patch before and
/// after normalisation (synthetic noise, Noise2Void masking, input dropout). Schemes act on training patches
/// only; validation and inference never call them.
/// </summary>
public interface ITrainingScheme
{
    /// <summary>The spec as a config writes it, for example <c>relaxed-n2n:target=F08+input-dropout:p=0.6</c>.</summary>
    string Description { get; }

    /// <summary>Frame key read as input.</summary>
    string InputFrame { get; }

    /// <summary>Frame key read as target.</summary>
    string TargetFrame { get; }

    /// <summary>Whether the loss must be restricted to <see cref="TrainingSample.Mask"/>.</summary>
    bool IsMasked { get; }

    /// <summary>Throws when <paramref name="scene"/> cannot feed this scheme (missing frame, dependent noise).</summary>
    /// <exception cref="Imaging.InvalidInputException">The scene lacks a frame or pairs frames of one acquisition.</exception>
    void Validate(SceneSource scene);

    /// <summary>Runs on the raw crops, before normalisation (synthetic noise is added here, in physical units).</summary>
    void PrepareRaw(TrainingSample sample, SeededRandom random);

    /// <summary>Runs after normalisation (masking and dropout act on the values the network sees).</summary>
    void PrepareNormalized(TrainingSample sample, SeededRandom random);
}
