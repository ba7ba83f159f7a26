using System.Globalization;
using System.Text.RegularExpressions;
using Stack.Dsl.Traefik;

namespace Stack.Tool.Import;

/// <summary>
/// Middlewares a service defines with docker-provider labels
/// (<c>traefik.http.middlewares.NAME.TYPE.OPTION</c>, how Authelia's documentation wires
/// forward-auth) as typed middlewares: forwardAuth, headers, rateLimit, redirectScheme,
/// stripPrefix, addPrefix, ipAllowList and compress. Each is a candidate only; <see cref="TraefikLabelImporter"/> keeps
/// it when the defining service's labels, written back by the library, are exactly the file's.
/// </summary>
internal static partial class MiddlewareLabelImporter
{
    /// <summary>A typed middleware: its model (variables as tokens, for the proof) and its C# (variables as variables).</summary>
    /// <param name="Name">Its name.</param>
    /// <param name="Owner">The service whose labels define it.</param>
    /// <param name="Model">Its model.</param>
    /// <param name="Code">Its C#.</param>
    /// <param name="IsChain">A chain, declared after the middlewares it names.</param>
    public sealed record ImportedMiddleware(string Name, string Owner, Middleware Model, string Code, bool IsChain = false);

    /// <summary>The middlewares each service's labels define, typed where the DSL types that kind, by name; a name defined twice is left out.</summary>
    public static Dictionary<string, ImportedMiddleware> Candidates(IEnumerable<(string Service, IReadOnlyList<(string Key, string Value)> Labels)> services, CSharpCode code)
    {
        NamingForChains = code.Naming;
        var found = new Dictionary<string, ImportedMiddleware>(StringComparer.Ordinal);
        var twice = new HashSet<string>(StringComparer.Ordinal);
        var chains = new List<(string Service, string Name, string Members)>();
        foreach (var (service, labels) in services)
        {
            var byName = labels
                .Select(l => (Match: MiddlewareKey().Match(l.Key), l.Value))
                .Where(l => l.Match.Success)
                .GroupBy(l => l.Match.Groups["name"].Value, StringComparer.Ordinal);
            foreach (var definition in byName)
            {
                // Traefik reads option names without case; a custom header's name keeps its own (headers.customRequestHeaders.X-Forwarded-Proto).
                var options = definition.ToDictionary(
                    l => l.Match.Groups["type"].Value.ToLowerInvariant() + (l.Match.Groups["option"].Success ? "." + OptionPath(l.Match.Groups["option"].Value) : string.Empty),
                    l => l.Value,
                    StringComparer.Ordinal);
                if (options.Count == 1 && options.TryGetValue("chain.middlewares", out var members))
                {
                    twice.UnionWith(chains.Any(c => c.Name == definition.Key) || found.ContainsKey(definition.Key) ? [definition.Key] : []);
                    chains.Add((service, definition.Key, members));
                    continue;
                }

                if (Typed(definition.Key, options, code) is not { } typed)
                {
                    continue;
                }

                if (!found.TryAdd(definition.Key, new ImportedMiddleware(definition.Key, service, typed.Model, typed.Code)))
                {
                    twice.Add(definition.Key);
                }
            }
        }

        foreach (var name in twice)
        {
            found.Remove(name);
        }

        // Chains name other middlewares: typed once those are known.
        foreach (var (service, name, members) in chains)
        {
            if (!twice.Contains(name) && Chain(name, members, found) is { } chain && !found.TryAdd(name, chain with { Owner = service }))
            {
                found.Remove(name);
            }
        }

        return found;
    }

    /// <summary>
    /// A middleware another provider defines, by reference. Stack cannot read its type: a name that
    /// says single sign-on (Authelia, Authentik, forward-auth) is taken as the forward-auth, so the
    /// checklist (STK0004) sees the routers it guards; the C# says so where a person can undo it.
    /// </summary>
    public static (Middleware Model, string Code) External(string name, string provider)
    {
        var forwardAuth = SingleSignOn().IsMatch(name);
        var model = new ExternalMiddleware(name, provider);
        var code = $"new ExternalMiddleware({CSharpCode.Literal(name)}, {CSharpCode.Literal(provider)})";
        return forwardAuth ? (model.AsForwardAuth(), code + ".AsForwardAuth()") : (model, code);
    }

    /// <summary>A reference as Traefik resolves it from a label: without <c>@provider</c>, the docker provider's own (see <see cref="LabelMeaning"/>).</summary>
    public static (string Name, string Provider) Reference(string reference)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? (reference, "docker") : (reference[..at], reference[(at + 1)..]);
    }

    /// <summary>A reference's model and C#: the typed middleware when the stack's labels define it, else by name.</summary>
    public static (Middleware Model, string Code) Member(string reference, IReadOnlyDictionary<string, ImportedMiddleware> typed, Naming naming)
    {
        var (name, provider) = Reference(reference);
        if (provider == "docker" && typed.TryGetValue(name, out var known))
        {
            return (known.Model, naming.Middleware(name));
        }

        // The model stays the docker provider's (the labels' proof reads them so); the code names the swarm provider's.
        var external = External(name, provider);
        return provider == "docker" && naming.OnSwarm ? (external.Model, External(name, "swarm").Code) : external;
    }

    private static ImportedMiddleware? Chain(string name, string members, Dictionary<string, ImportedMiddleware> typed)
    {
        var references = members.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (references.Length == 0 || Tokens(members) != members || references.Any(r => Reference(r) is var (n, p) && (p == "docker" && typed.TryGetValue(n, out var m) && m.IsChain || n == name)))
        {
            return null;
        }

        var resolved = references.Select(r => Member(r, typed, NamingForChains)).ToList();
        return new ImportedMiddleware(
            name, string.Empty, new ChainMiddleware(name, resolved.Select(r => r.Model)).ViaDockerLabels(), $"new ChainMiddleware({CSharpCode.Literal(name)}, {string.Join(", ", resolved.Select(r => r.Code))}).ViaDockerLabels()", IsChain: true);
    }

    /// <summary>How the code names middlewares; set by the importer before it reads chains.</summary>
    internal static Naming NamingForChains { get; set; } = new(ImportLayout.SingleFile);

    /// <summary>Whether a label key defines a middleware.</summary>
    public static bool IsDefinition(string key) => MiddlewareKey().IsMatch(key);

    /// <summary>The middleware a label key defines.</summary>
    public static string NameIn(string key) => MiddlewareKey().Match(key).Groups["name"].Value;

    private static (Middleware Model, string Code)? Typed(string name, Dictionary<string, string> options, CSharpCode code)
    {
        string? Option(string key) => options.GetValueOrDefault(key);
        var types = options.Keys.Select(k => k.Split('.')[0]).Distinct().ToList();
        if (types.Count != 1 || options.Values.Any(v => Tokens(v) is null))
        {
            return null;
        }

        var literal = CSharpCode.Literal(name);
        switch (types[0])
        {
            case "forwardauth" when Option("forwardauth.address") is { } address
                && options.Keys.All(k => k is "forwardauth.address" or "forwardauth.trustforwardheader" or "forwardauth.authresponseheaders" or "forwardauth.authrequestheaders" or "forwardauth.maxresponsebodysize" or "forwardauth.tls.insecureskipverify"):
            {
                var trust = Option("forwardauth.trustforwardheader") is { } t && bool.TryParse(t, out var trusted) && trusted;
                var insecure = Option("forwardauth.tls.insecureskipverify") is { } i && bool.TryParse(i, out var skip) && skip;
                var responseHeaders = List(Option("forwardauth.authresponseheaders"));
                var requestHeaders = List(Option("forwardauth.authrequestheaders"));
                long? maxBody = Option("forwardauth.maxresponsebodysize") is { } m && long.TryParse(m, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var max) ? max : null;
                var model = new ForwardAuthMiddleware(name, Tokens(address)!)
                {
                    TrustForwardHeader = trust, AuthResponseHeaders = [.. responseHeaders], AuthRequestHeaders = [.. requestHeaders], MaxResponseBodySize = maxBody, InsecureSkipVerify = insecure,
                };
                var init = new List<string>();
                if (trust)
                {
                    init.Add("TrustForwardHeader = true");
                }

                if (responseHeaders.Count > 0)
                {
                    init.Add($"AuthResponseHeaders = [{string.Join(", ", responseHeaders.Select(CSharpCode.Literal))}]");
                }

                if (requestHeaders.Count > 0)
                {
                    init.Add($"AuthRequestHeaders = [{string.Join(", ", requestHeaders.Select(CSharpCode.Literal))}]");
                }

                if (maxBody is { } body)
                {
                    init.Add($"MaxResponseBodySize = {CSharpCode.Number(body)}");
                }

                if (insecure)
                {
                    init.Add("InsecureSkipVerify = true");
                }

                return (model.ViaDockerLabels(), $"new ForwardAuthMiddleware({literal}, {code.ComposeText(address)}){(init.Count > 0 ? " { " + string.Join(", ", init) + " }" : string.Empty)}.ViaDockerLabels()");
            }

            // Options exactly as given: no permanent option stays none (Traefik's default, a temporary redirect).
            case "redirectscheme" when Option("redirectscheme.scheme") is { } scheme && !scheme.Contains('$', StringComparison.Ordinal)
                && options.Keys.All(k => k is "redirectscheme.scheme" or "redirectscheme.permanent" or "redirectscheme.port")
                && (Option("redirectscheme.permanent") is not { } given || bool.TryParse(given, out _))
                && (Option("redirectscheme.port") is not { } portText || int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out _)):
            {
                bool? permanent = Option("redirectscheme.permanent") is { } p ? bool.Parse(p) : null;
                int? port = Option("redirectscheme.port") is { } portValue ? int.Parse(portValue, NumberStyles.None, CultureInfo.InvariantCulture) : null;
                var permanentCode = permanent switch { null => "null", true => "true", false => "false" };
                return (new RedirectSchemeMiddleware(name, scheme, permanent) { Port = port }.ViaDockerLabels(),
                    $"new RedirectSchemeMiddleware({literal}, {CSharpCode.Literal(scheme)}, permanent: {permanentCode}){(port is { } number ? $" {{ Port = {CSharpCode.Number(number)} }}" : string.Empty)}.ViaDockerLabels()");
            }

            // Go regular expressions with compose's $$ for a literal '$': no variable in them.
            case "redirectregex" when Option("redirectregex.regex") is { } regex && Option("redirectregex.replacement") is { } replacement
                && options.Keys.All(k => k is "redirectregex.regex" or "redirectregex.replacement" or "redirectregex.permanent")
                && Tokens(regex) is { } regexText && !regexText.Contains("@@", StringComparison.Ordinal)
                && Tokens(replacement) is { } replacementText && !replacementText.Contains("@@", StringComparison.Ordinal)
                && (Option("redirectregex.permanent") is not { } given || bool.TryParse(given, out _)):
            {
                bool? permanent = Option("redirectregex.permanent") is { } p ? bool.Parse(p) : null;
                var permanentCode = permanent switch { null => "null", true => "true", false => "false" };
                return (new RedirectRegexMiddleware(name, regexText, replacementText, permanent).ViaDockerLabels(),
                    $"new RedirectRegexMiddleware({literal}, {CSharpCode.Literal(regexText)}, {CSharpCode.Literal(replacementText)}, permanent: {permanentCode}).ViaDockerLabels()");
            }

            case "stripprefix" when Option("stripprefix.prefixes") is { } prefixes && options.Count == 1 && !prefixes.Contains('$', StringComparison.Ordinal):
                return (new StripPrefixMiddleware(name, List(prefixes)).ViaDockerLabels(),
                    $"new StripPrefixMiddleware({literal}, {string.Join(", ", List(prefixes).Select(CSharpCode.Literal))}).ViaDockerLabels()");

            case "addprefix" when Option("addprefix.prefix") is { } prefix && options.Count == 1 && !prefix.Contains('$', StringComparison.Ordinal):
                return (new AddPrefixMiddleware(name, prefix).ViaDockerLabels(), $"new AddPrefixMiddleware({literal}, {CSharpCode.Literal(prefix)}).ViaDockerLabels()");

            case "ipallowlist" when Option("ipallowlist.sourcerange") is { } ranges && options.Count == 1 && !ranges.Contains('$', StringComparison.Ordinal):
                return (new IpAllowListMiddleware(name, List(ranges)).ViaDockerLabels(),
                    $"new IpAllowListMiddleware({literal}, {string.Join(", ", List(ranges).Select(CSharpCode.Literal))}).ViaDockerLabels()");

            case "headers":
                return Headers(name, options);

            case "ratelimit" when int.TryParse(Option("ratelimit.average"), NumberStyles.None, CultureInfo.InvariantCulture, out var average) && average > 0
                && int.TryParse(Option("ratelimit.burst"), NumberStyles.None, CultureInfo.InvariantCulture, out var burst) && burst > 0
                && Duration(Option("ratelimit.period")) is var period && (Option("ratelimit.period") is null || period > TimeSpan.Zero)
                && options.Keys.All(k => k is "ratelimit.average" or "ratelimit.burst" or "ratelimit.period" or "ratelimit.sourcecriterion.ipstrategy.depth"):
            {
                int? depth = int.TryParse(Option("ratelimit.sourcecriterion.ipstrategy.depth"), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
                if (depth is null && Option("ratelimit.sourcecriterion.ipstrategy.depth") is not null)
                {
                    return null;
                }

                var init = depth is { } value ? $" {{ SourceIpDepth = {CSharpCode.Number(value)} }}" : string.Empty;
                // No period label: Traefik's default (1s), which the limiter made without one does not write.
                return period is { } given
                    ? (new RateLimitMiddleware(name, average, burst, given) { SourceIpDepth = depth }.ViaDockerLabels(),
                        $"new RateLimitMiddleware({literal}, {CSharpCode.Number(average)}, {CSharpCode.Number(burst)}, {CSharpCode.Duration(given)}){init}.ViaDockerLabels()")
                    : (new RateLimitMiddleware(name, average, burst) { SourceIpDepth = depth }.ViaDockerLabels(),
                        $"new RateLimitMiddleware({literal}, {CSharpCode.Number(average)}, {CSharpCode.Number(burst)}){init}.ViaDockerLabels()");
            }

            case "compress" when options.Count == 1 && Option("compress") == "true":
                return (new CompressMiddleware(name).ViaDockerLabels(), $"new CompressMiddleware({literal}).ViaDockerLabels()");

            default:
                return null;
        }
    }

    /// <summary>An option's path with every part lower-cased but a custom header's name.</summary>
    private static string OptionPath(string path)
    {
        var parts = path.Split('.');
        var header = parts.Length == 2 && parts[0].ToLowerInvariant() is "customrequestheaders" or "customresponseheaders";
        return header ? parts[0].ToLowerInvariant() + "." + parts[1] : path.ToLowerInvariant();
    }

    /// <summary>A duration as Traefik reads it (Go's syntax, or whole seconds), when a TimeSpan holds it exactly; null for anything else (the labels stay as written).</summary>
    private static TimeSpan? Duration(string? text) =>
        text is not null && GoDuration.TryParseTraefik(text, out var nanoseconds, out _) ? GoDuration.ToTimeSpan(nanoseconds) : null;

    private static List<string> List(string? value) => value is null ? [] : [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>
    /// Compose text with each variable reference (any form compose reads: <c>$VAR</c>, <c>${VAR:-default}</c>, ...)
    /// as a token, so a model built of literal text writes back what the file says. <c>$$</c> is a
    /// literal <c>$</c> in the model (<paramref name="escaped"/> false) and stays <c>$$</c> in what is
    /// compared with written labels (true). Null for a <c>$</c> compose would refuse or read otherwise (a nested default).
    /// </summary>
    public static string? Tokens(string text, bool escaped = false)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$')
            {
                builder.Append(text[i]);
            }
            else if (text.AsSpan(i).StartsWith("$$"))
            {
                builder.Append(escaped ? "$$" : "$");
                i++;
            }
            else if (ComposeReferences.Pattern().Match(text, i) is { Success: true } reference && reference.Index == i
                && !reference.Groups["arg"].Value.Contains('$', StringComparison.Ordinal) && !(reference.Groups["bare"].Success && i + reference.Length < text.Length && text[i + reference.Length] == '{'))
            {
                builder.Append("@@").Append(Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(reference.Value))).Append("@@");
                i += reference.Length - 1;
            }
            else
            {
                return null;
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^traefik\.http\.middlewares\.(?<name>[A-Za-z0-9_-]+)\.(?<type>[A-Za-z]+)(\.(?<option>[A-Za-z0-9_.-]+))?\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MiddlewareKey();

    [GeneratedRegex(@"authelia|authentik|forward-?auth|oauth2|tinyauth|sso", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SingleSignOn();
}
