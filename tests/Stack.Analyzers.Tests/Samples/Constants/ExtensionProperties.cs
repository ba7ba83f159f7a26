namespace Stack.Analyzers.Tests.Samples.Constants;

/// <summary>C# 14 extension blocks: an extension property is followed like an extension method, its receiver bound.</summary>
internal static class ExtensionProperties
{
    public static IEnumerable<Sample> All =>
    [
        new("extension properties that leave a gap", ["""
            static class Conventions
            {
                static readonly Network Private = new("private");

                extension(Service service)
                {
                    public Service Internal => service.WithRestart(RestartPolicy.UnlessStopped).WithNetworks(Private);

                    public Service Logged => service.WithLogging(new Logging("json-file"));

                    public Service Unpinned => service.{|STK0107:WithImage("nginx:latest")|};

                    public Service WithPin => service.{|STK0100:WithEnvironment("DB_PASSWORD", "hunter2")|};
                }
            }
            """, """
            static class Definition
            {
                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    {|STK0001:{|STK0002:new Service("a")|}|}.WithImage("nginx:1").Logged,
                    new Service("b").Internal.Unpinned,
                    new Service("c").WithImage("example/app:1.0").Internal.WithPin);
            }
            """], ["STK0001", "STK0002", "STK0107", "STK0100"]),

        new("extension properties that close the gap", ["""
            static class Conventions
            {
                static readonly Network Private = new("private");

                extension(Service service)
                {
                    public Service Internal => service.WithRestart(RestartPolicy.UnlessStopped).WithNetworks(Private);

                    public Service Pinned => service.WithImage("nginx:1.27.3");
                }
            }
            """, """
            static class Definition
            {
                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    new Service("a").WithImage("example/app:1.0").Internal,
                    new Service("b").Internal.Pinned);
            }
            """], []),
    ];
}
