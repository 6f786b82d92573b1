using SemRestore.Tensors;

namespace SemRestore.Training.Losses;

/// <summary>Shape checks shared by the losses.</summary>
internal static class LossGuard
{
    public static void RequireSameShape(string loss, Tensor prediction, Tensor target, Tensor? mask)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        if (!prediction.SameShape(target))
        {
            throw new ArgumentException($"{loss}: prediction {prediction.ShapeString} and target {target.ShapeString} differ in shape.", nameof(target));
        }

        if (mask is not null && !mask.SameShape(prediction))
        {
            throw new ArgumentException($"{loss}: mask {mask.ShapeString} does not match prediction {prediction.ShapeString}.", nameof(mask));
        }
    }

    public static void RejectMask(string loss, Tensor? mask)
    {
        if (mask is not null)
        {
            throw new ArgumentException(
                $"{loss} compares windows and cannot be restricted to masked pixels; use mse, l1 or charbonnier with a masked scheme (n2v).", nameof(mask));
        }
    }
}
