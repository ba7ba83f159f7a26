using Stack.Dsl.Compose;

namespace Stack.Dsl.Tests.Validation.Locations;

/// <summary>
/// A definition's other file, as in the project form's <c>Services/Db.cs</c>: findings about
/// these services belong here, at the offending call, not where the stack adds them.
/// </summary>
internal static class ServicesFile
{
    public static readonly Network Net = new("n");

    public static Service Db => new Service("db")
        .WithImage("postgres:latest")
        .WithRestart(RestartPolicy.Always).WithNetworks(Net)
        .WithEnvironment("POSTGRES_USER", "app").WithEnvironment("POSTGRES_PASSWORD", "hunter2")
        .WithPort(5432, 5432);

    public static Service Worker => new Service("worker").WithImage("example/worker:1.0").WithNetworks(Net);

    /// <summary>A helper with parameters: what it writes is reported where it is called.</summary>
    public static Service App(string name, string image) => new Service(name)
        .WithImage(image)
        .WithNetworks(Net).WithPort(8080, 80);

    /// <summary>A helper with parameters that writes a wait: each service it makes is reported where it is called.</summary>
    public static Service Waiting(string name, Service on) => new Service(name).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net)
        .DependsOn(on, DependencyCondition.ServiceHealthy);

    /// <summary>A helper with parameters that writes any wait: its findings (STK0005, STK0203, STK0219) belong where it is called.</summary>
    public static Service After(string name, Service on, DependencyCondition condition) => new Service(name).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net)
        .DependsOn(on, condition);
}
