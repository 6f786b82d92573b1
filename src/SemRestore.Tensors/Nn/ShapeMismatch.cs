namespace SemRestore.Tensors.Nn;

/// <summary>A state-dict key whose tensor has a different shape in the module and in the file.</summary>
public sealed record ShapeMismatch(string Key, int[] Expected, int[] Actual);
