namespace Stack.Dsl.Generation.Traefik;

/// <summary>The Traefik labels whose value names other objects (<c>name</c> or <c>name@provider</c>).</summary>
internal enum ReferenceLabel
{
    /// <summary>A label that names nothing (a rule, a port, a header's value).</summary>
    None,

    /// <summary><c>traefik.(http|tcp).routers.NAME.middlewares</c>: a list of middlewares.</summary>
    RouterMiddlewares,

    /// <summary><c>traefik.(http|tcp|udp).routers.NAME.service</c>: one service.</summary>
    RouterService,

    /// <summary><c>traefik.http.middlewares.NAME.chain.middlewares</c>: a list of middlewares.</summary>
    ChainMembers,

    /// <summary><c>traefik.http.middlewares.NAME.errors.service</c>: one service.</summary>
    ErrorsService,

    /// <summary><c>traefik.http.services.NAME.middlewares</c> (Traefik v3.7 and later): a list of middlewares.</summary>
    ServiceMiddlewares,
}

/// <summary>
/// Which Traefik label names other objects, and which of its items name one with the docker
/// provider: the one reader both the Swarm writer (<see cref="Swarm.SwarmLabels"/>, which names
/// Stack's own references <c>name@swarm</c>) and STK0507 (which refuses a hand-written one) use,
/// so what one rewrites the other would have reported.
/// </summary>
/// <remarks>
/// Read from Traefik v3's dynamic configuration (pkg/config/dynamic: <c>Router</c> and
/// <c>TCPRouter</c> have <c>middlewares</c> and <c>service</c>, <c>UDPRouter</c> only
/// <c>service</c>, <c>Chain.middlewares</c>, <c>ErrorPage.service</c>, and since v3.7 an HTTP
/// <c>Service</c>'s <c>middlewares</c>; weighted, mirroring and failover services cannot be labels)
/// and its label parser (traefik/paerser, parser/labels_decode.go and nodes_metadata.go).
/// </remarks>
internal static class TraefikReferenceLabels
{
    /// <summary>The provider suffix of a label-defined object on Compose; Traefik's swarm provider says <c>@swarm</c>.</summary>
    public const string DockerProvider = "@docker";

    /// <summary>What <paramref name="key"/> names, as Traefik reads the key.</summary>
    public static ReferenceLabel Of(string key)
    {
        // paerser refuses a root other than exactly "traefik" (and with it the container's whole
        // configuration), matches every other segment to its field with strings.EqualFold, and
        // takes a router's, middleware's or service's name as written. OrdinalIgnoreCase agrees
        // with EqualFold on these ASCII field names.
        var parts = key.Split('.');
        if (parts.Length is < 5 or > 6 || parts[0] != "traefik" || parts[3].Length == 0)
        {
            return ReferenceLabel.None;
        }

        if (parts.Length == 6)
        {
            return !Is(parts[1], "http") || !Is(parts[2], "middlewares") ? ReferenceLabel.None
                : Is(parts[4], "chain") && Is(parts[5], "middlewares") ? ReferenceLabel.ChainMembers
                : Is(parts[4], "errors") && Is(parts[5], "service") ? ReferenceLabel.ErrorsService
                : ReferenceLabel.None;
        }

        if (Is(parts[2], "routers"))
        {
            var lists = Is(parts[1], "http") || Is(parts[1], "tcp");
            return lists && Is(parts[4], "middlewares") ? ReferenceLabel.RouterMiddlewares
                : (lists || Is(parts[1], "udp")) && Is(parts[4], "service") ? ReferenceLabel.RouterService
                : ReferenceLabel.None;
        }

        return Is(parts[1], "http") && Is(parts[2], "services") && Is(parts[4], "middlewares") ? ReferenceLabel.ServiceMiddlewares : ReferenceLabel.None;
    }

    /// <summary>Whether the label's value is a list (middlewares) rather than one name (a service).</summary>
    public static bool IsList(ReferenceLabel label) => label is ReferenceLabel.RouterMiddlewares or ReferenceLabel.ChainMembers or ReferenceLabel.ServiceMiddlewares;

    /// <summary>
    /// The names the value holds, as Traefik reads them: a list is split at ',' and each item
    /// trimmed (paerser's makeSlice); a service is the whole value, untrimmed (SetString).
    /// </summary>
    public static IEnumerable<string> Items(ReferenceLabel label, string value) =>
        label == ReferenceLabel.None ? [] : IsList(label) ? value.Split(',').Select(item => item.Trim()) : [value];

    /// <summary>
    /// The name in <c>NAME@docker</c>, or null. The suffix is compared exactly: Traefik looks a
    /// qualified name up as written (pkg/server/provider GetQualifiedName, then a map lookup), so
    /// <c>auth@Docker</c> names no docker-provider object, on Compose either. The name is one word
    /// (no '@', no white space): <c>ops@docker.example.com</c> or <c>a@docker@docker</c> is not one.
    /// </summary>
    public static string? DockerName(string item)
    {
        if (item.Length <= DockerProvider.Length || !item.EndsWith(DockerProvider, StringComparison.Ordinal))
        {
            return null;
        }

        var name = item[..^DockerProvider.Length];
        foreach (var c in name)
        {
            if (c == '@' || char.IsWhiteSpace(c))
            {
                return null;
            }
        }

        return name;
    }

    private static bool Is(string segment, string field) => string.Equals(segment, field, StringComparison.OrdinalIgnoreCase);
}
