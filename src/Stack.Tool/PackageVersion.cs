using System.Reflection;

namespace Stack.Tool;

/// <summary>The NuGet version an assembly was packed as, read from its informational version.</summary>
internal static class PackageVersion
{
    /// <summary>
    /// The informational version without the build metadata the SDK appends (<c>+commit</c>):
    /// <c>0.1.0</c> for a release, <c>0.1.0-local-3f2a9c1b7d</c> for eng/install.cs's local build.
    /// </summary>
    public static string Of(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.1.0";
        }

        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
