using System.Reflection;

namespace Stack.Testing;

/// <summary>The repository's folders, as MSBuild recorded them when the tests were built.</summary>
internal static class Repository
{
    public static string Root { get; } = Assembly.GetExecutingAssembly()
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Stack.RepositoryRoot").Value!;
}
