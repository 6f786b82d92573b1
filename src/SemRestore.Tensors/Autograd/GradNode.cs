namespace SemRestore.Tensors;

/// <summary>
/// One recorded op on the tape: the inputs it read and a function that, given d(loss)/d(output),
/// adds each input's gradient contribution into <c>input.GradSpan()</c> (accumulation, never overwrite).
/// </summary>
internal sealed class GradNode
{
    public GradNode(string opName, Tensor[] inputs, Action<Tensor> backward)
    {
        OpName = opName;
        Inputs = inputs;
        Backward = backward;
    }

    /// <summary>Op name for error messages.</summary>
    public string OpName { get; }

    public Tensor[] Inputs { get; }

    /// <summary>Receives the output gradient; adds into the inputs that require grad.</summary>
    public Action<Tensor> Backward { get; }
}
