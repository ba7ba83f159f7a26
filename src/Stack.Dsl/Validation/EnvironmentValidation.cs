using Stack.Dsl.Compose;
using Stack.Dsl.Generation.Environments;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// Validates the definition and every environment's stack. A problem an environment brings is
/// reported once, prefixed with the names of the environments that bring it; one the definition
/// has already is not repeated per environment. Every rule runs on every environment's stack by construction (the
/// whole <see cref="StackValidator"/>), and the facts that make a rule apply are the definition's
/// as well as the environment's, so an environment that strips them does not silence it.
/// </summary>
internal static class EnvironmentValidation
{
    public static IReadOnlyList<StackDiagnostic> Validate(ComposeStack definition, IReadOnlyList<ResolvedEnvironment> environments, string? projectDirectory)
    {
        var findings = new EnvironmentFindings();
        foreach (var diagnostic in StackValidator.Validate(definition with { Environments = [] }, projectDirectory))
        {
            findings.Plain(diagnostic);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (environment, stack) in environments)
        {
            if (!Text.NameGrammar.Project.Matches(environment.Name))
            {
                findings.Plain(new StackDiagnostic(
                    RuleIds.InvalidName,
                    $"The environment name '{Text.TextRules.Visible(environment.Name)}' is not valid: use only lower-case letters, digits, '-' and '_', starting with a letter or digit (it names dc.ENV.yml).",
                    environment.Location));
            }

            if (!names.Add(environment.Name))
            {
                findings.Plain(new StackDiagnostic(
                    RuleIds.DuplicateName,
                    $"Two environments are named '{Text.TextRules.Visible(environment.Name)}'; each needs its own name (it names dc.{Text.TextRules.Visible(environment.Name)}.yml).",
                    environment.Location));
            }

            foreach (var diagnostic in StackValidator.Validate(stack, projectDirectory, definition))
            {
                findings.In(environment, diagnostic);
            }
        }

        return findings.Said();
    }
}
