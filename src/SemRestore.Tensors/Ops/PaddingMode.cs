namespace SemRestore.Tensors;

/// <summary>How values beyond the border are filled (PyTorch's padding_mode / F.pad mode).</summary>
public enum PaddingMode
{
    /// <summary>A constant (0 for convolutions).</summary>
    Zeros,

    /// <summary>Mirror without repeating the edge: ... 2 1 | 0 1 2 ... (needs pad &lt; size).</summary>
    Reflect,

    /// <summary>Repeat the edge value: 0 0 | 0 1 2 ...</summary>
    Replicate,
}
