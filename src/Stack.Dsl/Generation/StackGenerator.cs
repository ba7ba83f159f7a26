using Stack.Dsl.Compose;
using Stack.Dsl.Validation;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Generation;

/// <summary>Validates a stack and renders its files. Pure: it writes nothing to disk.</summary>
public static class StackGenerator
{
    /// <summary>The compose file's name in the output folder.</summary>
    public const string ComposeFileName = "docker-compose.yml";

    /// <summary>
    /// Validates <paramref name="stack"/> and, when it is valid, renders every output file.
    /// With any diagnostic, no file is rendered.
    /// </summary>
    public static GenerationResult Generate(ComposeStack stack, GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(options);

        var diagnostics = StackValidator.Validate(stack, options.ProjectDirectory);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new GenerationResult(diagnostics, new Dictionary<string, string>(StringComparer.Ordinal), []);
        }

        // One pass writes the YAML and collects every variable it references.
        // Plain dictionaries, sorted once at the end: SortedDictionary's generic code over
        // KeyValuePair is not precompiled and costs start-up time.
        var variables = new Dictionary<string, Variable>(StringComparer.Ordinal);
        var yaml = YamlWriter.Write(
            ComposeDocument.Build(stack, options),
            [GenerationOptions.FirstHeaderLine, .. options.HeaderComments],
            scalar =>
            {
                foreach (var variable in scalar.Variables)
                {
                    variables.TryAdd(variable.Name, variable);
                }
            });
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { [ComposeFileName] = yaml };
        return new GenerationResult(diagnostics, files, [.. variables.Values.OrderBy(v => v.Name, StringComparer.Ordinal)]);
    }
}

/// <summary>What generating a stack produced.</summary>
/// <param name="Diagnostics">Every problem found; when any is an error, <paramref name="Files"/> is empty.</param>
/// <param name="Files">File name to content.</param>
/// <param name="Variables">Every <c>${VAR}</c> the stack needs, sorted by name.</param>
public sealed record GenerationResult(
    IReadOnlyList<StackDiagnostic> Diagnostics,
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyList<Variable> Variables)
{
    /// <summary>Whether the stack was valid and its files rendered.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
