using SemRestore.Imaging;
using SemRestore.Training.Data;

namespace SemRestore.Training.Schemes;

/// <summary>A scheme whose network input is not a stored frame (synthetic noise): it makes the validation input itself, reproducibly.</summary>
public interface IValidationInputSource
{
    /// <summary>The noisy validation input of scene <paramref name="sceneIndex"/> (the same for a given seed).</summary>
    GrayImage ValidationInput(FrameDataset dataset, int sceneIndex, ulong seed);
}
