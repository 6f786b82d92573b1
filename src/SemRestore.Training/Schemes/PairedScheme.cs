using SemRestore.Imaging;
using SemRestore.Training.Data;

namespace SemRestore.Training.Schemes;

/// <summary>Base of the schemes that read an input frame and a target frame of one scene and change nothing else.</summary>
public abstract class PairedScheme(string inputFrame, string targetFrame, bool requireIndependentNoise) : ITrainingScheme
{
    public abstract string Description { get; }

    public string InputFrame { get; } = inputFrame;

    public string TargetFrame { get; } = targetFrame;

    public virtual bool IsMasked => false;

    /// <summary>Whether input and target must come from different acquisitions (Noise2Noise's requirement).</summary>
    public bool RequiresIndependentNoise { get; } = requireIndependentNoise;

    public virtual void Validate(SceneSource scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        foreach (var key in new[] { InputFrame, TargetFrame })
        {
            if (!scene.Frames.ContainsKey(key))
            {
                throw new InvalidInputException(
                    $"Scheme '{Description}' needs frame {key}, but scene '{scene.Name}' has only {string.Join(", ", scene.Frames.Keys)}.");
            }
        }

        if (RequiresIndependentNoise && !scene.AreIndependent(InputFrame, TargetFrame))
        {
            throw new InvalidInputException(
                $"Scheme '{Description}': input {InputFrame} and target {TargetFrame} of scene '{scene.Name}' come from the same " +
                $"acquisition ({scene.AcquisitionOf(InputFrame)}), so their noise is not independent; pick a target from another acquisition.");
        }
    }

    public virtual void PrepareRaw(TrainingSample sample, SeededRandom random)
    {
    }

    public virtual void PrepareNormalized(TrainingSample sample, SeededRandom random)
    {
    }
}
