namespace SemRestore.Tensors.Safetensors;

/// <summary>The tensors of a safetensors file by name (in file order) and its <c>__metadata__</c> string map.</summary>
public sealed record SafetensorsContent(IReadOnlyDictionary<string, Tensor> Tensors, IReadOnlyDictionary<string, string> Metadata);
