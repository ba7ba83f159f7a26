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

        var diagnostics = StackValidator.Validate(stack);
        if (diagnostics.Count > 0)
        {
            return new GenerationResult(diagnostics, new SortedDictionary<string, string>(StringComparer.Ordinal), []);
        }

        var document = ComposeDocument.Build(stack, options);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [ComposeFileName] = YamlWriter.Write(document, [GenerationOptions.FirstHeaderLine, .. options.HeaderComments]),
        };
        return new GenerationResult([], files, VariablesIn(document));
    }

    /// <summary>Every variable the document references, one per name, sorted by name.</summary>
    private static IReadOnlyList<Variable> VariablesIn(YamlValue document)
    {
        var found = new SortedDictionary<string, Variable>(StringComparer.Ordinal);
        var pending = new Stack<YamlValue>([document]);
        while (pending.TryPop(out var value))
        {
            switch (value)
            {
                case YamlScalar scalar:
                    foreach (var variable in scalar.Variables)
                    {
                        found.TryAdd(variable.Name, variable);
                    }

                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        pending.Push(item);
                    }

                    break;
                case YamlMapping mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        pending.Push(entry.Value);
                    }

                    break;
            }
        }

        return [.. found.Values];
    }
}

/// <summary>What generating a stack produced.</summary>
/// <param name="Diagnostics">Every problem found; when any, <paramref name="Files"/> is empty.</param>
/// <param name="Files">File name to content, sorted by name.</param>
/// <param name="Variables">Every <c>${VAR}</c> the stack needs, sorted by name.</param>
public sealed record GenerationResult(
    IReadOnlyList<StackDiagnostic> Diagnostics,
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyList<Variable> Variables)
{
    /// <summary>Whether the stack was valid and its files rendered.</summary>
    public bool Succeeded => Diagnostics.Count == 0;
}
