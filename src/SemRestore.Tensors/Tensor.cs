using System.Runtime.CompilerServices;

namespace SemRestore.Tensors;

/// <summary>
/// A dense, contiguous float32 tensor of rank 0 to 4 (NCHW when rank 4), with optional reverse-mode
/// autograd. Storage comes from <see cref="TensorPool"/>; <see cref="Dispose"/> hands it back early.
/// </summary>
/// <remarks>
/// Tensors made by ops record a node on the autograd tape when grad mode is on
/// (<see cref="Autograd.NoGrad"/> turns it off) and any input requires a gradient.
/// Tensors created while a <see cref="TensorScope"/> is active are disposed with the scope unless kept.
/// A disposed tensor throws <see cref="ObjectDisposedException"/> on access.
/// </remarks>
public class Tensor : IDisposable
{
    /// <summary>The largest rank the engine supports.</summary>
    public const int MaxRank = 4;

    private readonly int[] _shape;
    private TensorStorage _storage;
    private bool _requiresGrad;
    private bool _disposed;

    /// <summary>An untracked, zero-filled tensor owned by a subclass (parameters, buffers).</summary>
    protected Tensor(int[] shape)
        : this(ValidateShape(shape), new TensorStorage(TensorPool.Rent(ShapeLength(shape))), tracked: false)
    {
        Data.Clear();
    }

    internal Tensor(int[] shape, TensorStorage storage, bool tracked)
    {
        _shape = shape;
        Length = ShapeLength(shape);
        _storage = storage;
        if (tracked)
        {
            TensorScope.Track(this);
        }
    }

    /// <summary>A copy of the shape, outermost dimension first.</summary>
    public int[] Shape => (int[])_shape.Clone();

    /// <summary>Number of dimensions (0 for a scalar).</summary>
    public int Rank => _shape.Length;

    /// <summary>Number of elements (product of the shape, 1 for a scalar).</summary>
    public int Length { get; }

    /// <summary>The elements in row-major order. Writing through it bypasses autograd.</summary>
    /// <exception cref="ObjectDisposedException">The tensor was disposed.</exception>
    public Span<float> Data => _storage.Array.AsSpan(0, Length);

    /// <summary>Whether gradients flow to this tensor. Settable on leaves only (tensors no op produced).</summary>
    /// <exception cref="InvalidOperationException">Setting it on a tensor an op produced.</exception>
    public bool RequiresGrad
    {
        get => _requiresGrad;
        set
        {
            if (Node is not null)
            {
                throw new InvalidOperationException("RequiresGrad can only be set on leaf tensors (not produced by an op); use Detach() first.");
            }

            _requiresGrad = value;
        }
    }

    internal void MarkRequiresGradFromOp() => _requiresGrad = true;

    /// <summary>The accumulated gradient (same shape), or null before the first backward pass reached it.
    /// Kept for leaves; for tensors produced by ops only when <see cref="RetainGrad"/> was called.</summary>
    public Tensor? Grad { get; internal set; }

    /// <summary>True when no op produced this tensor (inputs, parameters, detached tensors).</summary>
    public bool IsLeaf => Node is null;

    /// <summary>True once disposed.</summary>
    public bool IsDisposed => _disposed;

    /// <summary>The autograd node that produced this tensor (null for leaves).</summary>
    internal GradNode? Node { get; set; }

    /// <summary>Keep <see cref="Grad"/> of a non-leaf tensor after backward (for inspection and tests).</summary>
    public bool RetainsGrad { get; private set; }

    internal TensorStorage Storage => _storage;

    /// <summary>Size of dimension <paramref name="axis"/>; negative axes count from the end.</summary>
    public int Dim(int axis) => _shape[NormalizeAxis(axis)];

    /// <summary>The shape as text, for messages: <c>[2, 3, 8, 8]</c>.</summary>
    public string ShapeString => FormatShape(_shape);

    internal int[] ShapeRef => _shape;

    // ---- factories ----------------------------------------------------------------------------

    /// <summary>A tensor of zeros.</summary>
    /// <exception cref="ArgumentException">Rank above 4 or a non-positive dimension.</exception>
    public static Tensor Zeros(params int[] shape)
    {
        var t = Empty(shape);
        t.Data.Clear();
        return t;
    }

    /// <summary>A tensor of ones.</summary>
    public static Tensor Ones(params int[] shape) => Full(1f, shape);

    /// <summary>A tensor filled with <paramref name="value"/>.</summary>
    public static Tensor Full(float value, params int[] shape)
    {
        var t = Empty(shape);
        t.Data.Fill(value);
        return t;
    }

    /// <summary>A rank-0 tensor holding <paramref name="value"/>.</summary>
    public static Tensor Scalar(float value) => Full(value);

    /// <summary>A tensor with a copy of <paramref name="data"/> (row-major) in the given shape.</summary>
    /// <exception cref="ArgumentException">The data length differs from the product of the shape.</exception>
    public static Tensor FromArray(ReadOnlySpan<float> data, params int[] shape)
    {
        var t = Empty(shape);
        if (data.Length != t.Length)
        {
            throw new ArgumentException($"FromArray: {data.Length} values do not fill shape {FormatShape(shape)} ({t.Length} elements).", nameof(data));
        }

        data.CopyTo(t.Data);
        return t;
    }

    /// <summary>Standard normal samples N(0, 1) from <paramref name="random"/> (Box-Muller in double).</summary>
    public static Tensor Randn(Random random, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        var t = Empty(shape);
        var data = t.Data;
        for (var i = 0; i < data.Length; i += 2)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var radius = Math.Sqrt(-2.0 * Math.Log(u1));
            data[i] = (float)(radius * Math.Cos(Math.Tau * u2));
            if (i + 1 < data.Length)
            {
                data[i + 1] = (float)(radius * Math.Sin(Math.Tau * u2));
            }
        }

        return t;
    }

    /// <summary>Standard normal samples from a generator seeded with <paramref name="seed"/>.</summary>
    public static Tensor Randn(int seed, params int[] shape) => Randn(new Random(seed), shape);

    /// <summary>Uniform samples in [low, high) from <paramref name="random"/>.</summary>
    public static Tensor Uniform(Random random, float low, float high, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        var t = Empty(shape);
        var data = t.Data;
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(low + (high - (double)low) * random.NextDouble());
        }

        return t;
    }

    /// <summary>An uninitialised tensor from the pool (contents arbitrary); ops overwrite every element.</summary>
    public static Tensor Empty(params int[] shape)
    {
        var copy = ValidateShape(shape);
        return new Tensor(copy, new TensorStorage(TensorPool.Rent(ShapeLength(copy))), tracked: true);
    }

    /// <summary>A pooled tensor no <see cref="TensorScope"/> tracks (gradients, optimizer state).</summary>
    internal static Tensor EmptyUntracked(int[] shape) =>
        new(ValidateShape(shape), new TensorStorage(TensorPool.Rent(ShapeLength(shape))), tracked: false);

    internal static Tensor ZerosUntracked(int[] shape)
    {
        var t = EmptyUntracked(shape);
        t.Data.Clear();
        return t;
    }

    // ---- conversions --------------------------------------------------------------------------

    /// <summary>The single value of a one-element tensor.</summary>
    /// <exception cref="InvalidOperationException">The tensor has more than one element.</exception>
    public float Item()
    {
        if (Length != 1)
        {
            throw new InvalidOperationException($"Item() needs a one-element tensor, got shape {ShapeString}.");
        }

        return Data[0];
    }

    /// <summary>A copy of the elements in row-major order.</summary>
    public float[] ToArray() => Data.ToArray();

    /// <summary>A tensor sharing this storage with no autograd history and RequiresGrad false.</summary>
    public Tensor Detach()
    {
        _storage.AddReference();
        return new Tensor((int[])_shape.Clone(), _storage, tracked: true);
    }

    /// <summary>A detached deep copy (new storage, no autograd history).</summary>
    public Tensor Clone()
    {
        var copy = Empty(_shape);
        Data.CopyTo(copy.Data);
        return copy;
    }

    /// <summary>Same elements viewed in a new shape (one entry may be -1); differentiable.</summary>
    public Tensor Reshape(params int[] shape) => Ops.Reshape(this, shape);

    // ---- autograd -----------------------------------------------------------------------------

    /// <summary>Back-propagates from this one-element tensor (seed gradient 1).</summary>
    /// <exception cref="InvalidOperationException">The tensor has more than one element or no gradient path.</exception>
    public void Backward(bool retainGraph = false)
    {
        if (Length != 1)
        {
            throw new InvalidOperationException($"Backward() without a seed needs a one-element tensor, got shape {ShapeString}; pass a seed gradient.");
        }

        using var seed = Ones(_shape);
        Autograd.RunBackward(this, seed, retainGraph);
    }

    /// <summary>Back-propagates with the given seed gradient d(loss)/d(this), of the same shape.</summary>
    public void Backward(Tensor seedGradient, bool retainGraph = false)
    {
        ArgumentNullException.ThrowIfNull(seedGradient);
        if (!SameShape(seedGradient))
        {
            throw new ArgumentException($"Backward: seed gradient shape {seedGradient.ShapeString} differs from tensor shape {ShapeString}.", nameof(seedGradient));
        }

        Autograd.RunBackward(this, seedGradient, retainGraph);
    }

    /// <summary>Keeps this non-leaf tensor's gradient after backward.</summary>
    public Tensor RetainGrad()
    {
        RetainsGrad = true;
        return this;
    }

    /// <summary>Drops the gradient (returns its buffer to the pool).</summary>
    public void ZeroGrad()
    {
        Grad?.Dispose();
        Grad = null;
    }

    /// <summary>The gradient buffer, created as zeros on first use; backward functions add into it.</summary>
    internal Span<float> GradSpan()
    {
        Grad ??= ZerosUntracked(_shape);
        return Grad.Data;
    }

    /// <summary>The gradient buffer for a backward function that covers every element: when it does not exist yet
    /// it is rented without zeroing and <paramref name="overwrite"/> is true, so the caller writes instead of adding
    /// (saves a zero fill and a read per element).</summary>
    internal Span<float> GradSpanForFullWrite(out bool overwrite)
    {
        overwrite = Grad is null;
        Grad ??= EmptyUntracked(_shape);
        return Grad.Data;
    }

    // ---- lifetime -----------------------------------------------------------------------------

    /// <summary>Returns the storage to the pool (when no view shares it) and drops the gradient.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _storage.Release();
        Grad?.Dispose();
        Grad = null;
        Node = null;
        GC.SuppressFinalize(this);
    }

    // ---- shape helpers ------------------------------------------------------------------------

    /// <summary>True when both tensors have identical shapes.</summary>
    public bool SameShape(Tensor other) => _shape.AsSpan().SequenceEqual(other._shape);

    internal int NormalizeAxis(int axis)
    {
        var a = axis < 0 ? axis + Rank : axis;
        if ((uint)a >= (uint)Rank)
        {
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"axis must be in [{-Rank}, {Rank - 1}] for shape {ShapeString}.");
        }

        return a;
    }

    /// <summary>Formats a shape for messages.</summary>
    public static string FormatShape(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    internal static int ShapeLength(ReadOnlySpan<int> shape)
    {
        long length = 1;
        foreach (var d in shape)
        {
            length *= d;
        }

        return checked((int)length);
    }

    internal static int[] ValidateShape(int[] shape, [CallerArgumentExpression(nameof(shape))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(shape, name);
        if (shape.Length > MaxRank)
        {
            throw new ArgumentException($"rank {shape.Length} exceeds the maximum {MaxRank} (shape {FormatShape(shape)}).", name);
        }

        long length = 1;
        foreach (var d in shape)
        {
            if (d <= 0)
            {
                throw new ArgumentException($"dimensions must be positive, got shape {FormatShape(shape)}.", name);
            }

            length *= d;
            if (length > Array.MaxLength)
            {
                throw new ArgumentException($"shape {FormatShape(shape)} has more than {Array.MaxLength} elements.", name);
            }
        }

        return (int[])shape.Clone();
    }

    // ---- operators (differentiable, broadcasting; see Ops) -----------------------------------------

    /// <summary>Ops.Add.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => Ops.Add(a, b);

    /// <summary>Ops.Sub.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => Ops.Sub(a, b);

    /// <summary>Ops.Mul (element-wise).</summary>
    public static Tensor operator *(Tensor a, Tensor b) => Ops.Mul(a, b);

    /// <summary>Ops.Div (element-wise).</summary>
    public static Tensor operator /(Tensor a, Tensor b) => Ops.Div(a, b);

    /// <summary>x + s.</summary>
    public static Tensor operator +(Tensor a, float s) => Ops.Add(a, s);

    /// <summary>x - s.</summary>
    public static Tensor operator -(Tensor a, float s) => Ops.Sub(a, s);

    /// <summary>s - x.</summary>
    public static Tensor operator -(float s, Tensor a) => Ops.Sub(s, a);

    /// <summary>x * s.</summary>
    public static Tensor operator *(Tensor a, float s) => Ops.Mul(a, s);

    /// <summary>s * x.</summary>
    public static Tensor operator *(float s, Tensor a) => Ops.Mul(a, s);

    /// <summary>x / s.</summary>
    public static Tensor operator /(Tensor a, float s) => Ops.Div(a, s);

    /// <summary>-x.</summary>
    public static Tensor operator -(Tensor a) => Ops.Neg(a);

    /// <inheritdoc />
    public override string ToString() => $"Tensor{ShapeString}{(RequiresGrad ? " requires_grad" : string.Empty)}";
}
