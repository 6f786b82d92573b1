namespace SemRestore.Tensors.Safetensors;

/// <summary>A safetensors file or buffer that cannot be read: the message names the file, the key and the problem.</summary>
public sealed class SafetensorsFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SafetensorsFormatException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
