using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;

namespace Stack.Benchmarks;

/// <summary>
/// A stack of <c>count</c> services shaped like the reference stack's: image, restart, two shared
/// networks, a volume backed up as files, environment with variables, a healthcheck, a Traefik router with the
/// forward-auth middleware, and a healthy dependency on the previous service.
/// </summary>
public static class SyntheticStack
{
    private static readonly Variable Host = new("BASE_HOST");
    private static readonly Variable Secret = new("APP_SECRET");
    private static readonly Network Public = new("public");
    private static readonly Network Private = new("private");
    private static readonly ForwardAuthMiddleware Sso = new("sso", "http://authelia:9091/api/verify");
    private static readonly CertResolver Resolver = new("letsencrypt");
    private static readonly Healthcheck Health = new Healthcheck(HealthcheckTest.Shell("wget -q --spider http://localhost:8080 || exit 1"))
        .WithTiming(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5), 3, TimeSpan.FromSeconds(30));

    public static ComposeStack Create(int count)
    {
        var services = new Service[count];
        for (var i = 0; i < count; i++)
        {
            var name = $"service-{i:D5}";
            var service = new Service(name)
                .WithImage($"example/{name}:1.{i % 10}.0")
                .WithContainerName(name)
                .WithRestart(RestartPolicy.UnlessStopped)
                .WithNetworks(Public, Private)
                .WithVolume(new Volume($"{name}-data").WithBackup(VolumeBackup.Files()), "/data")
                .WithEnvironment("URL", $"https://{name}.{Host}/")
                .WithEnvironment("SECRET", Secret)
                .WithEnvironment("WORKERS", 4)
                .WithHealthcheck(Health)
                .WithRouter(new Router(name).WithHost($"{name}.{Host}").WithTls(Resolver).WithMiddlewares(Sso).WithPort(8080));
            services[i] = i == 0 ? service : service.DependsOn(services[i - 1], DependencyCondition.ServiceHealthy);
        }

        return new ComposeStack("synthetic").WithVariables(Host, Secret).WithServices(services);
    }
}
