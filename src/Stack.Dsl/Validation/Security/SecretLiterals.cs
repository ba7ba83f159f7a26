using Stack.Dsl.Compose;
using Stack.Dsl.Values;
using Stack.Dsl.Validation.Text;
using Stack.Rules;

namespace Stack.Dsl.Validation.Security;

/// <summary>
/// STK0100 over every text the definition writes: the text inventory (<see cref="TextInventory"/>)
/// walked through the one decision (<see cref="SecretText"/>), each text with the variable, key or
/// option it is the value of. A new field of the model is covered by its line in the inventory.
/// </summary>
internal static class SecretLiterals
{
    /// <summary>
    /// What holds a literal secret in a service's texts: the name a user accepts it by
    /// (<see cref="Service.AcceptLiteralSecret"/>: a key, variable or flag), and how the rule's message names it.
    /// </summary>
    public static IEnumerable<SecretLiteral> In(Service service, IEnumerable<TextField> texts)
    {
        var found = new List<SecretLiteral>();
        var variables = VariablesIn(service).ToList();
        foreach (var field in WithCommandLines(texts))
        {
            foreach (var holding in SecretText.Find(field.Key, field.Value))
            {
                // A text the inventory places apart from the service (set by a call of its own: a healthcheck, a mount) is reported there.
                var placed = field.Location.Equals(service.Location) ? (SourceLocation?)null : field.Location;
                found.Add(new SecretLiteral(holding.Subject.Length > 0 ? holding.Subject : field.Field, What(field, holding)) { At = DefaultSite(variables, holding) ?? placed });
            }
        }

        // A variable declared secret whose name does not say so: its compose default is a literal all the same.
        foreach (var variable in variables.Where(v => v.IsSecret && !SecretNames.LooksSecret(v.Name) && v.Form is VariableForm.DefaultIfUnset or VariableForm.DefaultIfUnsetOrEmpty))
        {
            if (SecretNames.CouldBeSecret(variable.Name, variable.Fallback!))
            {
                found.Add(new SecretLiteral(variable.Name, $"the default of {variable.Reference}") { At = variable.FallbackLocation });
            }
        }

        return found.DistinctBy(f => f.Subject, StringComparer.Ordinal);
    }

    /// <summary>How the message names what holds the secret: the variable itself for an environment value, else the field and the form.</summary>
    private static string What(TextField field, SecretHolding holding) => holding.Form switch
    {
        SecretForm.Value when field.Field.StartsWith("environment ", StringComparison.Ordinal) => holding.Subject,
        SecretForm.Value => field.Field,
        SecretForm.UrlPassword => $"a password in the URL of its {field.Field}",
        SecretForm.Default => $"the default of {holding.Shown}",
        SecretForm.Flag => $"the argument {holding.Shown}",
        _ => $"{holding.Shown} in its {field.Field}",
    };

    /// <summary>
    /// The texts, and each exec command line joined into one (its arguments in order), so a flag and
    /// its value in two arguments (<c>"--password", "hunter2"</c>) are read together.
    /// </summary>
    private static IEnumerable<TextField> WithCommandLines(IEnumerable<TextField> texts)
    {
        var lines = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var first = new Dictionary<string, TextField>(StringComparer.Ordinal);
        foreach (var field in texts)
        {
            if (!field.Field.EndsWith(" argument", StringComparison.Ordinal))
            {
                yield return field;
                continue;
            }

            if (!lines.TryGetValue(field.Field, out var words))
            {
                lines[field.Field] = words = [];
                first[field.Field] = field;
            }

            words.Add(field.Value.Contains(' ', StringComparison.Ordinal) ? "\"" + field.Value + "\"" : field.Value);
        }

        foreach (var (name, words) in lines)
        {
            yield return first[name] with { Field = name[..^" argument".Length], Value = string.Join(' ', words) };
        }
    }

    /// <summary>
    /// Literal secrets outside services: in networks', volumes', secrets' and configs' texts, variables' descriptions and defaults (.env.example), the stack's extensions, the proxy's and the backup plan's.
    /// A network or volume accepts one by name (<see cref="Network.AcceptLiteralSecret"/>), as a service does.
    /// </summary>
    public static IEnumerable<StackDiagnostic> InResources(ComposeStack stack, IEnumerable<TextField> inventory)
    {
        var variables = VariablesOutsideServices(stack);
        var resources = Resources(stack);
        foreach (var field in inventory.Where(f => !f.Owner.StartsWith("Service '", StringComparison.Ordinal)))
        {
            var resource = resources.GetValueOrDefault(field.Owner);
            foreach (var holding in SecretText.Find(field.Key, field.Value).DistinctBy(h => h.Subject, StringComparer.Ordinal))
            {
                var subject = ResourceSubject(field, holding);
                if (resource is not null && resource.AcceptsLiteralSecret(subject))
                {
                    continue;
                }

                var form = holding.Form == SecretForm.Value ? string.Empty : $" ({holding.Shown})";
                var accept = resource is null ? string.Empty : $"; if it is not a secret, .AcceptLiteralSecret(\"{subject}\", \"why\") on the {resource.GetType().Name.ToLowerInvariant()} accepts that one alone";
                yield return new StackDiagnostic(RuleIds.LiteralSecret,
                    $"{field.Owner} holds a literal secret in its {field.Field}{form}, which would land in git with generated/. Use a variable (Variable.Secret(\"NAME\")) so the value lives only in the server's .env{accept}.",
                    DefaultSite(variables, holding) ?? field.Location);
            }
        }
    }

    /// <summary>
    /// Each literal secret a network or volume holds without accepting it: the resource ("Network 'x'")
    /// and the name it is accepted by. The importer accepts exactly these (docs/import.md).
    /// </summary>
    public static IEnumerable<(ComposeResource Resource, string Subject)> UnacceptedInResources(ComposeStack stack, IEnumerable<TextField> inventory)
    {
        var resources = Resources(stack);
        foreach (var field in inventory)
        {
            if (resources.GetValueOrDefault(field.Owner) is not { } resource)
            {
                continue;
            }

            foreach (var holding in SecretText.Find(field.Key, field.Value).DistinctBy(h => h.Subject, StringComparer.Ordinal))
            {
                var subject = ResourceSubject(field, holding);
                if (!resource.AcceptsLiteralSecret(subject))
                {
                    yield return (resource, subject);
                }
            }
        }
    }

    /// <summary>The name a resource's secret is accepted by: the key or assignment that holds it, else the field (a URL's password).</summary>
    private static string ResourceSubject(TextField field, SecretHolding holding) => holding.Subject.Length > 0 ? holding.Subject : field.Field;

    /// <summary>The stack's networks and volumes by the owner name the text inventory gives them.</summary>
    private static Dictionary<string, ComposeResource> Resources(ComposeStack stack)
    {
        var resources = new Dictionary<string, ComposeResource>(StringComparer.Ordinal);
        foreach (var resource in StackResourcesOf.Networks(stack).Cast<ComposeResource>().Concat(StackResourcesOf.Volumes(stack)))
        {
            resources.TryAdd($"{resource.GetType().Name} '{resource.Name}'", resource);
        }

        return resources;
    }

    /// <summary>
    /// A compose default (<c>${NAME:-hunter2}</c>) is reported where it was written, the
    /// <see cref="Variable.OrDefault(string, string, int)"/> call, not where the text holding it was.
    /// </summary>
    private static SourceLocation? DefaultSite(IReadOnlyList<Variable> variables, SecretHolding holding) =>
        holding.Form == SecretForm.Default && variables.FirstOrDefault(v => v.Reference == holding.Shown) is { } variable && variable.FallbackLocation.IsKnown
            ? variable.FallbackLocation
            : null;

    /// <summary>The variables of the texts outside services that carry compose forms: the stack's declarations and the middlewares' addresses.</summary>
    private static List<Variable> VariablesOutsideServices(ComposeStack stack)
    {
        var middlewares = stack.Services.SelectMany(s => s.DefinedMiddlewares)
            .Concat(stack.Traefik is { } proxy ? Generation.Traefik.TraefikWiring.UsedMiddlewares(stack, proxy) : []);
        return [.. stack.Variables.Concat(middlewares.OfType<Traefik.ForwardAuthMiddleware>().SelectMany(m => m.Address.Variables)).SelectMany(WithNested)];
    }

    private static IEnumerable<Variable> WithNested(Variable variable) => variable.FallbackVariables.SelectMany(WithNested).Prepend(variable);

    /// <summary>Every variable a service's texts refer to, read from the service (the inventory holds their references as text).</summary>
    private static IEnumerable<Variable> VariablesIn(Service service) =>
        service.Environment.Values.OfType<TextEnvironmentValue>().Select(t => t.Value)
            .Concat(service.Labels.Values)
            .Concat(service.Build?.Args.Values ?? [])
            .SelectMany(text => text.Variables)
            .Concat(CommandVariables(service.Command)).Concat(CommandVariables(service.Entrypoint))
            .SelectMany(WithNested)
            .DistinctBy(v => v.Reference);

    private static IEnumerable<Variable> CommandVariables(CommandLine? command) => command switch
    {
        ExecCommandLine exec => exec.Arguments.SelectMany(a => a.Variables),
        ShellCommandLine shell => shell.Command.Variables,
        _ => [],
    };

    /// <summary>Variables that look secret but are not declared secret and carry a default: .env.example would list the value.</summary>
    public static IEnumerable<StackDiagnostic> InVariables(ComposeStack stack) =>
        stack.Variables.DistinctBy(v => v.Name)
            .Where(v => !v.IsSecret && SecretNames.LooksSecret(v.Name) && v.Default is { } value && SecretNames.CouldBeSecret(v.Name, value))
            .Select(v => new StackDiagnostic(RuleIds.LiteralSecret,
                $"Variable {v.Name} looks like a secret but is declared with a default, which .env.example (committed with generated/) would list. Declare it with Variable.Secret(\"{v.Name}\", ...) and no default, so its value lives only in the server's .env.",
                v.Location.Or(stack.Location)));
}

/// <summary>A literal secret found in a service: the name a user accepts it by, and how the message names it.</summary>
/// <param name="Subject">The key, variable or flag (<see cref="Service.AcceptLiteralSecret"/>).</param>
/// <param name="What">Where it is, for the message.</param>
// A class, not a tuple: Distinct over a tuple is generic code the runtime compiles at start-up.
internal sealed record SecretLiteral(string Subject, string What)
{
    /// <summary>Where the secret was written when that is not the text's own call (a variable's default: its <c>OrDefault</c>); null otherwise.</summary>
    public SourceLocation? At { get; init; }
}
