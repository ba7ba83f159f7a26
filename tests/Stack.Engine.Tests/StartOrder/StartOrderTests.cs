using System.Globalization;
using System.Text.Json;
using Stack.Engine.Tests.Infrastructure;
using Stack.Samples.Drill;
using Xunit.Abstractions;

namespace Stack.Engine.Tests.StartOrder;

/// <summary>
/// The drill sample's depends_on, judged from the engine's own records: the migration job starts
/// once the database's healthcheck has passed, the app once the job has exited 0, and
/// <c>down</c> stops the app before the database.
/// </summary>
[Trait("Category", "Engine")]
public sealed class StartOrderTests(ITestOutputHelper log)
{
    [SkippableFact]
    public void Services_start_after_what_they_wait_on_and_stop_before_it()
    {
        DockerEngine.Require(DrillStack.Images.MariaDb, DrillStack.Images.Tools);
        using var repository = new TemporaryFolder();
        using var files = new GeneratedFolder(DrillStack.Build(), GeneratedFolder.Recorded("Stack.DrillDirectory"));
        using var timing = new TemporaryFolder();
        using var compose = new ComposeProject(DrillStack.ProjectName, files.Folder, ["docker-compose.yml", PatientHealthchecks.Write(timing.Path, "mysql")], new Dictionary<string, string>
        {
            ["MYSQL_ROOT_PASSWORD"] = "order-root-password",
            ["RESTIC_PASSWORD"] = "order-restic-password",
            ["BACKUP_REPOSITORY_DIR"] = repository.Path,
        });

        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        compose.Ok("up", "-d");

        var database = DockerEngine.Inspect("drill-mysql").GetProperty("State");
        var migrate = DockerEngine.Inspect(compose.ContainerOf(DrillStack.Migrate.Name)).GetProperty("State");
        var app = DockerEngine.Inspect("drill-app").GetProperty("State");

        // When the database first turned healthy, from the engine's events: the Health log keeps
        // only the last five checks, so on a slow start the first passing one has left it.
        var healthyEvents = DockerEngine.DockerOk("events", "--since", since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                "--until", DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                "--filter", "container=drill-mysql", "--filter", "event=health_status: healthy", "--format", "{{.TimeNano}}")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(healthyEvents.Length > 0, $"the engine recorded no healthy status for the database\n{compose.Explain()}");
        var healthy = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(healthyEvents[0], CultureInfo.InvariantCulture) / 1_000_000);
        log.WriteLine($"database started {Time(database, "StartedAt"):HH:mm:ss.fff}, first healthy check ended {healthy:HH:mm:ss.fff}");
        log.WriteLine($"migrate ran {Time(migrate, "StartedAt"):HH:mm:ss.fff} to {Time(migrate, "FinishedAt"):HH:mm:ss.fff}, exit {migrate.GetProperty("ExitCode")}");
        log.WriteLine($"app started {Time(app, "StartedAt"):HH:mm:ss.fff}");

        Assert.True(migrate.GetProperty("ExitCode").GetInt32() == 0, $"the migration job failed\n{compose.Explain()}");
        Assert.True(Time(migrate, "StartedAt") >= healthy, "the migration job started before the database was healthy");
        Assert.True(Time(app, "StartedAt") >= healthy, "the app started before the database was healthy");
        Assert.True(Time(app, "StartedAt") >= Time(migrate, "FinishedAt"), "the app started before the migration job finished");
        Assert.True(app.GetProperty("Running").GetBoolean(), $"the app is not running (it reads the migrated table at start)\n{compose.Explain()}");

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        compose.Ok("down", "--timeout", "3");
        var stops = DockerEngine.DockerOk("events", "--since", before.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                "--until", DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                "--filter", "type=container", "--filter", "event=die", "--format", "{{.Actor.Attributes.name}}")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        log.WriteLine($"stopped in order: {string.Join(", ", stops)}");
        Assert.True(stops.IndexOf("drill-app") is >= 0 and var appStop && appStop < stops.IndexOf("drill-mysql"), $"down stopped the database before the app: {string.Join(", ", stops)}");
    }

    /// <summary>A Docker timestamp (RFC 3339 with nanoseconds, more than .NET parses).</summary>
    private static DateTimeOffset Time(JsonElement state, string property)
    {
        var text = state.GetProperty(property).GetString()!;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var zone = text.IndexOfAny(['Z', '+', '-'], dot < 0 ? 0 : dot);
        if (dot >= 0 && zone - dot > 8)
        {
            text = text[..(dot + 8)] + text[zone..];
        }

        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }
}
