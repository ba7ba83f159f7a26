using System.Globalization;
using System.Text;

namespace Stack.Benchmarks;

/// <summary>
/// C# source of a definition with N services, written the way real definitions are: one file per
/// group of 100, fields built through shared helper extensions, a router helper, depends_on on the
/// previous service, a volume with its backup decision, and one file that adds them all to the
/// stack. Every service passes the checklist, so the analyzers do their full tracing work and
/// report nothing.
/// </summary>
internal static class SyntheticDefinition
{
    private const int ServicesPerFile = 100;

    public static IReadOnlyList<string> Create(int services)
    {
        var files = new List<string> { Conventions };
        var stack = new StringBuilder("using Stack.Dsl.Compose;\n\npublic static class Definition\n{\n    public static ComposeStack Build() => new ComposeStack(\"bench\").WithServices(\n");
        for (var group = 0; group * ServicesPerFile < services; group++)
        {
            var file = new StringBuilder().Append(CultureInfo.InvariantCulture, $"using Stack.Dsl.Backups;\nusing Stack.Dsl.Compose;\n\npublic static class Group{group}\n{{\n");
            for (var i = group * ServicesPerFile; i < Math.Min(services, (group + 1) * ServicesPerFile); i++)
            {
                var dependency = i % ServicesPerFile == 0 ? string.Empty : $"\n        .DependsOn(S{i - 1}, DependencyCondition.ServiceHealthy)";
                file.Append(CultureInfo.InvariantCulture, $"""
                        public static readonly Volume V{i} = new Volume("v{i}").WithBackup(VolumeBackup.Files());

                        public static readonly Service S{i} = new Service("s{i}")
                            .WithImage("example/app:1.{i}")
                            .Internal()
                            .WithVolume(V{i}, "/data")
                            .WithEnvironment("INDEX", {i})
                            .WithRouter(WebRouters.For("s{i}", 8080)){dependency};

                    """);
                stack.Append(CultureInfo.InvariantCulture, $"        Group{group}.S{i}{(i == services - 1 ? ");\n}\n" : ",\n")}");
            }

            files.Add(file.Append("}\n").ToString());
        }

        files.Add(stack.ToString());
        return files;
    }

    private const string Conventions = """
        using Stack.Dsl.Compose;
        using Stack.Dsl.Traefik;

        public static class Conventions
        {
            public static readonly Network Private = new("private");
            public static readonly Healthcheck Http = new(HealthcheckTest.Exec("wget", "-q", "--spider", "http://localhost:8080/health"));

            public static Service Internal(this Service service) => service
                .WithRestart(RestartPolicy.UnlessStopped)
                .WithNetworks(Private)
                .WithHealthcheck(Http);
        }

        public static class WebRouters
        {
            public static readonly EntryPoint Https = new("https", 443);
            public static readonly ForwardAuthMiddleware Authelia = new("sso-proxy", "http://authelia:9091/api/verify");

            public static Router For(string name, int port) => new Router(name)
                .WithHost(name + ".example.org")
                .WithEntryPoints(Https)
                .WithMiddlewares(Authelia)
                .WithPort(port);
        }

        """;
}
