namespace SemRestore.Metrics.Evaluation;

/// <summary>
/// One method of an evaluation: a denoiser spec (<c>name</c> or <c>name:key=value,...</c>) and optionally its own
/// input frame after '@' (<c>median:size=3@F32</c>); without it the evaluation's input is used.
/// </summary>
/// <param name="Denoiser">The spec passed to the denoiser factory.</param>
/// <param name="Input">The input frame for this method, or null for the default input.</param>
public sealed record MethodSpec(string Denoiser, string? Input)
{
    /// <summary>The text as written: spec plus @input.</summary>
    public string Label => Input is null ? Denoiser : $"{Denoiser}@{Input}";

    /// <summary>Parses one method; the input is the text after the last '@'.</summary>
    /// <exception cref="ArgumentException">The text is empty or has an empty part around '@'.</exception>
    public static MethodSpec Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        text = text.Trim();
        var at = text.LastIndexOf('@');
        if (at < 0)
        {
            return new MethodSpec(text, null);
        }

        var spec = text[..at].Trim();
        var input = text[(at + 1)..].Trim();
        if (spec.Length == 0 || input.Length == 0)
        {
            throw new ArgumentException($"Method '{text}' must read SPEC@FRAME, for example median:size=3@F32.", nameof(text));
        }

        return new MethodSpec(spec, input);
    }

    /// <summary>
    /// Splits a method list. With a ';' in the text, methods are separated by ';' only. Otherwise a ',' starts a new
    /// method unless the text after it (up to the next ',') is a parameter: it contains '=' and no ':' before that '='.
    /// So <c>median:size=11,passes=3,bm3d:sigma=25,nlm@F32</c> is three methods: median with two parameters, bm3d, nlm.
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty or starts with a parameter.</exception>
    public static IReadOnlyList<MethodSpec> ParseList(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var methods = new List<string>();
        if (text.Contains(';'))
        {
            methods.AddRange(text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        else
        {
            foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (IsParameter(part))
                {
                    if (methods.Count == 0)
                    {
                        throw new ArgumentException($"Method list '{text}' starts with the parameter '{part}'; write name:key=value.", nameof(text));
                    }

                    methods[^1] += "," + part;
                }
                else
                {
                    methods.Add(part);
                }
            }
        }

        if (methods.Count == 0)
        {
            throw new ArgumentException("The method list is empty.", nameof(text));
        }

        return methods.Select(Parse).ToList();
    }

    private static bool IsParameter(string part)
    {
        var equals = part.IndexOf('=');
        if (equals < 0)
        {
            return false;
        }

        var colon = part.IndexOf(':');
        return colon < 0 || colon > equals;
    }
}
