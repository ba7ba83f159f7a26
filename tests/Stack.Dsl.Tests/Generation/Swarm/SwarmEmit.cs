using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Validation;
using YamlDotNet.RepresentationModel;

namespace Stack.Dsl.Tests.Generation.Swarm;

/// <summary>Generates a stack for Compose and Swarm and reads the Swarm file back with a YAML parser.</summary>
internal static class SwarmEmit
{
    public const string FileName = "swarm/docker-stack.yml";

    /// <summary>Every file, for both targets, with <paramref name="project"/> as the definition's folder when given.</summary>
    public static GenerationResult Generate(ComposeStack stack, string? project = null)
    {
        stack = stack with { Services = [.. stack.Services.Select(Emit.AcceptingEveryRisk)] };
        var options = project is null ? Emit.Options : Emit.Options with { ProjectDirectory = project };
        var declared = StackGenerator.Generate(stack.WithTargets(DeployTarget.Compose, DeployTarget.Swarm), options);

        // Declare whatever ${VAR} the stack uses (VariablesTests covers declaring).
        var undeclared = declared.Diagnostics.Where(d => d.Id == "STK0214").Select(d => d.Message.Split("${")[1].Split('}')[0]).ToList();
        return undeclared.Count == 0
            ? declared
            : StackGenerator.Generate(stack.WithVariables(undeclared.Select(n => new Stack.Dsl.Values.Variable(n))).WithTargets(DeployTarget.Compose, DeployTarget.Swarm), options);
    }

    public static IReadOnlyDictionary<string, string> Files(ComposeStack stack, string? project = null)
    {
        var result = Generate(stack, project);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result.Files;
    }

    /// <summary>The Swarm file, parsed.</summary>
    public static YamlMappingNode Document(ComposeStack stack, string? project = null) => Parse(Files(stack, project)[FileName]);

    public static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>The node at a path of keys (a number indexes a sequence); null when missing.</summary>
    public static YamlNode? At(this YamlNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var step in path)
        {
            current = current switch
            {
                YamlMappingNode mapping => mapping.Children.TryGetValue(new YamlScalarNode(step), out var child) ? child : null,
                YamlSequenceNode sequence when int.TryParse(step, out var index) && index < sequence.Children.Count => sequence.Children[index],
                _ => null,
            };
        }

        return current;
    }

    public static string? Text(this YamlNode node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    /// <summary>The STK0540 refusals of a stack.</summary>
    public static IReadOnlyList<StackDiagnostic> Refusals(ComposeStack stack, string? project = null) =>
        [.. Generate(stack, project).Diagnostics.Where(d => d.Id == "STK0540")];
}
