using System.Globalization;

namespace SemRestore.Imaging.Specs;

/// <summary>
/// A registry entry with options as written on the command line and in YAML: <c>name:key=value,key=value</c>
/// (for example <c>median:size=11,passes=3</c> or <c>poisson:lambda=1000</c>). Keys are case-insensitive.
/// Typed getters validate ranges and throw <see cref="ArgumentException"/> naming the entry, the parameter,
/// the value received and the range allowed; <see cref="EnsureOnly"/> rejects unknown keys.
/// </summary>
public sealed class NamedSpec
{
    private readonly Dictionary<string, string> _parameters;
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    public NamedSpec(string name, IReadOnlyDictionary<string, string>? parameters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        _parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (parameters is not null)
        {
            foreach (var pair in parameters)
            {
                _parameters[pair.Key.Trim()] = pair.Value.Trim();
            }
        }
    }

    /// <summary>The registry name (text before the first ':').</summary>
    public string Name { get; }

    public IReadOnlyDictionary<string, string> Parameters => _parameters;

    /// <summary>Parses <c>name</c> or <c>name:key=value,...</c>.</summary>
    /// <exception cref="ArgumentException">The text is empty or a parameter is not of the form key=value.</exception>
    public static NamedSpec Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var colon = text.IndexOf(':');
        var name = colon < 0 ? text : text[..colon];
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"'{text}' has no name before ':' (expected name:key=value,...).", nameof(text));
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (colon >= 0)
        {
            foreach (var part in text[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = part.IndexOf('=');
                if (equals <= 0)
                {
                    throw new ArgumentException($"'{text}': parameter '{part}' is not of the form key=value.", nameof(text));
                }

                var key = part[..equals].Trim();
                if (!parameters.TryAdd(key, part[(equals + 1)..].Trim()))
                {
                    throw new ArgumentException($"'{text}': parameter '{key}' is given twice.", nameof(text));
                }
            }
        }

        return new NamedSpec(name, parameters);
    }

    public bool Has(string key) => _parameters.ContainsKey(key);

    /// <summary>A floating-point parameter in [min, max], or <paramref name="defaultValue"/> when absent.</summary>
    public double GetDouble(string key, double defaultValue, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        _read.Add(key);
        if (!_parameters.TryGetValue(key, out var text))
        {
            return defaultValue;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
        {
            throw new ArgumentException($"{Name}: parameter '{key}' must be a number, got '{text}'.", key);
        }

        if (value < min || value > max)
        {
            throw new ArgumentException($"{Name}: parameter '{key}' must be in [{Format(min)}, {Format(max)}], got {Format(value)}.", key);
        }

        return value;
    }

    /// <summary>An integer parameter in [min, max], or <paramref name="defaultValue"/> when absent.</summary>
    public int GetInt(string key, int defaultValue, int min = int.MinValue, int max = int.MaxValue)
    {
        _read.Add(key);
        if (!_parameters.TryGetValue(key, out var text))
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new ArgumentException($"{Name}: parameter '{key}' must be an integer, got '{text}'.", key);
        }

        if (value < min || value > max)
        {
            throw new ArgumentException($"{Name}: parameter '{key}' must be in [{min}, {max}], got {value}.", key);
        }

        return value;
    }

    /// <summary>A boolean parameter (true/false/1/0/yes/no), or <paramref name="defaultValue"/> when absent.</summary>
    public bool GetBool(string key, bool defaultValue)
    {
        _read.Add(key);
        if (!_parameters.TryGetValue(key, out var text))
        {
            return defaultValue;
        }

        return text.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw new ArgumentException($"{Name}: parameter '{key}' must be true or false, got '{text}'.", key),
        };
    }

    /// <summary>A string parameter restricted to <paramref name="allowed"/> (case-insensitive), or the default.</summary>
    public string GetChoice(string key, string defaultValue, params string[] allowed)
    {
        _read.Add(key);
        if (!_parameters.TryGetValue(key, out var text))
        {
            return defaultValue;
        }

        foreach (var choice in allowed)
        {
            if (string.Equals(choice, text, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        throw new ArgumentException($"{Name}: parameter '{key}' must be one of {string.Join(", ", allowed)}, got '{text}'.", key);
    }

    /// <summary>A free string parameter, or the default.</summary>
    public string GetString(string key, string defaultValue)
    {
        _read.Add(key);
        return _parameters.TryGetValue(key, out var text) ? text : defaultValue;
    }

    /// <summary>Throws when a parameter was given that no getter asked for (call after reading all options).</summary>
    /// <exception cref="ArgumentException">Names the unknown keys and the known ones.</exception>
    public void EnsureOnly()
    {
        var unknown = _parameters.Keys.Where(key => !_read.Contains(key)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"{Name}: unknown parameter(s) {string.Join(", ", unknown)}; known: {(_read.Count == 0 ? "none" : string.Join(", ", _read.Order()))}.");
        }
    }

    /// <summary>The canonical text form, keys in the order given.</summary>
    public override string ToString() =>
        _parameters.Count == 0 ? Name : Name + ":" + string.Join(",", _parameters.Select(pair => $"{pair.Key}={pair.Value}"));

    private static string Format(double value) =>
        double.IsInfinity(value) ? (value > 0 ? "inf" : "-inf") : value.ToString("G", CultureInfo.InvariantCulture);
}
