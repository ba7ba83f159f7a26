using System.Collections;
using System.Reflection;
using Stack.Dsl.Compose;
using Stack.Dsl.Values;

namespace Stack.Dsl.Tests.Validation;

/// <summary>Every string-bearing member of the model's public types: what a definition can set that reaches a file as text.</summary>
internal static class TextMembers
{
    private static readonly string[] ModelNamespaces = ["Stack.Dsl.Compose", "Stack.Dsl.Backups", "Stack.Dsl.Traefik", "Stack.Dsl.Environments"];

    /// <summary>
    /// "Type.Member" for each public instance property that holds text: a string, a <see cref="ComposeString"/>,
    /// or a collection or dictionary of them (keys included), declared on a public model type.
    /// </summary>
    public static IEnumerable<string> All() =>
        typeof(Service).Assembly.GetExportedTypes()
            .Where(t => ModelNamespaces.Any(n => t.Namespace is { } ns && (ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal))))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => (Type: t, Property: p)))
            .Where(m => m.Property.GetIndexParameters().Length == 0 && HoldsText(m.Property.PropertyType))
            .Select(m => $"{m.Type.Name}.{m.Property.Name}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    private static bool HoldsText(Type type)
    {
        if (type == typeof(string) || type == typeof(ComposeString))
        {
            return true;
        }

        // Collections and dictionaries of text (ImmutableArray<string>, ImmutableSortedDictionary<string, ComposeString>, ...).
        return type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType
            && type.GetGenericArguments().Any(a => a == typeof(string) || a == typeof(ComposeString) || a.IsGenericType && a.GetGenericArguments().Any(b => b == typeof(string) || b == typeof(ComposeString)));
    }
}
