using SemRestore.Tensors;
using SemRestore.Tensors.Nn;

namespace SemRestore.Models.UNet;

/// <summary>
/// The Noise2Noise U-Net of Lehtinen et al. (2018), official NVlabs topology (SPECS A1): 3x3 convs with
/// bias and LeakyReLU 0.1, a 48-channel encoder with five 2x2 max-pools, nearest x2 upsampling with
/// channel concatenation of the skips, a 96-channel decoder, a 64/32-channel head and a linear 3x3 output.
/// Parameter names follow the reference (<c>enc_conv0.weight</c> ... <c>dec_conv1.bias</c>). About 0.99 M
/// parameters for one channel.
/// </summary>
/// <remarks>Input (N, C, H, W) with H and W multiples of 32 (reflect-pad to a multiple first; the N2N
/// inference pads bottom/right). Init as the reference: weights N(0, gain / sqrt(fan_in)) with gain sqrt 2,
/// gain 1 for the output conv; biases 0. Under <see cref="Autograd.NoGrad"/> each activation is released as
/// soon as it has been consumed.</remarks>
public sealed class UNet : Module
{
    private const float Slope = 0.1f;
    private readonly Conv2d[] _encoder;
    private readonly (Conv2d A, Conv2d B)[] _decoder;
    private readonly Conv2d _head1A;
    private readonly Conv2d _head1B;
    private readonly Conv2d _output;

    /// <summary>Builds and initialises the network.</summary>
    public UNet(UNetOptions? options = null)
    {
        Options = options ?? new UNetOptions();
        Options.Validate();
        var random = new Random(Options.Seed);
        int c = Options.InChannels;
        Conv2d Conv(string name, int cin, int cout, double gain)
        {
            var conv = RegisterModule(name, new Conv2d(cin, cout, 3, random, padding: 1));
            Init.Normal(conv.Weight, random, 0, gain / Math.Sqrt(cin * 9));
            Init.Zeros(conv.Bias!);
            return conv;
        }

        var he = Math.Sqrt(2);
        _encoder = new Conv2d[7];
        _encoder[0] = Conv("enc_conv0", c, 48, he);
        for (var i = 1; i <= 6; i++)
        {
            _encoder[i] = Conv($"enc_conv{i}", 48, 48, he);
        }

        _decoder = new (Conv2d, Conv2d)[4];
        _decoder[0] = (Conv("dec_conv5", 96, 96, he), Conv("dec_conv5b", 96, 96, he));
        for (var level = 4; level >= 2; level--)
        {
            _decoder[5 - level] = (Conv($"dec_conv{level}", 144, 96, he), Conv($"dec_conv{level}b", 96, 96, he));
        }

        _head1A = Conv("dec_conv1a", 96 + c, 64, he);
        _head1B = Conv("dec_conv1b", 64, 32, he);
        _output = Conv("dec_conv1", 32, Options.OutChannels, 1.0);
    }

    /// <summary>The configuration.</summary>
    public UNetOptions Options { get; }

    /// <summary>(N, InChannels, H, W) -> (N, OutChannels, H, W).</summary>
    /// <exception cref="ArgumentException">Wrong rank or channels, or H/W not a multiple of 32.</exception>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || input.Dim(1) != Options.InChannels)
        {
            throw new ArgumentException($"UNet: input must be (N, {Options.InChannels}, H, W), got {input.ShapeString}.", nameof(input));
        }

        if (input.Dim(2) % UNetOptions.SizeMultiple != 0 || input.Dim(3) % UNetOptions.SizeMultiple != 0)
        {
            throw new ArgumentException($"UNet: height and width must be multiples of {UNetOptions.SizeMultiple}, got {input.Dim(2)}x{input.Dim(3)} (input {input.ShapeString}); pad the image (reflect, bottom/right) or change the patch/tile size.", nameof(input));
        }

        var skips = new Tensor[5];
        skips[0] = input;
        var h = ConvAct(_encoder[0], input);
        h = Then(h, ConvAct(_encoder[1], h));
        h = Then(h, Ops.MaxPool2d(h, 2));
        skips[1] = h;
        for (var level = 2; level <= 5; level++)
        {
            // h is skip s(level-1) here and stays alive for the decoder.
            var conv = ConvAct(_encoder[level], h);
            h = Then(conv, Ops.MaxPool2d(conv, 2));
            if (level <= 4)
            {
                skips[level] = h;
            }
        }

        h = Then(h, ConvAct(_encoder[6], h));
        for (var i = 0; i < 4; i++)
        {
            var skip = skips[4 - i];
            var up = Ops.UpsampleNearest(h, 2);
            Release(h);
            var cat = Ops.Concat(1, up, skip);
            Release(up);
            Release(skip);
            h = Then(cat, ConvAct(_decoder[i].A, cat));
            h = Then(h, ConvAct(_decoder[i].B, h));
        }

        var up1 = Ops.UpsampleNearest(h, 2);
        Release(h);
        var cat1 = Ops.Concat(1, up1, input);
        Release(up1);
        h = Then(cat1, ConvAct(_head1A, cat1));
        h = Then(h, ConvAct(_head1B, h));
        return Then(h, _output.Forward(h));

        Tensor Then(Tensor consumed, Tensor produced)
        {
            Release(consumed);
            return produced;
        }

        void Release(Tensor t) => ReleaseIfInference(t, input);
    }

    private static Tensor ConvAct(Conv2d conv, Tensor x)
    {
        var y = conv.Forward(x);
        if (!Autograd.IsEnabled)
        {
            return Ops.LeakyReluInPlace(y, Slope);
        }

        var a = Ops.LeakyRelu(y, Slope);
        ReleaseIfInference(y, x);
        return a;
    }
}
