namespace SemRestore.Metrics.Circles;

/// <summary>A circle in pixel coordinates: centre (X, Y) with x to the right and y down, pixel centres at integers.</summary>
/// <param name="X">Centre column.</param>
/// <param name="Y">Centre row.</param>
/// <param name="Radius">Radius in pixels.</param>
/// <param name="Score">Detector confidence (edge support per circumference for detections, 1 for ground truth).</param>
public readonly record struct Circle(double X, double Y, double Radius, double Score = 1.0)
{
    /// <summary>The same circle moved by (-dx, -dy): its coordinates in a crop whose origin is (dx, dy).</summary>
    public Circle Offset(double dx, double dy) => this with { X = X - dx, Y = Y - dy };
}
