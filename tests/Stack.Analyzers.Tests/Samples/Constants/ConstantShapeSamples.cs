namespace Stack.Analyzers.Tests.Samples.Constants;

/// <summary>
/// Issue 27's constants, symbols and collections: values put together from constants, C# 14
/// extension properties, single sign-on decided from symbols, host addresses and ports, collections
/// built before WithServices, LINQ over a literal collection and helpers taking <c>params</c>. One
/// shape a file, each in both directions: a finding where the shape hides a gap, none where it hides the fix.
/// </summary>
internal static class ConstantShapeSamples
{
    /// <summary>A service that passes the checklist, so only the finding under test shows.</summary>
    public const string Common = """
        static readonly Network Net = new("n");
        static Service App(string name) => new Service(name).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net);
        """;

    public static IEnumerable<Sample> All =>
    [
        .. ConcatenatedConstants.All,
        .. HostAddresses.All,
        .. ExtensionProperties.All,
        .. SingleSignOn.All,
        .. Collections.All,
    ];
}
