namespace SemRestore.Tensors.Nn;

/// <summary>Inverted dropout with probability p while training, identity in eval mode; masks drawn from
/// a generator seeded with <paramref name="seed"/>.</summary>
public sealed class Dropout(float p = 0.5f, int seed = 0) : Module
{
    private readonly Random _random = new(seed);

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Ops.Dropout(input, p, IsTraining, _random);
}
