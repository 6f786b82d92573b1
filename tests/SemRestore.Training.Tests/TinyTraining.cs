using SemRestore.TestUtilities;
using SemRestore.Training.Configuration;
using SemRestore.Training.Data;

namespace SemRestore.Training.Tests;

/// <summary>Seconds-long training setups on raw-frame test scenes.</summary>
public static class TinyTraining
{
    /// <summary>A config for a tiny run (DnCNN 3 layers x 8 channels, 24-px patches) writing to <paramref name="output"/>.</summary>
    public static TrainingConfig Config(string output, string scheme = "relaxed-n2n", string model = "dncnn:layers=3,channels=8,bn=false",
        int iterations = 8, string loss = "mse") => new()
    {
        Name = "tiny",
        Seed = 3,
        Scheme = scheme,
        Model = model,
        Loss = loss,
        Optimizer = "adam:lr=3e-3",
        Schedule = "cosine",
        Iterations = iterations,
        BatchSize = 4,
        Output = output,
        CheckpointEvery = 0,
        LogEvery = 1,
        Data = new DataConfig { Folder = "unused", PatchSize = 24 },
        Validation = new ValidationConfig { Every = 4, MaxSize = 48 },
    };

    /// <summary>Writes three train scenes and one validation scene (48 px) and builds the dataset.</summary>
    public static FrameDataset Dataset(string directory, double sigma = 0.1, int size = 48) =>
        FrameDataset.Build(
            TestScenes.Write(directory, 4, size, sigma, splits: [DatasetSplit.Train, DatasetSplit.Train, DatasetSplit.Train, DatasetSplit.Validation]),
            TestScenes.Options());

    public static string NewDirectory() => TestPaths.NewTempDirectory();
}
