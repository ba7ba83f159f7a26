using System.Text;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation.Backups;
using Stack.Dsl.Validation;
using static Stack.Dsl.Generation.Picture.PictureText;

namespace Stack.Dsl.Generation.Picture;

/// <summary>
/// <c>STACK.md</c>: the stack as a Mermaid flowchart GitHub draws, with tables beside it. Services
/// are grouped by the networks they join; the proxy's routes are edges labelled with their rule
/// and whether forward-auth guards them; published ports come from outside; each named volume
/// shows its backup decision. Node IDs are numbers the generator makes (services, groups and
/// volumes sorted by name), never user text; every user text goes through <see cref="PictureText"/>.
/// </summary>
internal static class StackPicture
{
    public const string FileName = "STACK.md";

    // Edge colours (linkStyle) and node classes, explained by the legend.
    private const string GuardedColour = "#2e7d32";
    private const string PublicColour = "#d84315";

    // Mermaid's own limits (its defaults maxEdges and maxTextSize, which GitHub keeps): past
    // either it draws an error instead of the stack, so the file says so and keeps the tables.
    internal const int MaxEdges = 500;
    internal const int MaxDiagramText = 50_000;

    public static string Render(ComposeStack stack, string firstLine)
    {
        var services = stack.Services.DistinctBy(s => s.Name).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var volumes = StackResources.Volumes(stack);
        var routes = Routes(stack, services);
        var proxyName = stack.Traefik?.Service.Name;
        var edges = services.Count(s => !s.Ports.IsEmpty) + routes.Count + volumes.Count(v => v.Backup is DumpBackup);
        foreach (var service in services)
        {
            // A loop, not Sum(selector): LINQ over int is JIT-compiled at start (DEVELOPERS.md, Start-up).
            edges += service.Volumes.OfType<VolumeMount>().Select(m => m.Volume.Name).Distinct(StringComparer.Ordinal).Count();
        }

        var diagram = edges > MaxEdges ? null : Draw(services, volumes, routes, proxyName);
        var text = new StringBuilder()
            .Append($"<!-- {firstLine} -->\n")
            .Append($"# {Markdown(stack.Name)}: services, routes and volumes\n\n")
            .Append(Intro(stack));
        if (diagram is not null && diagram.Length <= MaxDiagramText)
        {
            text.Append("```mermaid\n").Append(diagram).Append("```\n\n")
                .Append(Legend(proxyName, arrows: services.Any(s => !s.Ports.IsEmpty) || routes.Count > 0, volumes: volumes.Count > 0));
        }
        else
        {
            text.Append($"The stack is too large for one Mermaid diagram ({Number(services.Count)} services, {Number(edges)} lines to draw; ")
                .Append($"Mermaid draws at most {Number(MaxEdges)} lines and {Number(MaxDiagramText)} characters), so the tables below stand alone.\n");
        }

        AppendRoutes(text, routes);
        AppendVolumes(text, volumes, BackupInventory.UsersByVolume(stack), stack.Backups is not null);
        return text.ToString();
    }

    /// <summary>The Mermaid flowchart: made only for a stack small enough to draw (a large one shows its tables alone).</summary>
    private static string Draw(List<Service> services, IReadOnlyList<Volume> volumes, List<Route> routes, string? proxyName)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < services.Count; i++)
        {
            ids[services[i].Name] = "s" + Number(i + 1);
        }

        var volumeIds = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < volumes.Count; i++)
        {
            volumeIds[volumes[i].Name] = "v" + Number(i + 1);
        }

        var proxyId = proxyName is not null && ids.TryGetValue(proxyName, out var id) ? id : "proxy";
        var diagram = new Diagram();

        diagram.Line("flowchart LR");
        var outside = services.Any(s => !s.Ports.IsEmpty);
        if (outside)
        {
            diagram.Line($"  outside((\"{Mermaid("host ports")}\"))");
        }

        if (routes.Count > 0 && proxyId == "proxy")
        {
            diagram.Line($"  proxy{{{{\"{Mermaid("Traefik")}\"}}}}");
        }

        var groupNumber = 0;
        foreach (var group in services.GroupBy(NetworksOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            diagram.Line($"  subgraph g{Number(++groupNumber)}[\"{Mermaid(group.Key)}\"]");
            foreach (var service in group)
            {
                var shape = service.Name == proxyName ? ("{{", "}}") : ("[", "]");
                diagram.Line($"    {ids[service.Name]}{shape.Item1}\"{MermaidLines(ServiceLines(service))}\"{shape.Item2}");
            }

            diagram.Line("  end");
        }

        // Volumes stand outside every group (they join no network): the layout then puts each
        // beside the service that mounts it; a group of their own drew every line across the picture.
        foreach (var volume in volumes)
        {
            diagram.Line($"  {volumeIds[volume.Name]}[(\"{MermaidLines(VolumeLines(volume))}\")]:::{BackupClass(volume.Backup)}");
        }

        foreach (var service in services.Where(s => !s.Ports.IsEmpty))
        {
            diagram.Edge($"  outside -->|\"{MermaidLines(service.Ports.Select(p => p.ToShortSyntax()))}\"| {ids[service.Name]}", PublicColour);
        }

        foreach (var route in routes)
        {
            var access = route.ForwardAuth.Count > 0 ? "forward-auth: " + string.Join(", ", route.ForwardAuth) : "public";
            diagram.Edge($"  {proxyId} -->|\"{MermaidLines(route.Summary, access)}\"| {ids[route.Service.Name]}", route.ForwardAuth.Count > 0 ? GuardedColour : PublicColour);
        }

        foreach (var service in services)
        {
            foreach (var volume in service.Volumes.OfType<VolumeMount>().Select(m => m.Volume.Name).Distinct(StringComparer.Ordinal))
            {
                diagram.Edge($"  {ids[service.Name]} --- {volumeIds[volume]}", colour: null);
            }
        }

        foreach (var volume in volumes)
        {
            if (volume.Backup is DumpBackup dump && volumeIds.TryGetValue(dump.Into.Name, out var into))
            {
                diagram.Edge($"  {volumeIds[volume.Name]} -.->|\"{Mermaid("dump")}\"| {into}", colour: null);
            }
        }

        diagram.Line("  classDef files fill:#e8f5e9,stroke:#2e7d32");
        diagram.Line("  classDef dump fill:#e3f2fd,stroke:#1565c0");
        diagram.Line("  classDef never fill:#f5f5f5,stroke:#757575,stroke-dasharray:4 3");
        diagram.Line("  classDef undecided fill:#ffebee,stroke:#c62828");
        diagram.LinkStyles();
        return diagram.Text;
    }

    private static string Intro(ComposeStack stack) =>
        stack.Environments.IsEmpty
            ? "Drawn from the definition; GitHub shows the diagram.\n\n"
            : $"Drawn from the definition's base; environments change it as their overrides say ({string.Join(", ", stack.Environments.Select(e => Markdown(e.OverrideFileName)))}). GitHub shows the diagram.\n\n";

    private static string Legend(string? proxyName, bool arrows, bool volumes) =>
        "How to read it: a box is a service (its image below its name), grouped by the networks it joins" +
        (proxyName is null ? "" : $"; the hexagon is the proxy, {Markdown(proxyName)}") + "." +
        (arrows ? " A green arrow is a route behind forward-auth, an orange one a public route or a port published on the host (from the *host ports* circle)." : "") +
        (volumes ? " A cylinder is a named volume, a line the service that mounts it; its colour is its backup decision: " +
            "green files, blue dumped (a dotted arrow to the volume the dump lands in), grey never, red undecided." : "") + "\n";

    private static void AppendRoutes(StringBuilder text, IReadOnlyList<Route> routes)
    {
        if (routes.Count == 0)
        {
            return;
        }

        text.Append("\n## Routes\n\n| Router | Rule | Service | Access |\n|---|---|---|---|\n");
        foreach (var route in routes)
        {
            var access = route.ForwardAuth.Count > 0
                ? "forward-auth: " + string.Join(", ", route.ForwardAuth.Select(Markdown))
                : route.PublicReason is { } reason ? "public: " + Markdown(reason) : "public";
            text.Append($"| {Markdown(route.Name)} | {Code(route.Rule)} | {Markdown(route.Service.Name)} | {access} |\n");
        }
    }

    private static void AppendVolumes(StringBuilder text, IReadOnlyList<Volume> volumes, Dictionary<string, List<Service>> users, bool hasRunner)
    {
        if (volumes.Count == 0)
        {
            return;
        }

        text.Append("\n## Volumes\n\n")
            .Append(hasRunner ? string.Empty : "The stack declares no backup runner (ComposeStack.WithBackups): these decisions are not carried out.\n\n")
            .Append("| Volume | Mounted by | Backup |\n|---|---|---|\n");
        foreach (var volume in volumes)
        {
            var mountedBy = users.GetValueOrDefault(volume.Name) is { Count: > 0 } list ? string.Join(", ", list.Select(s => Markdown(s.Name))) : "none";
            var backup = volume.Backup switch
            {
                FileBackup { Prepare: { } prepare } => "files, after " + Code(prepare.Command),
                FileBackup => "files",
                DumpBackup dump => $"dumped into {Markdown(dump.Into.Name)} by {Code(dump.Dump.Command)}",
                NoBackup never => "never: " + Markdown(never.Reason),
                _ => "undecided (STK0300)",
            };
            text.Append($"| {Markdown(volume.Name)} | {mountedBy} | {backup} |\n");
        }
    }

    /// <summary>The group a service is drawn in: the networks it joins, its network mode, or compose's default network.</summary>
    private static string NetworksOf(Service service) =>
        service.NetworkMode is { } mode ? "network_mode: " + mode.Value
        : service.Networks.IsEmpty ? "default network"
        : (service.Networks.Length == 1 ? "network: " : "networks: ") + string.Join(" + ", service.Networks.Select(n => n.Network.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static IEnumerable<string> ServiceLines(Service service)
    {
        yield return service.Name;
        if (service.Image is { } image)
        {
            yield return image.ToCompose();
        }
        else if (service.Build is not null)
        {
            yield return "built here";
        }
    }

    private static IEnumerable<string> VolumeLines(Volume volume)
    {
        yield return volume.External ? volume.Name + " (external)" : volume.Name;
        yield return volume.Backup switch
        {
            FileBackup { Prepare: not null } => "files, prepared",
            FileBackup => "files",
            DumpBackup => "dumped",
            NoBackup => "never backed up",
            _ => "no backup decision",
        };
    }

    private static string BackupClass(VolumeBackup? backup) => backup switch
    {
        FileBackup => "files",
        DumpBackup => "dump",
        NoBackup => "never",
        _ => "undecided",
    };

    /// <summary>Every HTTP, TCP and UDP router, by service name then in the order declared.</summary>
    private static List<Route> Routes(ComposeStack stack, IReadOnlyList<Service> services)
    {
        var docker = DockerMiddlewares.Of(stack);
        var routes = new List<Route>();
        foreach (var service in services)
        {
            foreach (var router in service.Routers)
            {
                var rule = router.Rule?.Expression.ToCompose() ?? "(no rule)";
                var guards = Guards(router, docker);
                routes.Add(new Route(router.Name, service, rule, "HTTP", 0, guards, router.PublicAccessReason));
            }

            foreach (var router in service.TcpRouters)
            {
                routes.Add(new Route(router.Name, service, router.Rule, "TCP", router.Port, [], null));
            }

            foreach (var router in service.UdpRouters)
            {
                routes.Add(new Route(router.Name, service, "UDP", "UDP", router.Port, [], null));
            }
        }

        return routes;
    }

    /// <summary>
    /// The forward-auth middlewares guarding a router, its own then its entrypoints', each name
    /// once. Loops rather than a query: it runs for every router of a large stack.
    /// </summary>
    private static List<string> Guards(Stack.Dsl.Traefik.Router router, DockerMiddlewares docker)
    {
        List<string>? guards = null;
        foreach (var middleware in router.Middlewares)
        {
            AddGuard(ref guards, middleware, docker);
        }

        foreach (var entryPoint in router.EntryPoints)
        {
            foreach (var middleware in entryPoint.Middlewares)
            {
                AddGuard(ref guards, middleware, docker);
            }
        }

        return guards ?? [];
    }

    private static void AddGuard(ref List<string>? guards, Stack.Dsl.Traefik.Middleware middleware, DockerMiddlewares docker)
    {
        if (docker.IsForwardAuth(middleware) && guards?.Contains(middleware.Name) != true)
        {
            (guards ??= []).Add(middleware.Name);
        }
    }

    /// <summary>A router drawn as an edge from the proxy to its service.</summary>
    /// <remarks>Its <see cref="Summary"/> is made when read: only a stack small enough to draw has its edges labelled.</remarks>
    private sealed record Route(string Name, Service Service, string Rule, string Protocol, int Port, IReadOnlyList<string> ForwardAuth, string? PublicReason)
    {
        /// <summary>The edge's label: the rule shortened, with the port of a TCP or UDP router.</summary>
        public string Summary => Protocol switch
        {
            "TCP" => $"TCP {RouteSummary.Of(Rule)} :{Number(Port)}",
            "UDP" => $"UDP :{Number(Port)}",
            _ => RouteSummary.Of(Rule),
        };
    }

    /// <summary>The diagram's lines, and its edges' colours by position (Mermaid styles edges by index).</summary>
    private sealed class Diagram
    {
        private readonly StringBuilder _text = new();
        private readonly Dictionary<string, List<int>> _colours = new(StringComparer.Ordinal);
        private int _edges;

        public string Text => _text.ToString();

        public void Line(string line) => _text.Append(line).Append('\n');

        public void Edge(string line, string? colour)
        {
            Line(line);
            if (colour is not null)
            {
                if (!_colours.TryGetValue(colour, out var list))
                {
                    _colours[colour] = list = [];
                }

                list.Add(_edges);
            }

            _edges++;
        }

        public void LinkStyles()
        {
            foreach (var colour in _colours.Keys.Order(StringComparer.Ordinal))
            {
                Line($"  linkStyle {Numbers(_colours[colour])} stroke:{colour},stroke-width:2px,color:{colour}");
            }
        }

        // A loop, not Select over the list of ints: that generic code has no precompiled form.
        private static string Numbers(List<int> edges)
        {
            var text = new StringBuilder();
            foreach (var edge in edges)
            {
                text.Append(text.Length == 0 ? string.Empty : ",").Append(Number(edge));
            }

            return text.ToString();
        }
    }
}
