using System.Globalization;
using System.Text.RegularExpressions;
using Stack.Dsl.Traefik;

namespace Stack.Tool.Import;

/// <summary>An HTTP router read from labels: its model (variables as tokens, for the proof) and its C#.</summary>
internal sealed partial class ImportedRouter(string name, IReadOnlyDictionary<string, MiddlewareLabelImporter.ImportedMiddleware> typed, Naming naming)
{
    private readonly List<string> _middlewares = [];
    private readonly List<string> _entryPoints = [];
    private string? _rule;
    private string? _resolver;
    private string? _tlsOptions;
    private readonly SortedDictionary<int, (string? Main, string[] Sans)> _domains = [];
    private bool _tls;
    private int? _priority;

    public string Name => name;

    public string? ServiceName { get; set; }

    public bool Internal { get; private set; }

    public int? Port { get; set; }

    /// <summary>The load balancer's options beyond its port, as its labels give them.</summary>
    public ImportedBalancer Balancer { get; set; } = new();

    /// <summary>Reads one of the router's labels; <see cref="NotTyped"/> says why the model cannot hold it.</summary>
    public void Set(string property, string value)
    {
        string Plain(string what) => value.Contains('$', StringComparison.Ordinal)
            ? throw new NotTyped($"its {what} holds a variable, and the DSL takes a plain name there")
            : value.Trim();
        switch (property)
        {
            case "rule":
                _ = TraefikLabelImporter.Tokens(value);
                _rule = value;
                break;
            case "tls.certresolver":
                _resolver = Plain("certificate resolver");
                break;
            case "tls.options":
                _tlsOptions = Plain("TLS options name");
                break;
            case "tls":
                _tls = value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) ? true : throw new NotTyped($"tls '{value}' is not true, and the DSL has no router that says TLS is off");
                break;
            case "entrypoints":
                _entryPoints.AddRange(Plain("entrypoints").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                break;
            case "priority":
                _priority = int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var priority) ? priority : throw new NotTyped("its priority is not a whole number");
                break;
            case "middlewares":
                _middlewares.AddRange(Plain("middleware list").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                break;
            case "service" when value.Trim().EndsWith("@internal", StringComparison.Ordinal):
                ServiceName = value.Trim();
                Internal = true;
                _ = Target();
                break;
            case "service":
                // name@docker is the container's own provider, as a bare name is (LabelMeaning).
                var service = Plain("service name");
                service = service.EndsWith("@docker", StringComparison.Ordinal) ? service[..^"@docker".Length] : service;
                ServiceName = service.Contains('@', StringComparison.Ordinal) ? throw new NotTyped($"it names service '{value}' of another provider, which the DSL cannot name") : service;
                break;
            case var domain when TlsDomain().Match(domain) is { Success: true } part:
                var index = int.Parse(part.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
                var known = _domains.GetValueOrDefault(index, (null, []));
                _domains[index] = part.Groups["field"].Value == "main"
                    ? (Plain("certificate domain"), known.Sans)
                    : (known.Main, Plain("certificate domain").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                break;
            default:
                throw new NotTyped($"the DSL has no typed form of a router's '{property}'");
        }
    }

    /// <summary>Checks what only the whole router can say (its certificate domains' numbering).</summary>
    public void Check() => _ = Domains();

    /// <summary>The router with literal text (variables as tokens), for the proof.</summary>
    public Router Model()
    {
        var router = new Router(name);
        router = _rule is null ? router : router.WithRule(RuleModel(TraefikLabelImporter.Tokens(_rule)));
        router = _resolver is null ? router : router.WithTls(new CertResolver(_resolver));
        router = _tlsOptions is null ? router : router.WithTlsOptions(_tlsOptions);
        router = Domains().Aggregate(router, (made, domain) => made.WithTlsDomain(domain.Main, domain.Sans));
        router = _tls ? router.WithTls() : router;
        router = _priority is { } priority ? router.WithPriority(priority) : router;
        router = _entryPoints.Count == 0 ? router : router.OnlyOnEntryPoints(_entryPoints.Select(e => new EntryPoint(e, CSharpCode.EntryPointPort(e) ?? 0)));
        router = _middlewares.Count == 0 ? router : router.WithMiddlewares(_middlewares.Select(m => MiddlewareLabelImporter.Member(m, typed, naming).Model));
        return Target() is { } target ? router.WithService(target) : router;
    }

    /// <summary>The same router as C#.</summary>
    public string Code(CSharpCode code)
    {
        var calls = new List<string> { $"new Router({CSharpCode.Literal(name)})" };
        if (_rule is not null)
        {
            calls.Add($".WithRule({RuleCode(_rule, code)})");
        }

        if (_resolver is not null)
        {
            calls.Add($".WithTls(new CertResolver({CSharpCode.Literal(_resolver)}))");
        }

        if (_tlsOptions is not null)
        {
            calls.Add($".WithTlsOptions({CSharpCode.Literal(_tlsOptions)})");
        }

        calls.AddRange(Domains().Select(d => $".WithTlsDomain({string.Join(", ", d.Sans.Prepend(d.Main).Select(CSharpCode.Literal))})"));

        // Any tls.* label turns TLS on (LabelMeaning): tls=true beside a resolver or options says nothing more.
        if (_tls && _resolver is null && _tlsOptions is null && _domains.Count == 0)
        {
            calls.Add(".WithTls()");
        }

        if (_priority is { } priority)
        {
            calls.Add($".WithPriority({priority.ToString(CultureInfo.InvariantCulture)})");
        }

        if (_entryPoints.Count > 0)
        {
            calls.Add($".OnlyOnEntryPoints({string.Join(", ", _entryPoints.Select(code.EntryPoint))})");
        }

        if (_middlewares.Count > 0)
        {
            calls.Add($".WithMiddlewares({string.Join(", ", _middlewares.Select(m => MiddlewareLabelImporter.Member(m, typed, code.Naming).Code))})");
        }

        if (Internal)
        {
            calls.Add($".WithService(TraefikService.{Pascal(ServiceName![..ServiceName!.IndexOf('@', StringComparison.Ordinal)])})");
        }
        else if (Port is { } port)
        {
            calls.Add(ServiceName == name && Balancer.IsEmpty
                ? $".WithPort({port.ToString(CultureInfo.InvariantCulture)})"
                : $".WithService({Balancer.Code(ServiceName!, port)})");
        }

        // One call a line, under the router, as a person writes a chain.
        return $".WithRouter({string.Join("\n            ", calls)})";
    }

    private TraefikService? Target() => Internal
        ? ServiceName switch
        {
            "api@internal" => TraefikService.Api,
            "noop@internal" => TraefikService.Noop,
            "ping@internal" => TraefikService.Ping,
            "prometheus@internal" => TraefikService.Prometheus,
            _ => throw new NotTyped($"'{ServiceName}' is an internal service the DSL does not name"),
        }
        : Port is { } port ? Balancer.Model(ServiceName!, port) : null;

    /// <summary>The certificate domains in index order; the DSL numbers them from 0, so the file's must be 0, 1, ... each with a main.</summary>
    private List<(string Main, string[] Sans)> Domains() =>
        _domains.Keys.SequenceEqual(Enumerable.Range(0, _domains.Count)) && _domains.Values.All(d => d.Main is not null)
            ? [.. _domains.Values.Select(d => (d.Main!, d.Sans))]
            : throw new NotTyped("its tls.domains are not numbered 0, 1, ... each with a main, as the DSL writes them");

    [GeneratedRegex(@"^tls\.domains\[(?<index>[0-9]{1,3})\]\.(?<field>main|sans)\z", RegexOptions.CultureInvariant)]
    private static partial Regex TlsDomain();

    private static string Pascal(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>The rule's matchers and the one operator joining them; null for a rule outside the DSL's grammar (taken whole, <c>new RouterRule(...)</c>).</summary>
    private static (List<(string Matcher, string Argument)> Matchers, string Joiner)? Grammar(string text)
    {
        var matchers = new List<(string Matcher, string Argument)>();
        var operators = new HashSet<string>(StringComparer.Ordinal);
        var rest = text.Trim();
        var open = true;
        while (rest.Length > 0 && open && RuleMatcher().Match(rest) is { Success: true } match)
        {
            matchers.Add((match.Groups["matcher"].Value, match.Groups["argument"].Value));
            open = match.Groups["operator"].Success;
            if (open)
            {
                operators.Add(match.Groups["operator"].Value);
            }

            rest = rest[match.Length..];
        }

        return rest.Length > 0 || matchers.Count == 0 || open || operators.Count > 1
            ? null
            : (matchers, operators.Contains("||") ? "Or" : "And");
    }

    private static RouterRule RuleModel(string text)
    {
        if (Grammar(text) is not { } grammar)
        {
            return new RouterRule(text);
        }

        var rules = grammar.Matchers.Select(m => m.Matcher switch
        {
            "Host" => RouterRule.Host(m.Argument),
            "PathPrefix" => RouterRule.PathPrefix(m.Argument),
            _ => RouterRule.Path(m.Argument),
        });
        return rules.Aggregate((all, one) => grammar.Joiner == "Or" ? all.Or(one) : all.And(one));
    }

    private static string RuleCode(string text, CSharpCode code)
    {
        if (Grammar(text) is not { } grammar)
        {
            return $"new RouterRule({code.ComposeText(text)})";
        }

        var matchers = grammar.Matchers.Select(m => $"RouterRule.{m.Matcher}({code.ComposeText(m.Argument)})").ToList();
        return matchers[0] + string.Concat(matchers.Skip(1).Select(m => $".{grammar.Joiner}({m})"));
    }

    /// <summary>The rule grammar the DSL builds: matchers with one backticked argument, joined by one kind of operator.</summary>
    [GeneratedRegex(@"^(?<matcher>Host|PathPrefix|Path)\(`(?<argument>[^`]*)`\)(\s+(?<operator>&&|\|\|)\s+|\z)", RegexOptions.CultureInvariant)]
    private static partial Regex RuleMatcher();
}
