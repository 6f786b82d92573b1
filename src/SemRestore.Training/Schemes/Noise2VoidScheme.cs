using System.Globalization;
using SemRestore.Imaging;
using SemRestore.Imaging.Specs;
using SemRestore.Training.Data;

namespace SemRestore.Training.Schemes;

/// <summary>
/// Noise2Void (Krull et al. 2019): the target is the noisy patch itself; a stratified set of pixels (one per
/// box of side round(sqrt(100 / perc)), default perc 1.5 % so 8 px) is replaced in the input and the loss is
/// taken on those pixels only. Replacement <c>uniform</c> (N2V's default uniform_withCP) copies a uniformly
/// random pixel of the (2r+1)^2 window around it, centre included; variant <c>n2v2</c> (Hoeck et al. 2022)
/// uses the median of the window without its centre. Windows are clipped at the patch border.
/// </summary>
/// <remarks>Spec: <c>n2v</c>, <c>n2v:frame=F01,perc=1.5,radius=5,variant=n2v2</c>.</remarks>
[TrainingScheme("n2v")]
public sealed class Noise2VoidScheme : ITrainingScheme
{
    /// <exception cref="ArgumentException">perc outside (0, 50], radius outside [1, 15], or an unknown key.</exception>
    public Noise2VoidScheme(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        InputFrame = spec.GetString("frame", FrameKeys.F01);
        Percentage = spec.GetDouble("perc", 1.5, 0.01, 50);
        Radius = spec.GetInt("radius", 5, 1, 15);
        IsN2V2 = spec.GetChoice("variant", "n2v", "n2v", "n2v2") == "n2v2";
        spec.EnsureOnly();
        BoxSize = Math.Max(1, (int)Math.Round(Math.Sqrt(100.0 / Percentage)));
    }

    /// <summary>Percentage of pixels masked.</summary>
    public double Percentage { get; }

    /// <summary>Side of the stratification box (one masked pixel per box).</summary>
    public int BoxSize { get; }

    /// <summary>Neighbourhood radius r of the (2r+1)^2 replacement window.</summary>
    public int Radius { get; }

    /// <summary>Median replacement without the centre (N2V2) instead of a uniform neighbour.</summary>
    public bool IsN2V2 { get; }

    public string Description =>
        string.Create(CultureInfo.InvariantCulture, $"n2v:frame={InputFrame},perc={Percentage},radius={Radius},variant={(IsN2V2 ? "n2v2" : "n2v")}");

    public string InputFrame { get; }

    public string TargetFrame => InputFrame;

    public bool IsMasked => true;

    public void Validate(SceneSource scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        if (!scene.Frames.ContainsKey(InputFrame))
        {
            throw new InvalidInputException(
                $"Scheme '{Description}' needs frame {InputFrame}, but scene '{scene.Name}' has only {string.Join(", ", scene.Frames.Keys)}.");
        }
    }

    public void PrepareRaw(TrainingSample sample, SeededRandom random)
    {
    }

    /// <summary>Target = the normalised input; input pixels at the selected positions are replaced; mask = 1 there only.</summary>
    public void PrepareNormalized(TrainingSample sample, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        var size = sample.Size;
        var original = sample.Target;
        sample.Input.CopyTo(original, 0);
        Array.Clear(sample.Mask);
        var window = IsN2V2 ? new float[(2 * Radius + 1) * (2 * Radius + 1)] : [];
        for (var by = 0; by < size; by += BoxSize)
        {
            for (var bx = 0; bx < size; bx += BoxSize)
            {
                var x = bx + random.NextInt(BoxSize);
                var y = by + random.NextInt(BoxSize);
                if (x >= size || y >= size)
                {
                    // Points of boxes that overhang the patch are dropped, as in N2V's stratified sampler.
                    continue;
                }

                sample.Input[y * size + x] = IsN2V2
                    ? MedianWithoutCentre(original, size, x, y, window)
                    : UniformNeighbour(original, size, x, y, random);
                sample.Mask[y * size + x] = 1f;
            }
        }
    }

    private float UniformNeighbour(float[] original, int size, int x, int y, SeededRandom random)
    {
        var nx = Math.Clamp(x + random.NextInt(-Radius, Radius + 1), 0, size - 1);
        var ny = Math.Clamp(y + random.NextInt(-Radius, Radius + 1), 0, size - 1);
        return original[ny * size + nx];
    }

    private float MedianWithoutCentre(float[] original, int size, int x, int y, float[] window)
    {
        var count = 0;
        for (var dy = -Radius; dy <= Radius; dy++)
        {
            var yy = y + dy;
            if (yy < 0 || yy >= size)
            {
                continue;
            }

            for (var dx = -Radius; dx <= Radius; dx++)
            {
                var xx = x + dx;
                if ((dx == 0 && dy == 0) || xx < 0 || xx >= size)
                {
                    continue;
                }

                window[count++] = original[yy * size + xx];
            }
        }

        var values = window.AsSpan(0, count);
        values.Sort();
        return (count & 1) == 1 ? values[count / 2] : 0.5f * (values[count / 2 - 1] + values[count / 2]);
    }
}
