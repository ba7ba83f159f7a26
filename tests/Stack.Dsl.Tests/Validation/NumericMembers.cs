using System.Reflection;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Tests.Validation;

/// <summary>Every numeric member of the model's public types: what a definition can set that reaches a file as a number.</summary>
internal static class NumericMembers
{
    private static readonly Type[] Numeric = [typeof(int), typeof(long), typeof(short), typeof(uint), typeof(ulong), typeof(double), typeof(float), typeof(decimal), typeof(TimeSpan), typeof(ByteSize)];

    private static readonly string[] ModelNamespaces = ["Stack.Dsl.Compose", "Stack.Dsl.Backups", "Stack.Dsl.Traefik"];

    /// <summary>"Type.Member" for each public instance property of a numeric type (nullable included), declared on a public model type.</summary>
    public static IEnumerable<string> All() =>
        typeof(Service).Assembly.GetExportedTypes()
            .Where(t => ModelNamespaces.Any(n => t.Namespace is { } ns && (ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal))))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => (Type: t, Property: p)))
            .Where(m => Numeric.Contains(Nullable.GetUnderlyingType(m.Property.PropertyType) ?? m.Property.PropertyType))
            .Select(m => $"{m.Type.Name}.{m.Property.Name}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
}
