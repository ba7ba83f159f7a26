using Stack.Definition;
using Stack.Dsl.Compose;
using Stack.Engine.Tests.Infrastructure;
using Stack.Samples.Drill;

namespace Stack.Engine.Tests.Swarm;

/// <summary>
/// The real reader of the Swarm files: <c>docker stack config</c> (the docker CLI's own loader,
/// schema and interpolation; it needs no daemon) takes every generated Swarm file of the
/// reference stack and of the drill sample, and refuses one whose variables are not set.
/// </summary>
[Trait("Category", "Engine")]
public sealed class SwarmFilesAcceptedTests
{
    public static TheoryData<string> Stacks => ["reference", "drill"];

    [SkippableTheory]
    [MemberData(nameof(Stacks))]
    public void Docker_stack_config_takes_every_swarm_file(string which)
    {
        DockerEngine.Require();
        var (stack, directory) = Of(which);
        using var files = new GeneratedFolder(stack.WithTargets(DeployTarget.Compose, DeployTarget.Swarm), directory);
        var swarmFiles = Directory.GetFiles(Path.Combine(files.Folder, "swarm"), "*.yml").Where(f => !Path.GetFileName(f).StartsWith("traefik.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        // One file per environment that keeps the Swarm target (the reference's dev narrows itself to Compose).
        var onSwarm = Stack.Dsl.Generation.Environments.EnvironmentFiles.Resolve(stack.WithTargets(DeployTarget.Compose, DeployTarget.Swarm)).Count(e => e.Stack.Targets.Contains(DeployTarget.Swarm));
        Assert.Equal(stack.Environments.IsEmpty ? 1 : onSwarm, swarmFiles.Count);
        Assert.True(swarmFiles.Count > 0, "no Swarm file was written");
        foreach (var file in swarmFiles)
        {
            var read = Config(file, Values(stack));
            Assert.True(read.Succeeded, $"docker stack config -c {Path.GetFileName(file)} refused it: {read.Transcript}");
            Assert.Contains("services:", read.Output, StringComparison.Ordinal);

            // Swarm never reads .env: a variable left unset stops the deploy instead of becoming "".
            var unset = Config(file, Values(stack).Where(v => v.Key != stack.Variables[0].Name).ToDictionary());
            Assert.False(unset.Succeeded, $"{Path.GetFileName(file)} was read without {stack.Variables[0].Name}");
            Assert.Contains($"required variable {stack.Variables[0].Name} is missing a value", unset.Error, StringComparison.Ordinal);
        }
    }

    private static (ComposeStack Stack, string Directory) Of(string which) => which switch
    {
        "reference" => (ReferenceStack.Build(), GeneratedFolder.Recorded("Stack.DefinitionDirectory")),
        _ => (DrillStack.Build(), GeneratedFolder.Recorded("Stack.DrillDirectory")),
    };

    /// <summary>docker stack config with <paramref name="variables"/> set (on top of this process's environment, which declares none of them).</summary>
    private static CommandResult Config(string file, IReadOnlyDictionary<string, string> variables) =>
        Command.Run("docker", ["stack", "config", "-c", Path.GetFileName(file)], Path.GetDirectoryName(file), variables);

    internal static Dictionary<string, string> Values(ComposeStack stack) =>
        stack.Variables.DistinctBy(v => v.Name).ToDictionary(v => v.Name, v => $"value-of-{v.Name.ToLowerInvariant()}", StringComparer.Ordinal);
}
