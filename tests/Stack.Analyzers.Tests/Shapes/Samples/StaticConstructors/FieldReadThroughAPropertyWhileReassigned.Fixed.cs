using Stack.Dsl.Compose;

// A static constructor that finishes a field through a property that reads it (Current => Db), then
// makes another service wait on that property. Tracing the first write reads Current as Db was
// before it; the wait, written after, reads the finished Db, which has its healthcheck.
static class Definition
{
    static readonly Network Net = new("db");
    static readonly Healthcheck Ready = new(HealthcheckTest.Exec("pg_isready"));
    static readonly Service Db = new Service("db").WithImage("postgres:17.2").WithRestart(RestartPolicy.UnlessStopped).WithNetworks(Net);
    static readonly Service Api = new Service("api").WithImage("example/api:1.0").WithRestart(RestartPolicy.UnlessStopped).WithNetworks(Net);

    static Service Current => Db;

    static Definition()
    {
        Db = Current.WithHealthcheck(Ready);
        Api = Api.DependsOn(Current, DependencyCondition.ServiceHealthy);
    }

    public static ComposeStack Build() => new ComposeStack("s").WithServices(Db, Api);
}
