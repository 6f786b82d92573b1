using System.Reflection;
using System.Runtime.ExceptionServices;

namespace SemRestore.Training;

/// <summary>Shared plumbing of the attribute-keyed registries (schemes, losses): collect once, reject duplicates, construct.</summary>
internal static class RegistryScan
{
    /// <summary>Every type of this assembly carrying <typeparamref name="TAttribute"/>, by the name it declares.</summary>
    /// <exception cref="InvalidOperationException">Two types declare the same name.</exception>
    public static Dictionary<string, (Type Type, TAttribute Attribute)> Collect<TAttribute>(Func<TAttribute, string> nameOf, string kind)
        where TAttribute : Attribute
    {
        var entries = new Dictionary<string, (Type, TAttribute)>(StringComparer.Ordinal);
        foreach (var type in typeof(RegistryScan).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<TAttribute>() is { } attribute && !entries.TryAdd(nameOf(attribute), (type, attribute)))
            {
                throw new InvalidOperationException($"Two {kind} are registered as '{nameOf(attribute)}'.");
            }
        }

        return entries;
    }

    /// <summary>Calls the constructor taking <paramref name="arguments"/>, rethrowing its own exception unwrapped.</summary>
    public static T Construct<T>(Type type, params object?[] arguments)
    {
        try
        {
            return (T)Activator.CreateInstance(type, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
