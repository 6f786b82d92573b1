namespace SemRestore.Training;

/// <summary>How a <see cref="Trainer.Run"/> call ended.</summary>
/// <param name="StepsDone">Optimiser steps completed in all (including those before a resume).</param>
/// <param name="Completed">All iterations ran.</param>
/// <param name="Cancelled">Stopped by the token; a checkpoint at <paramref name="StepsDone"/> was written.</param>
/// <param name="LastLoss">Training loss of the last step.</param>
/// <param name="BestValidationPsnr">Best validation PSNR (dB), if validated.</param>
/// <param name="OutputDirectory">The run folder.</param>
public sealed record TrainingResult(long StepsDone, bool Completed, bool Cancelled, double LastLoss, double? BestValidationPsnr, string OutputDirectory);
