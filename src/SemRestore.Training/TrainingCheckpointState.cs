namespace SemRestore.Training;

/// <summary>The JSON part of a checkpoint (the tensors are in model.safetensors and optimizer.safetensors).</summary>
public sealed record TrainingCheckpointState
{
    /// <summary>Optimiser steps completed.</summary>
    public long Step { get; init; }

    /// <summary>Sampling seed; with <see cref="Step"/> it fixes every later random draw (the sampler's streams are keyed by (seed, sample)).</summary>
    public ulong Seed { get; init; }

    /// <summary>Global index of the next training sample (step * batch size).</summary>
    public long NextSample { get; init; }

    public int Iterations { get; init; }

    public int BatchSize { get; init; }

    public string Model { get; init; } = "";

    public string Optimizer { get; init; } = "";

    public string Schedule { get; init; } = "";

    public double? BestPsnr { get; init; }

    public double? BestSsim { get; init; }

    public long? BestStep { get; init; }

    public double? LastPsnr { get; init; }

    public double? LastSsim { get; init; }

    public double LastLoss { get; init; }

    /// <summary>Training time so far, in seconds (resumed runs add to it).</summary>
    public double ElapsedSeconds { get; init; }
}
