using System.Diagnostics;
using Stack.Dsl.Compose;
using Stack.Engine.Tests.Infrastructure;
using Stack.Samples.Drill;
using Xunit.Abstractions;

namespace Stack.Engine.Tests.Swarm;

/// <summary>
/// The restore drill on a real (one-node) swarm: the drill sample's Swarm file, with its database,
/// app and runner pinned to the manager, is deployed; known rows and files are written; the
/// runner's task backs up as the Swarm file says (its PRE_COMMANDS find the database's task by its
/// label and dump it); the data is damaged and the stack removed, its volumes left as
/// <c>docker stack rm</c> leaves them; the generated swarm/restore.sh brings it back; the rows,
/// the file, the empty cache and a database started afresh are checked.
/// </summary>
[Trait("Category", "Engine")]
[Collection(SwarmCollection.Name)]
public sealed class SwarmRestoreDrillTests(SwarmNode swarm, ITestOutputHelper log)
{
    private const string Name = DrillStack.ProjectName;
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);
    private const string StrayPath = "/uploads/2026/stray.txt";

    private static readonly Dictionary<string, string> Variables = new(StringComparer.Ordinal)
    {
        ["MYSQL_ROOT_PASSWORD"] = "drill-root-password",
        ["RESTIC_PASSWORD"] = "drill-restic-password",
    };

    /// <summary>
    /// The drill with its stateful services and runner on one node, as STK0505/STK0506 ask. The
    /// database is reached by DNS round robin: this host's kernel has no IPVS (/proc/net/ip_vs),
    /// so a service's virtual IP resolves but routes nowhere (the wait-for timed out on it).
    /// </summary>
    private static ComposeStack Pinned()
    {
        var placement = new Deployment { Placement = new Placement { Constraints = ["node.role == manager"] } };
        var stack = DrillStack.Build();
        return stack.WithTargets(DeployTarget.Swarm) with
        {
            Services = [.. stack.Services.Select(s => s.Name switch
            {
                "mysql" => s.WithDeployment(placement with { EndpointMode = EndpointMode.Dnsrr }),
                "app" or "backup" => s.WithDeployment(placement),
                _ => s,
            })],
        };
    }

    [SkippableFact]
    public void Every_row_and_file_comes_back_on_a_swarm_through_the_generated_restore_script()
    {
        DockerEngine.Require(DrillStack.Images.MariaDb, DrillStack.Images.Tools);
        swarm.Ensure();
        var clock = Stopwatch.StartNew();
        using var files = new GeneratedFolder(Pinned(), GeneratedFolder.Recorded("Stack.DrillDirectory"));
        var repository = Directory.CreateTempSubdirectory("stack-swarm-drill-repository-");
        var variables = new Dictionary<string, string>(Variables) { ["BACKUP_REPOSITORY_DIR"] = repository.FullName };
        var stack = new StackOnSwarm(Name, variables);
        // The Compose drill and this one share the volume names (drill_VOLUME): none may be left over.
        Assert.Empty(DockerEngine.Docker(["volume", "ls", "-q", "--filter", $"name=^{Name}_"]).Output.Trim());
        try
        {
            Step(stack, "deploy the Swarm file", () => stack.DeployOk(files.PathOf("swarm/docker-stack.yml")));

            Step(stack, "write known rows and files", () =>
            {
                // The migrate job ran while the database was starting: depends_on is not honoured
                // on Swarm (STK0504) and its restart policy is none, so the schema is made here.
                WaitFor(stack, "mysql is healthy", () => Healthy("mysql"));
                Sql("CREATE DATABASE IF NOT EXISTS drill; CREATE TABLE IF NOT EXISTS drill.notes (id INT PRIMARY KEY, body TEXT); INSERT INTO drill.notes VALUES (1, 'first note'), (2, 'second note, with ''quotes''')");
                WaitFor(stack, "app writes its upload", () => TryExec("app", $"mkdir -p /uploads/2026 && printf '{Drill.RestoreDrill.UploadContent}' > {Drill.RestoreDrill.UploadPath} && printf x > /cache/thumbnail"));
            });

            var snapshot = Array.Empty<string>();
            Step(stack, "back up in the runner's task, as the Swarm file says", () =>
            {
                // What Compose's PRE_COMMANDS say does not reach the database on Swarm: no container has its name.
                Assert.False(DockerEngine.Docker(["exec", Task("backup"), "docker", "exec", "drill-mysql", "true"]).Succeeded, "a task's container answered to its container_name");
                log.WriteLine(DockerEngine.DockerOk("exec", Task("backup"), "backup"));
                snapshot = DockerEngine.DockerOk("exec", Task("backup"), "restic", "ls", "latest").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            });
            Assert.Contains("/docker/volumes/drill_mysql-dump/_data/all-databases.sql", snapshot);
            Assert.Contains("/docker/volumes/drill_uploads/_data" + Drill.RestoreDrill.UploadPath["/uploads".Length..], snapshot);
            Assert.DoesNotContain(snapshot, path => path.StartsWith("/docker/volumes/drill_mysql-data/", StringComparison.Ordinal));
            Assert.DoesNotContain(snapshot, path => path.StartsWith("/docker/volumes/drill_cache/", StringComparison.Ordinal));

            Step(stack, "damage the data, then remove the stack (its volumes stay, as docker stack rm leaves them)", () =>
            {
                Sql("DELETE FROM drill.notes WHERE id = 2; INSERT INTO drill.notes VALUES (3, 'written after the backup')");
                Exec("app", $"rm {Drill.RestoreDrill.UploadPath} && printf stray > {StrayPath}");
                stack.Remove();
                Assert.Contains($"{Name}_mysql-data", Volumes());
            });

            Step(stack, "restore with the generated swarm/restore.sh", () =>
            {
                var deploy = $"docker stack deploy --resolve-image never --prune -c docker-stack.yml {Name}";
                var restore = Command.Run(files.PathOf("swarm/restore.sh"), [], files.PathOf("swarm"),
                    new Dictionary<string, string>(variables) { ["DEPLOY"] = deploy }, Budget - clock.Elapsed);
                log.WriteLine(restore.Transcript);
                Assert.True(restore.Succeeded, restore.Transcript);
            });

            Step(stack, "check what came back", () =>
            {
                Assert.Equal(Drill.RestoreDrill.Rows, Sql("SELECT id, body FROM drill.notes ORDER BY id").Split('\n', StringSplitOptions.RemoveEmptyEntries));
                WaitFor(stack, "app runs on the restored database", () => TryExec("app", "true"));
                Assert.Equal(Drill.RestoreDrill.UploadContent, Exec("app", $"cat {Drill.RestoreDrill.UploadPath}"));
                Assert.Equal(string.Empty, Exec("app", "ls -A /cache").Trim());
                Assert.False(TryExec("app", $"test -e {StrayPath}"), "a file written after the backup survived the restore");

                // The database started afresh on its emptied data volume (it held the damaged data); the rows came from the dump.
                Assert.Contains("empty data folder, creating the system tables", DockerEngine.DockerOk("logs", Task("mysql")), StringComparison.Ordinal);
            });
            log.WriteLine($"swarm drill: {clock.Elapsed.TotalSeconds:F1} s");
            Assert.True(clock.Elapsed < Budget, $"the drill took {clock.Elapsed.TotalSeconds:F0} s, over its {Budget.TotalMinutes} min budget");
        }
        finally
        {
            stack.Dispose();
            foreach (var volume in Volumes())
            {
                DockerEngine.Docker(["volume", "rm", volume]);
            }

            repository.Delete(recursive: true);
        }

        Assert.Empty(stack.Leftovers());
        Assert.Empty(Volumes());
    }

    /// <summary>Runs a step; a failure names it and carries the engine's account of every service.</summary>
    private void Step(StackOnSwarm stack, string name, Action action)
    {
        log.WriteLine($"swarm drill step: {name}");
        try
        {
            action();
        }
        catch (Exception failure) when (failure is not StepFailedException)
        {
            throw new StepFailedException($"Swarm restore drill step '{name}' failed:\n{failure.Message}\n{stack.Account()}");
        }
    }

    private static void WaitFor(StackOnSwarm stack, string what, Func<bool> condition) => stack.WaitUntil(what, condition);

    /// <summary>The stack's volumes on this node (Swarm labels them with the stack's namespace).</summary>
    private static string[] Volumes() =>
        DockerEngine.Docker(["volume", "ls", "-q", "--filter", $"label=com.docker.stack.namespace={Name}"]).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The running container of the service's task on this node; fails when there is none.</summary>
    private static string Task(string service)
    {
        var id = DockerEngine.Docker(["ps", "-q", "--filter", $"label=com.docker.swarm.service.name={Name}_{service}", "--filter", "status=running"]).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return id ?? throw new InvalidOperationException($"{Name}_{service} has no running task on this node");
    }

    private static bool Healthy(string service) =>
        DockerEngine.Docker(["ps", "-q", "--filter", $"label=com.docker.swarm.service.name={Name}_{service}", "--filter", "health=healthy"]).Output.Trim().Length > 0;

    private static bool TryExec(string service, string command) =>
        DockerEngine.Docker(["ps", "-q", "--filter", $"label=com.docker.swarm.service.name={Name}_{service}", "--filter", "status=running"]).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } id
        && DockerEngine.Docker(["exec", id, "sh", "-c", command]).Succeeded;

    private static string Exec(string service, string command) => DockerEngine.DockerOk("exec", Task(service), "sh", "-c", command);

    private static string Sql(string query) =>
        Exec("mysql", $"mysql --user=root --password=\"$MYSQL_ROOT_PASSWORD\" --batch --skip-column-names --execute \"{query}\"");

    private sealed class StepFailedException(string message) : Exception(message);
}
