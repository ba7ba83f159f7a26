using System.Text.Json;

namespace Stack.Engine.Tests.Infrastructure;

/// <summary>
/// The Docker engine and its CLI. Tests call <see cref="Require"/> first: without an engine (or
/// the locally built images) they skip with the reason, except in CI (<c>CI=true</c>), where
/// <c>.ci/run</c> starts dockerd and builds the images, so a missing one is a failure.
/// </summary>
internal static class DockerEngine
{
    private static readonly Lazy<string?> Unavailable = new(() =>
    {
        try
        {
            var info = Command.Run("docker", ["info", "--format", "{{.ServerVersion}}"], timeout: TimeSpan.FromSeconds(30));
            return info.Succeeded ? null : $"no Docker engine answers `docker info` ({info.Error.Trim()}); start dockerd";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "the docker CLI is not installed (apt-get install -y docker.io)";
        }
    });

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (or, in CI, fails) unless the engine answers, docker-compose is there and every image exists.</summary>
    public static void Require(params string[] images)
    {
        var problem = Unavailable.Value
            ?? (ComposeMissing.Value ? "docker-compose is not installed (apt-get install -y docker-compose)" : null)
            ?? images.Where(image => !Docker(["image", "inspect", image]).Succeeded)
                .Select(image => $"image {image} is missing: run tests/Stack.Engine.Tests/Images/build-images.sh")
                .FirstOrDefault();
        if (problem is null)
        {
            return;
        }

        Assert.False(InCi, $"CI must provide the engine tests' needs: {problem}.");
        Skip.If(true, $"Engine test skipped: {problem}.");
    }

    private static readonly Lazy<bool> ComposeMissing = new(() =>
    {
        try
        {
            return !Command.Run("docker-compose", ["version", "--short"]).Succeeded;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return true;
        }
    });

    public static CommandResult Docker(IEnumerable<string> arguments, TimeSpan? timeout = null) =>
        Command.Run("docker", arguments, timeout: timeout);

    /// <summary>Runs docker and fails the test with its output when it fails.</summary>
    public static string DockerOk(params string[] arguments)
    {
        var result = Docker(arguments);
        Assert.True(result.Succeeded, $"docker {string.Join(' ', arguments)} failed: {result.Transcript}");
        return result.Output;
    }

    /// <summary><c>docker inspect</c> of one object.</summary>
    public static JsonElement Inspect(string nameOrId) =>
        JsonDocument.Parse(DockerOk("inspect", nameOrId)).RootElement[0].Clone();

    /// <summary>Names of the engine's objects of one kind (container, volume, network) carrying a compose project's label.</summary>
    public static IReadOnlyList<string> ProjectObjects(string kind, string project)
    {
        string[] arguments = kind == "container"
            ? ["ps", "-a", "--format", "{{.Names}}"]
            : [kind, "ls", "--format", "{{.Name}}"];
        return [.. DockerOk([.. arguments, "--filter", $"label=com.docker.compose.project={project}"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }
}
