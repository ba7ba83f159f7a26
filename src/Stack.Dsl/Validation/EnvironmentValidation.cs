using Stack.Dsl.Compose;
using Stack.Dsl.Generation.Environments;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// Validates the definition and every environment's stack. A problem an environment brings is
/// reported once, prefixed with the environment's name; one the definition has already is not
/// repeated per environment.
/// </summary>
internal static class EnvironmentValidation
{
    public static IReadOnlyList<StackDiagnostic> Validate(ComposeStack definition, IReadOnlyList<ResolvedEnvironment> environments, string? projectDirectory)
    {
        var found = StackValidator.Validate(definition with { Environments = [] }, projectDirectory).ToList();
        var seen = new HashSet<StackDiagnostic>(found);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (environment, stack) in environments)
        {
            if (!Text.NameGrammar.Project.Matches(environment.Name))
            {
                found.Add(new StackDiagnostic(
                    RuleIds.InvalidName,
                    $"The environment name '{Text.TextRules.Visible(environment.Name)}' is not valid: use only lower-case letters, digits, '-' and '_', starting with a letter or digit (it names dc.ENV.yml).",
                    environment.Location));
            }

            if (!names.Add(environment.Name))
            {
                found.Add(new StackDiagnostic(
                    RuleIds.DuplicateName,
                    $"Two environments are named '{Text.TextRules.Visible(environment.Name)}'; each needs its own name (it names dc.{Text.TextRules.Visible(environment.Name)}.yml).",
                    environment.Location));
            }

            foreach (var diagnostic in StackValidator.Validate(stack, projectDirectory))
            {
                if (seen.Add(diagnostic))
                {
                    found.Add(diagnostic with { Message = $"In environment '{environment.Name}' ({environment.Location}): {diagnostic.Message}" });
                }
            }
        }

        return found;
    }
}
