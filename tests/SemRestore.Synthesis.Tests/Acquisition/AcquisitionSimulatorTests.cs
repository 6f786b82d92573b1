using SemRestore.Imaging;
using SemRestore.Imaging.Registration;
using SemRestore.Synthesis.Acquisition;
using SemRestore.Synthesis.Scenes;

namespace SemRestore.Synthesis.Tests.Acquisition;

[Trait("Category", "Unit")]
public sealed class AcquisitionSimulatorTests
{
    [Fact]
    public void DefaultDose_GivesRealPairPsnrForHoles()
    {
        // The real pairs in ../shared/data/sem-real measure 21.4-22.9 dB (8-bit); the defaults aim at ~21.5.
        var simulator = new AcquisitionSimulator(AcquisitionOptions.Default with { MaxOffset = 0 });
        var scene = SceneGeneratorRegistry.Create("holes").Render(512, 384, simulator.RequiredMargin(1), 17);
        var f01 = simulator.Acquire(scene, [1], 17).Single(f => f.Name == "F01");
        Assert.InRange(Statistics.Psnr8(f01.Image, scene.Clean()), 21.0, 22.0);
    }

    [Fact]
    public void Noise_GrowsWithBrightness()
    {
        var simulator = new AcquisitionSimulator(AcquisitionOptions.Default with { MaxOffset = 0 });
        var scene = SceneGeneratorRegistry.Create("holes").Render(512, 384, simulator.RequiredMargin(1), 17);
        var clean = scene.Clean();
        var noise = Statistics.Difference(simulator.Acquire(scene, [1], 17)[0].Image, clean);
        var dark = new List<float>();
        var bright = new List<float>();
        for (var i = 0; i < noise.Length; i++)
        {
            if (clean.Pixels[i] < 0.15f) dark.Add(noise[i]);
            else if (clean.Pixels[i] > 0.6f && clean.Pixels[i] < 0.8f) bright.Add(noise[i]);
        }

        var darkVariance = Statistics.Moments(dark.ToArray()).Variance;
        var brightVariance = Statistics.Moments(bright.ToArray()).Variance;
        Assert.True(brightVariance > 4 * darkVariance, $"bright variance {brightVariance:G3} should far exceed dark {darkVariance:G3}");
    }

    [Fact]
    public void Averages_NoiseFallsAsOneOverSqrtN()
    {
        var simulator = new AcquisitionSimulator(AcquisitionOptions.Default with { MaxOffset = 0, DriftPerFrame = 0.01 });
        // No grain: flat regions are then truly flat, so the sub-pixel drift of F64 adds no signal to its residual.
        var scene = SceneGeneratorRegistry.Create("holes:grain=0,radius=0.25").Render(320, 240, simulator.RequiredMargin(64), 23);
        var clean = scene.Clean();
        var flat = FlatMask(clean, 2, 0.02f);
        var files = simulator.Acquire(scene, [1, 2, 8, 64], 23).ToDictionary(f => f.Name);
        var sigma1 = NoiseSigma(files["F01b"].Image, clean, flat);
        foreach (var n in new[] { 2, 8, 64 })
        {
            var sigma = NoiseSigma(files[AcquisitionSimulator.FileName(n, 2)].Image, clean, flat);
            var expected = sigma1 / Math.Sqrt(n);
            Assert.True(Math.Abs(sigma - expected) <= 0.05 * expected, $"F{n:00}: sigma {sigma:G4}, expected {expected:G4}");
        }
    }

    [Fact]
    public void F01Noise_CorrelatesAlongTheScanOnly()
    {
        var simulator = new AcquisitionSimulator(AcquisitionOptions.Default with { MaxOffset = 0 });
        var scene = SceneGeneratorRegistry.Create("holes").Render(384, 288, simulator.RequiredMargin(1), 29);
        var noise = Statistics.Difference(simulator.Acquire(scene, [1], 29)[0].Image, scene.Clean());
        Assert.InRange(Statistics.Correlation(noise, scene.Width, scene.Height, 1, 0), 0.35, 0.45);
        Assert.InRange(Math.Abs(Statistics.Correlation(noise, scene.Width, scene.Height, 0, 1)), 0, 0.05);
    }

    [Fact]
    public void Acquire_AcquisitionsHaveIndependentNoise()
    {
        var simulator = new AcquisitionSimulator(AcquisitionOptions.Default with { MaxOffset = 0 });
        var scene = SceneGeneratorRegistry.Create("holes").Render(256, 192, simulator.RequiredMargin(8), 31);
        var clean = scene.Clean();
        var files = simulator.Acquire(scene, [1, 8], 31).ToDictionary(f => f.Name);
        Assert.Equal(["F01", "F01b", "F08"], files.Keys.Order());
        var a = Statistics.Difference(files["F01"].Image, clean);
        var b = Statistics.Difference(files["F01b"].Image, clean);
        double ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++) { ab += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i]; }
        Assert.InRange(ab / Math.Sqrt(aa * bb), -0.03, 0.03);
        Assert.Equal(1, files["F01"].Acquisition);
        Assert.Equal(2, files["F08"].Acquisition);
    }

    [Fact]
    public void BlockDraws_MatchTheMeanOfIndividualFrames()
    {
        var simulator = new AcquisitionSimulator(AcquisitionOptions.Default with { MaxOffset = 0, DriftPerFrame = 0, DriftJitter = 0 });
        var scene = SceneGeneratorRegistry.Create("holes").Render(256, 192, simulator.RequiredMargin(8), 37);
        var clean = scene.Clean();
        var flat = FlatMask(clean, 2, 1f);
        var f08 = simulator.Acquire(scene, [8], 37).Single(f => f.Name == "F08").Image;
        var frames = simulator.AcquireFrames(scene, 2, 8, 37);
        var mean = new GrayImage(scene.Width, scene.Height);
        foreach (var frame in frames)
        {
            for (var i = 0; i < mean.Pixels.Length; i++) mean.Pixels[i] += frame.Image.Pixels[i] / 8;
        }

        var expected = NoiseSigma(mean, clean, flat);
        var actual = NoiseSigma(f08, clean, flat);
        Assert.True(Math.Abs(actual - expected) <= 0.05 * expected, $"F08 block draw sigma {actual:G4} vs mean of 8 frames {expected:G4}");
    }

    [Fact]
    public void AcquireWithFrames_AveragesAreTheMeansOfTheRawFrames()
    {
        // A high dose keeps every raw frame inside [0, 1], so clipping the written frames changes nothing.
        var simulator = new AcquisitionSimulator(AcquisitionOptions.Default with { Dose = 20000, MaxOffset = 0 });
        var scene = SceneGeneratorRegistry.Create("holes").Render(96, 72, simulator.RequiredMargin(8), 47);
        var (files, frames) = simulator.AcquireWithFrames(scene, [1, 2, 8], 47);
        Assert.Equal(8, frames.Count);
        Assert.Equal(["F01", "F01b", "F02", "F08"], files.Select(f => f.Name));
        var byName = files.ToDictionary(f => f.Name);
        Assert.Equal(frames[0].Image.Pixels, byName["F01b"].Image.Pixels);
        for (var i = 0; i < frames[0].Image.Pixels.Length; i++)
        {
            double mean = 0;
            for (var k = 0; k < 8; k++) mean += frames[k].Image.Pixels[i];
            Assert.Equal(mean / 8, byName["F08"].Image.Pixels[i], 1e-5);
        }

        var separate = simulator.AcquireFrames(scene, 2, 8, 47);
        Assert.Equal(frames.Select(f => Statistics.Hash(f.Image)), separate.Select(f => Statistics.Hash(f.Image)));
        Assert.Equal(frames.Select(f => (f.OffsetX, f.OffsetY)), separate.Select(f => (f.OffsetX, f.OffsetY)));
    }

    [Fact]
    public void Offsets_AreRecoveredByRegistrationWithinOnePixel()
    {
        // 512x384: pitch 42.7 px, so offsets up to 20 px stay below half a pitch and the lattice cannot alias.
        var simulator = new AcquisitionSimulator(AcquisitionOptions.Default with { MaxOffset = 20 });
        var scene = SceneGeneratorRegistry.Create("holes").Render(512, 384, simulator.RequiredMargin(64), 41);
        var clean = scene.Clean();
        foreach (var file in simulator.Acquire(scene, [1, 8, 64], 41))
        {
            Assert.InRange(Math.Abs(file.OffsetX), 0, 20 + 2);
            Assert.InRange(Math.Abs(file.OffsetY), 0, 20 + 2);
            var integer = PsnrMatching.Register(clean, file.Image, new PsnrMatchingOptions(WindowSize: 128, SearchRadius: 24));
            var subPixel = PhaseCorrelation.Register(clean, file.Image);
            foreach (var result in new[] { integer, subPixel })
            {
                Assert.True(Math.Abs(result.Dx - file.OffsetX) <= 1 && Math.Abs(result.Dy - file.OffsetY) <= 1,
                    $"{file.Name}: manifest offset ({file.OffsetX:0.00}, {file.OffsetY:0.00}), {result.Method} found ({result.Dx:0.00}, {result.Dy:0.00})");
            }
        }
    }

    [Fact]
    public void Acquire_SameSeedSameBytes()
    {
        var simulator = new AcquisitionSimulator();
        var scene = SceneGeneratorRegistry.Create("holes").Render(128, 96, simulator.RequiredMargin(8), 43);
        var a = simulator.Acquire(scene, [1, 8], 43);
        var b = simulator.Acquire(scene, [1, 8], 43);
        var c = simulator.Acquire(scene, [1, 8], 44);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(Statistics.Hash(a[i].Image), Statistics.Hash(b[i].Image));
            Assert.NotEqual(Statistics.Hash(a[i].Image), Statistics.Hash(c[i].Image));
        }
    }

    [Fact]
    public void Acquire_SmallMargin_IsRejected()
    {
        var scene = SceneGeneratorRegistry.Create("holes").Render(128, 96, 4, 1);
        var error = Assert.Throws<ArgumentException>(() => new AcquisitionSimulator().Acquire(scene, [1, 64], 1));
        Assert.Contains("margin", error.Message);
    }

    [Fact]
    public void Options_OutOfRange_NameTheField()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AcquisitionSimulator(new AcquisitionOptions(Dose: -1)));
        Assert.Contains("Dose", error.Message);
        Assert.Throws<ArgumentException>(() => AcquisitionSimulator.NormaliseFrames([0, 8]));
        Assert.Equal([1, 8, 64], AcquisitionSimulator.NormaliseFrames([64, 8, 8]));
    }

    [Fact]
    public void SubPixelShift_IntegerIsExactAndHalfPixelInterpolatesARamp()
    {
        var source = new GrayImage(20, 10);
        for (var y = 0; y < 10; y++) for (var x = 0; x < 20; x++) source[x, y] = 0.01f * x + 0.02f * y;
        var exact = new GrayImage(12, 4);
        SubPixelShift.AccumulateShifted(source, 3, 2, 1, exact);
        Assert.Equal(source[3, 2], exact[0, 0]);
        Assert.Equal(source[14, 5], exact[11, 3]);
        var half = new GrayImage(12, 4);
        SubPixelShift.AccumulateShifted(source, 3.5, 2.25, 1, half);
        Assert.Equal(0.01f * 3.5f + 0.02f * 2.25f, half[0, 0], 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => SubPixelShift.AccumulateShifted(source, 0, 2, 1, half));
    }

    /// <summary>Pixels whose clean neighbourhood (radius r) varies by less than <paramref name="range"/>: away from edges, so drift does not matter.</summary>
    private static bool[] FlatMask(GrayImage clean, int r, float range)
    {
        var mask = new bool[clean.Pixels.Length];
        for (var y = r; y < clean.Height - r; y++)
        {
            for (var x = r; x < clean.Width - r; x++)
            {
                float min = 1, max = 0;
                for (var v = -r; v <= r; v++) for (var u = -r; u <= r; u++) { var p = clean[x + u, y + v]; min = Math.Min(min, p); max = Math.Max(max, p); }
                mask[y * clean.Width + x] = max - min < range;
            }
        }

        return mask;
    }

    private static double NoiseSigma(GrayImage image, GrayImage clean, bool[] mask)
    {
        var values = new List<float>();
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i]) values.Add(image.Pixels[i] - clean.Pixels[i]);
        }

        Assert.True(values.Count > 1000, $"only {values.Count} flat pixels");
        return Math.Sqrt(Statistics.Moments(values.ToArray()).Variance);
    }
}
