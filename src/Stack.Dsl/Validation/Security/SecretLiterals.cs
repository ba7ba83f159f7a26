using System.Collections.Immutable;
using Stack.Dsl.Compose;
using Stack.Dsl.Values;
using Stack.Dsl.Validation.Text;
using Stack.Rules;

namespace Stack.Dsl.Validation.Security;

/// <summary>
/// STK0100 beyond environment variables: every route a literal secret takes into generated/ —
/// a password in a URL anywhere (<c>postgres://app:hunter2@db</c>), a secret-named label or build
/// arg, a <c>--password=...</c> argument of a command, entrypoint or healthcheck, and a variable
/// whose name says secret but which is declared with a default (written into .env.example).
/// </summary>
internal static class SecretLiterals
{
    /// <summary>
    /// What holds a literal secret in <paramref name="service"/>: the name a user accepts it by
    /// (<see cref="Service.AcceptLiteralSecret"/>: a key, variable or flag), and how the rule's message names it.
    /// </summary>
    public static IEnumerable<SecretLiteral> In(Service service, IEnumerable<TextField> texts) =>
        Each(service, texts).Distinct();

    private static IEnumerable<SecretLiteral> Each(Service service, IEnumerable<TextField> texts)
    {
        foreach (var field in texts)
        {
            if (HasUrlPassword(field.Value))
            {
                yield return new SecretLiteral(KeyOf(field, UrlHolders) ?? field.Field, $"a password in the URL of its {field.Field}");
            }
            else if (IsKeyedSecret(field))
            {
                yield return new SecretLiteral(KeyOf(field, KeyedFields)!, field.Field);
            }
        }

        // ${DB_PASSWORD:-hunter2}: the default is a literal in the compose file, whatever the variable's declaration says.
        foreach (var variable in VariablesIn(service).Where(v => v.Form is VariableForm.DefaultIfUnset or VariableForm.DefaultIfUnsetOrEmpty))
        {
            if ((variable.IsSecret || SecretNames.LooksSecret(variable.Name)) && SecretNames.CouldBeSecret(variable.Name, variable.Fallback!))
            {
                yield return new SecretLiteral(variable.Name, $"the default of {variable.Reference}");
            }
        }

        foreach (var (key, value) in service.Labels)
        {
            if (SecretNames.LooksSecret(key) && IsLiteralSecret(key, value))
            {
                yield return new SecretLiteral(key, $"label {key}");
            }
        }

        foreach (var (key, value) in service.Build?.Args ?? ImmutableSortedDictionary<string, ComposeString>.Empty)
        {
            if (SecretNames.LooksSecret(key) && IsLiteralSecret(key, value))
            {
                yield return new SecretLiteral(key, $"build arg {key}");
            }
        }

        foreach (var flag in Arguments(service.Command).Concat(Arguments(service.Entrypoint)).Concat(HealthcheckArguments(service)).SelectMany(SecretFlags).Distinct(StringComparer.Ordinal))
        {
            yield return new SecretLiteral(flag.Split('=', ' ')[0], $"the argument {flag}");
        }
    }

    /// <summary>
    /// The field prefixes under which the inventory names a value by its key (logging options,
    /// escape-hatch fields and extensions, driver options, labels, annotations, ...): a secret-looking
    /// key with a literal, secret-looking value is a secret in git, wherever it is written.
    /// </summary>
    private static readonly string[] KeyedFields =
    [
        "logging option ", "field ", "extension ", "driver option ", "label ", "annotation ", "sysctl ", "storage option ",
        "deploy label ", "build label ", "ipam option ", "device option ", "option ",
    ];

    /// <summary>Fields whose key names what holds a URL's password, beyond <see cref="KeyedFields"/> (their own rule judges their keys).</summary>
    private static readonly string[] UrlHolders = [.. KeyedFields, "environment ", "build arg "];

    /// <summary>The key a keyed field names ("environment DB_URL" is DB_URL); null for a field without one (a command argument).</summary>
    private static string? KeyOf(TextField field, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (field.Field.StartsWith(prefix, StringComparison.Ordinal) && !field.Field.EndsWith(" key", StringComparison.Ordinal))
            {
                return field.Field[prefix.Length..].Split(' ')[^1];
            }
        }

        return null;
    }

    private static bool IsKeyedSecret(TextField field) =>
        KeyOf(field, KeyedFields) is { } key
        && SecretNames.LooksSecret(key) && !field.Value.Contains("${", StringComparison.Ordinal) && SecretNames.CouldBeSecret(key, field.Value);

    /// <summary>Literal secrets outside services: in networks', volumes', secrets' and configs' options and labels, and in the stack's extensions.</summary>
    public static IEnumerable<StackDiagnostic> InResources(ComposeStack stack, IEnumerable<TextField> inventory) =>
        inventory.Where(f => !f.Owner.StartsWith("Service '", StringComparison.Ordinal) && (HasUrlPassword(f.Value) || IsKeyedSecret(f)))
            .Select(f => new StackDiagnostic(RuleIds.LiteralSecret,
                $"{f.Owner} holds a literal secret in its {f.Field}, which would land in git with generated/. Use a variable (Variable.Secret(\"NAME\")) so the value lives only in the server's .env.",
                f.Location));

    /// <summary>Every variable a service's compose text refers to.</summary>
    private static IEnumerable<Variable> VariablesIn(Service service) =>
        service.Environment.Values.OfType<TextEnvironmentValue>().Select(t => t.Value)
            .Concat(service.Labels.Values)
            .Concat(service.Build?.Args.Values ?? [])
            .SelectMany(text => text.Variables)
            .Concat(CommandVariables(service.Command)).Concat(CommandVariables(service.Entrypoint))
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
                stack.Location));

    /// <summary><c>--password=x</c>, or <c>--password x</c> (the flag, then the value as the next argument).</summary>
    /// <param name="arguments">The words; null where a word holds a variable (its value is not known here).</param>
    internal static IEnumerable<string> SecretFlags(IReadOnlyList<string?> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is not { } text || !text.StartsWith('-'))
            {
                continue;
            }

            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var flag = (equals < 0 ? text : text[..equals]).TrimStart('-');
            if (!SecretNames.LooksSecret(flag))
            {
                continue;
            }

            if (equals >= 0 && SecretNames.CouldBeSecret(flag, text[(equals + 1)..]))
            {
                yield return $"{text[..equals]}=...";
            }
            else if (equals < 0 && i + 1 < arguments.Count && arguments[i + 1] is { } next && !next.StartsWith('-') && SecretNames.CouldBeSecret(flag, next))
            {
                yield return $"{text} ...";
            }
        }
    }

    private static bool IsLiteralSecret(string key, ComposeString value) => value.IsLiteral && SecretNames.CouldBeSecret(key, value.ToString());

    private static IEnumerable<IReadOnlyList<string?>> Arguments(CommandLine? command) => command switch
    {
        ExecCommandLine exec => [Literals(exec.Arguments)],
        ShellCommandLine shell => [Words(shell.Command)],
        _ => [],
    };

    private static IEnumerable<IReadOnlyList<string?>> HealthcheckArguments(Service service) => service.Healthcheck?.Test switch
    {
        ExecHealthcheckTest exec => [Literals(exec.Arguments)],
        ShellHealthcheckTest shell => [Words(shell.Command)],
        _ => [],
    };

    private static string?[] Literals(IEnumerable<ComposeString> arguments) => [.. arguments.Select(a => a.IsLiteral ? a.ToString() : null)];

    /// <summary>A shell command's words, split at spaces, quotes trimmed; null for a word holding a variable.</summary>
    private static string?[] Words(ComposeString command) =>
        [.. TextInventory.Literal(command)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.Contains("${", StringComparison.Ordinal) ? null : word.Trim('"', '\''))];

    /// <summary>
    /// Whether the text holds <c>scheme://user:password@host</c> with a password that is not a
    /// variable. By hand, not a regex: a generated regex's vectorized search is compiled at start-up.
    /// </summary>
    internal static bool HasUrlPassword(string text)
    {
        for (var start = text.IndexOf("://", StringComparison.Ordinal); start >= 0; start = text.IndexOf("://", start + 3, StringComparison.Ordinal))
        {
            var authority = start + 3;
            var end = authority;
            while (end < text.Length && text[end] is not ('/' or '@' or ' ' or '\n' or '\t'))
            {
                end++;
            }

            if (end < text.Length && text[end] == '@')
            {
                var colon = text.IndexOf(':', authority, end - authority);
                if (colon >= 0 && colon + 1 < end && !text.AsSpan(colon + 1, end - colon - 1).StartsWith("${", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>A literal secret found in a service: the name a user accepts it by, and how the message names it.</summary>
/// <param name="Subject">The key, variable or flag (<see cref="Service.AcceptLiteralSecret"/>).</param>
/// <param name="What">Where it is, for the message.</param>
// A class, not a tuple: Distinct over a tuple is generic code the runtime compiles at start-up.
internal sealed record SecretLiteral(string Subject, string What);
