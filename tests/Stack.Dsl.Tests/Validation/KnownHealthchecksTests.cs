using Stack.Dsl.Compose;
using Stack.Dsl.Validation;
using Stack.Rules;
using Stack.Testing;

namespace Stack.Dsl.Tests.Validation;

/// <summary>The shared table of readiness probes STK0219's message and code fix advise.</summary>
public sealed class KnownHealthchecksTests
{
    public static TheoryData<string, string> Images => new()
    {
        { "postgres:17.2", "pg_isready" },
        { "docker.io/library/postgres:17.2-alpine", "pg_isready" },
        { "library/mariadb:11.4", "healthcheck.sh" },
        { "mysql:8.4@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "mysqladmin" },
        { "index.docker.io/library/redis:7.4", "redis-cli" },
        { "valkey/valkey:8", "valkey-cli" },
        { "rabbitmq:4-management", "rabbitmq-diagnostics" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Official_images_are_known_in_every_spelling(string image, string program)
    {
        var known = Assert.IsType<KnownHealthcheck>(KnownHealthchecks.For(image));

        Assert.StartsWith(program, known.Shell ?? known.Exec![0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bitnami/postgresql:17")] // another image, other variables and paths
    [InlineData("example/redis:1")]
    [InlineData("postgresql:17")]
    [InlineData("nginx:1.27")]
    [InlineData("")]
    public void Other_images_are_not(string image) => Assert.Null(KnownHealthchecks.For(image));

    /// <summary>The reader: compose reads each probe as written, the $ of a shell probe left to the container's shell.</summary>
    [SkippableFact]
    public void Compose_reads_every_probe_as_the_container_runs_it()
    {
        DockerCompose.RequireInstalled();
        var services = Images.Select(row => (string)row[0]).Select((image, i) => Emit.Minimal($"s{i}").WithImage(image)
            .WithHealthcheck(Healthcheck(KnownHealthchecks.For(image)!))).ToArray();

        var config = DockerCompose.Config([("docker-compose.yml", Emit.Yaml(services))], []);

        // config prints a literal $ escaped, as $$: compose interpolated nothing, so the container's shell gets ${POSTGRES_USER:-postgres}.
        Assert.Contains("pg_isready -h 127.0.0.1 -U \"$${POSTGRES_USER:-postgres}\" -d \"$${POSTGRES_DB:-$${POSTGRES_USER:-postgres}}\"", config, StringComparison.Ordinal);
        Assert.Contains("redis-cli ping | grep -q PONG", config, StringComparison.Ordinal);
        Assert.Contains("- --innodb_initialized", config, StringComparison.Ordinal);
    }

    /// <summary>The message names the probe as C# the user can paste: the same text the table's Code makes.</summary>
    [Fact]
    public void The_message_advises_the_probe_the_code_fix_writes()
    {
        var db = Emit.Minimal("db").WithImage("mariadb:11.4").WithRestart(RestartPolicy.Always);
        var app = Emit.Minimal("app").WithRestart(RestartPolicy.Always).DependsOn(db, DependencyCondition.ServiceHealthy);

        var error = Assert.Single(StackValidator.Validate(new ComposeStack("s").WithServices(db, app)), d => d.Id == "STK0219");

        Assert.Contains(".WithHealthcheck(new Healthcheck(HealthcheckTest.Exec(\"healthcheck.sh\", \"--connect\", \"--innodb_initialized\")))", error.Message, StringComparison.Ordinal);
    }

    private static Healthcheck Healthcheck(KnownHealthcheck known) =>
        new(known.Shell is { } shell ? HealthcheckTest.Shell(shell) : HealthcheckTest.Exec(known.Exec!.Select(a => (Stack.Dsl.Values.ComposeString)a)));
}
