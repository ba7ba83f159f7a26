using Stack.Dsl.Values;

namespace Stack.Dsl.Traefik;

/// <summary>A Traefik router rule, built from typed matchers: <c>RouterRule.Host(h).And(RouterRule.PathPrefix("/api"))</c>.</summary>
/// <param name="Expression">The rule as Traefik reads it.</param>
public sealed record RouterRule(ComposeString Expression)
{
    /// <summary>Matches requests for host <paramref name="host"/>: <c>Host(`host`)</c>.</summary>
    public static RouterRule Host(ComposeString host) => Matcher("Host", host);

    /// <summary>Matches paths starting with <paramref name="prefix"/>: <c>PathPrefix(`prefix`)</c>.</summary>
    public static RouterRule PathPrefix(ComposeString prefix) => Matcher("PathPrefix", prefix);

    /// <summary>Matches exactly <paramref name="path"/>: <c>Path(`path`)</c>.</summary>
    public static RouterRule Path(ComposeString path) => Matcher("Path", path);

    /// <summary>Both rules must match.</summary>
    public RouterRule And(RouterRule other) => Combine("&&", other);

    /// <summary>Either rule may match.</summary>
    public RouterRule Or(RouterRule other) => Combine("||", other);

    /// <inheritdoc/>
    public override string ToString() => Expression.ToCompose();

    private static RouterRule Matcher(string name, ComposeString argument)
    {
        ArgumentNullException.ThrowIfNull(argument);

        // The argument is a backtick string in Traefik's rule language: a backtick would end it
        // and let the rest add matchers (`a.com`) || Host(`evil.com`).
        if (argument.Parts.Any(p => p.Variable is null && p.Text.Contains('`', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"A Traefik {name}(...) argument cannot contain a backtick: it would end the rule's string and add to the rule. Got '{argument}'.", nameof(argument));
        }

        return new RouterRule($"{name}(`{argument}`)");
    }

    private RouterRule Combine(string op, RouterRule other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new RouterRule($"{Expression} {op} {other.Expression}");
    }
}
