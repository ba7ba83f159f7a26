// Shared by Stack.Dsl (messages) and Stack.Analyzers (the STK0219/STK0005 code fixes) as a linked
// file, so the advice a message prints and the code a fix writes are the same probe.
// netstandard2.0-safe.
using System;

namespace Stack.Rules;

/// <summary>
/// Readiness probes for official images whose readiness Stack knows: each exits 0 only once the
/// server takes requests, using only what the image ships. Looked up by image reference.
/// </summary>
internal static class KnownHealthchecks
{
    // Each probe avoids the image's start-up phase: postgres and mysql first run a temporary
    // server without TCP for their init scripts, so the probes connect over TCP (127.0.0.1);
    // mariadb's own healthcheck.sh waits until InnoDB is initialized; redis and valkey answer
    // -LOADING to PING while loading their dataset, so only PONG counts. A literal $ is written
    // as $$ by the generator: the container's shell expands the variables, with the image's defaults.
    private static readonly KnownHealthcheck[] Table =
    [
        new(["postgres"], Shell: "pg_isready -h 127.0.0.1 -U \"${POSTGRES_USER:-postgres}\" -d \"${POSTGRES_DB:-${POSTGRES_USER:-postgres}}\""),
        new(["mariadb"], Exec: ["healthcheck.sh", "--connect", "--innodb_initialized"]),
        new(["mysql"], Exec: ["mysqladmin", "ping", "-h", "127.0.0.1", "--silent"]),
        new(["redis"], Shell: "redis-cli ping | grep -q PONG"),
        new(["valkey", "valkey/valkey"], Shell: "valkey-cli ping | grep -q PONG"),
        new(["rabbitmq"], Exec: ["rabbitmq-diagnostics", "-q", "ping"]),
    ];

    /// <summary>The probe for <paramref name="image"/>'s official image, or null when Stack knows none.</summary>
    /// <param name="image">An image reference such as <c>postgres:17.2</c> or <c>docker.io/library/mariadb:11</c>.</param>
    public static KnownHealthcheck? For(string? image)
    {
        if (image is null || image.Length == 0)
        {
            return null;
        }

        var repository = OfficialName(ImageReference.Parse(image).Repository);
        foreach (var entry in Table)
        {
            foreach (var name in entry.Repositories)
            {
                if (string.Equals(name, repository, StringComparison.Ordinal))
                {
                    return entry;
                }
            }
        }

        return null;
    }

    /// <summary>The repository without Docker Hub's registry and <c>library/</c> prefix: <c>docker.io/library/redis</c> is <c>redis</c>.</summary>
    private static string OfficialName(string repository)
    {
        foreach (var registry in new[] { "docker.io/", "index.docker.io/", "registry-1.docker.io/" })
        {
            if (repository.StartsWith(registry, StringComparison.Ordinal))
            {
                repository = repository.Substring(registry.Length);
                break;
            }
        }

        return repository.StartsWith("library/", StringComparison.Ordinal) ? repository.Substring("library/".Length) : repository;
    }
}

/// <summary>One known probe: a shell command or exec arguments (exactly one of them).</summary>
internal sealed record KnownHealthcheck(string[] Repositories, string? Shell = null, string[]? Exec = null)
{
    /// <summary>The probe as DSL code: <c>new Healthcheck(HealthcheckTest.Exec("a", "b"))</c>.</summary>
    public string Code => $"new Healthcheck({Test})";

    /// <summary>The test as DSL code: <c>HealthcheckTest.Shell("...")</c> or <c>HealthcheckTest.Exec(...)</c>.</summary>
    public string Test => Shell is not null
        ? $"HealthcheckTest.Shell({Quote(Shell)})"
        : $"HealthcheckTest.Exec({string.Join(", ", Array.ConvertAll(Exec!, Quote))})";

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
