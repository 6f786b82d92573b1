namespace SemRestore.Tensors.Kernels;

/// <summary>Which instruction set the CPU kernels use. Tests force lower levels to compare paths.</summary>
internal enum SimdLevel
{
    /// <summary>Plain scalar loops (the path with hardware intrinsics off).</summary>
    Scalar = 0,

    /// <summary>AVX2 + FMA, 256-bit vectors.</summary>
    Vector256 = 1,

    /// <summary>AVX-512F, 512-bit vectors.</summary>
    Vector512 = 2,
}
