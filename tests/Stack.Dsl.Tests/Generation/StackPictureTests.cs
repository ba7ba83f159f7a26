using System.Text.RegularExpressions;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Generation.Picture;
using Stack.Dsl.Traefik;

namespace Stack.Dsl.Tests.Generation;

/// <summary>
/// STACK.md, read back the way Mermaid and Markdown read it: nodes by their labels, edges between
/// them, edge colours by position, volume classes; user text decoded from its character references.
/// (.ci/mermaid-check renders the committed ones with mmdc.)
/// </summary>
public sealed partial class StackPictureTests
{
    private static readonly Network Edge = new("edge");
    private static readonly Network Data = new("data");
    private static readonly EntryPoint Https = new("websecure", 443);
    private static readonly ForwardAuthMiddleware Sso = new("sso", "http://auth:9091/api/authz/forward-auth");

    private static readonly Volume Dump = new Volume("db-dump").WithBackup(VolumeBackup.Files());
    private static readonly Volume DbData = new Volume("db-data").WithBackup(VolumeBackup.ThroughDump("pg_dumpall -f /dump/all.sql", "psql -f /dump/all.sql", Dump));
    private static readonly Volume Cache = new Volume("cache").WithBackup(VolumeBackup.Never("rebuilt on start"));
    private static readonly Volume Scratch = new("scratch");

    private static ComposeStack Shop()
    {
        var proxy = Emit.Minimal("proxy").WithNetworks(Edge).WithPort(443, 443);
        var app = Emit.Minimal("app").WithNetworks(Edge, Data).WithVolume(Cache, "/cache")
            .WithRouter(new Router("app").WithHost("app.example.com").WithEntryPoints(Https).WithMiddlewares(Sso).WithPort(80));
        var auth = Emit.Minimal("auth").WithNetworks(Edge)
            .WithRouter(new Router("login").WithHost("auth.example.com").WithEntryPoints(Https).WithPublicAccess("the login portal").WithPort(9091));
        var db = Emit.Minimal("db").WithNetworks(Data).WithVolume(DbData, "/var/lib/postgresql/data").WithVolume(Dump, "/dump").WithVolume(Scratch, "/tmp/scratch");
        var runner = Emit.Minimal("backup").WithBind(HostPath.Absolute("/var/lib/docker/volumes"), "/docker/volumes");
        return new ComposeStack("shop")
            .WithTraefik(new TraefikProxy(proxy, Edge).WithEntryPoints(Https).WithMiddlewares(Sso))
            .WithBackups(new BackupPlan(runner))
            .WithServices(proxy, app, auth, db, runner);
    }

    private static Picture Draw(ComposeStack stack) => new(StackPicture.Render(stack, GenerationOptions.FirstHeaderLine));

    [Fact]
    public void The_generator_writes_the_picture_with_the_other_files()
    {
        var files = Emit.Files(Shop());

        Assert.Equal(Draw(Shop()).Text, files[StackPicture.FileName]);
        Assert.StartsWith($"<!-- {GenerationOptions.FirstHeaderLine} -->\n", files[StackPicture.FileName], StringComparison.Ordinal);
    }

    [Fact]
    public void Each_route_is_an_edge_from_the_proxy_coloured_by_its_forward_auth()
    {
        var picture = Draw(Shop());
        var proxy = picture.Node("proxy", "example/app:1.0");

        var guarded = picture.Edge(proxy, picture.Node("app", "example/app:1.0"));
        Assert.Equal(["app.example.com", "forward-auth: sso"], guarded.Label);
        Assert.Equal("#2e7d32", picture.Colour(guarded));

        var open = picture.Edge(proxy, picture.Node("auth", "example/app:1.0"));
        Assert.Equal(["auth.example.com", "public"], open.Label);
        Assert.Equal("#d84315", picture.Colour(open));

        var published = picture.Edge(picture.Node("host ports"), proxy);
        Assert.Equal(["443:443"], published.Label);
        Assert.Contains("| login | <code>Host(&#96;auth.example.com&#96;)</code> | auth | public: the login portal |", picture.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Services_are_grouped_by_the_networks_they_join()
    {
        var picture = Draw(Shop());

        Assert.Equal(["networks: data + edge"], picture.GroupsOf(picture.Node("app", "example/app:1.0")));
        Assert.Equal(["network: data"], picture.GroupsOf(picture.Node("db", "example/app:1.0")));
        Assert.Equal(["network: edge"], picture.GroupsOf(picture.Node("auth", "example/app:1.0")));
        Assert.Equal(["default network"], picture.GroupsOf(picture.Node("backup", "example/app:1.0")));
    }

    [Fact]
    public void Each_volume_shows_its_backup_decision_and_who_mounts_it()
    {
        var picture = Draw(Shop());
        var db = picture.Node("db", "example/app:1.0");
        var (data, dump, cache, scratch) = (picture.Node("db-data", "dumped"), picture.Node("db-dump", "files"), picture.Node("cache", "never backed up"), picture.Node("scratch", "no backup decision"));

        Assert.Equal(("dump", "files", "never", "undecided"), (picture.Class(data), picture.Class(dump), picture.Class(cache), picture.Class(scratch)));
        Assert.Equal(["dump"], picture.Edge(data, dump).Label);
        Assert.All(new[] { data, dump, scratch }, v => picture.Edge(db, v));
        picture.Edge(picture.Node("app", "example/app:1.0"), cache);
        Assert.Contains("| cache | app | never: rebuilt on start |", picture.Text, StringComparison.Ordinal);
        Assert.Contains("| scratch | db | undecided (STK0300) |", picture.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_picture_is_the_same_whatever_order_services_are_added_in()
    {
        var stack = Shop();

        Assert.Equal(Draw(stack).Text, Draw(stack with { Services = [.. stack.Services.Reverse()] }).Text);
    }

    /// <summary>Text that would end a Mermaid string or node, add a click handler, HTML, a table cell, a comment, math or emphasis.</summary>
    public static TheoryData<string> Hostile() =>
    [
        "a\"]; click s1 \"javascript:alert(1)\"; s9[\"x",
        "end",
        "#quot; #35; &amp; &#34;",
        "<img src=x onerror=alert(1)>",
        "a|b|c",
        "%% comment",
        "`code` *bold* _it_ $x$ [link](http://e.x) \\",
        "line\nbreak\r\u2028and\u0000nul",
        "emoji \U0001F600 and \uD800 unpaired",
        "--> s1 --- s2 ;",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_text_stays_inside_its_label_and_its_cell(string hostile)
    {
        var cache = new Volume("cache").WithBackup(VolumeBackup.Never(hostile));
        var service = new Service(hostile).WithImage("example/app:1.0").WithNetworks(new Network(hostile)).WithVolume(cache, "/cache")
            .WithRouter(new Router(hostile).WithRule(new Traefik.RouterRule(hostile)).WithPublicAccess(hostile));
        var picture = Draw(new ComposeStack(hostile).WithServices(service));
        var expected = Picture.Visible(hostile);
        var rule = Picture.Visible(hostile.Replace("$", "$$", StringComparison.Ordinal)); // as compose reads it, like ${VARIABLE}s

        // The structure is that of a harmless name: the proxy, one group with its service, the volume, a route and a mount.
        Assert.Equal(["flowchart LR", "node", "subgraph", "node", "end", "node", "edge", "edge"], picture.Shape());
        Assert.Equal([$"network: {expected}"], picture.GroupsOf(picture.Node(expected, "example/app:1.0")));
        Assert.Equal([rule, "public"], picture.Edge("proxy", picture.Node(expected, "example/app:1.0")).Label);
        Assert.Equal("never", picture.Class(picture.Node("cache", "never backed up")));

        // Markdown: the heading is one line, each table row keeps its four (three) cells.
        Assert.Equal($"# {expected}: services, routes and volumes", Picture.Decode(picture.Text.Split('\n')[1], "&#"));
        Assert.Equal([expected, rule, expected, $"public: {expected}"], picture.Row(expected));
        Assert.Equal(["cache", expected, $"never: {expected}"], picture.Row("cache"));
    }

    [Theory]
    [InlineData(StackPicture.MaxEdges, true)]
    [InlineData(StackPicture.MaxEdges + 1, false)]
    public void A_stack_past_Mermaids_edge_limit_keeps_its_tables_without_a_diagram(int mounts, bool drawn)
    {
        var services = Enumerable.Range(1, mounts).Select(i => new Service($"app{i}").WithImage("a:1").WithVolume(new Volume($"data{i}").WithBackup(VolumeBackup.Files()), "/data"));
        var text = Draw(new ComposeStack("big").WithServices(services)).Text;

        Assert.Equal(drawn, text.Contains("```mermaid", StringComparison.Ordinal));
        Assert.Equal(!drawn, text.Contains($"Mermaid draws at most {StackPicture.MaxEdges} lines", StringComparison.Ordinal));
        Assert.Contains($"| data{mounts} | app{mounts} | files |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_diagram_past_Mermaids_text_limit_is_left_out()
    {
        var text = Draw(new ComposeStack("wide").WithServices(Enumerable.Range(1, 200).Select(i => new Service($"app{i}").WithImage(new string('x', 300) + ":1")))).Text;

        Assert.DoesNotContain("```mermaid", text, StringComparison.Ordinal);
        Assert.Contains("too large for one Mermaid diagram (200 services, 0 lines to draw", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_rules_read_as_hosts_and_paths()
    {
        Assert.Equal("dns.${BASE_HOST} && /dns-query*", RouteSummary.Of("Host(`dns.${BASE_HOST}`) && PathPrefix(`/dns-query`)"));
        Assert.Equal("a.example || /x", RouteSummary.Of("Host(`a.example`) || Path(`/x`)"));
        Assert.Equal("VirtualHost(`a`) Host(`unclosed", RouteSummary.Of("VirtualHost(`a`) Host(`unclosed"));
    }

    /// <summary>STACK.md parsed back: the diagram's statements, its tables' rows.</summary>
    private sealed partial class Picture(string text)
    {
        public string Text { get; } = text;

        private IReadOnlyList<string> Diagram => [.. Text.Split("```mermaid\n")[1].Split("\n```")[0].Split('\n').Select(l => l.Trim())];

        /// <summary>What the text looks like once its references are decoded: control characters and unpaired surrogates as U+FFFD.</summary>
        public static string Visible(string text)
        {
            var visible = new System.Text.StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    visible.Append(text, i++, 2);
                }
                else
                {
                    visible.Append(char.IsSurrogate(text[i]) || char.IsControl(text[i]) ? '\uFFFD' : text[i]);
                }
            }

            return visible.ToString();
        }

        /// <summary>Replaces Mermaid's (<c>#34;</c>) or HTML's (<c>&amp;#34;</c>) references; any other # or &amp; left would be read as one.</summary>
        public static string Decode(string text, string prefix)
        {
            var unreferenced = text.Replace(prefix, "\u0001", StringComparison.Ordinal);
            Assert.DoesNotContain(prefix[0], unreferenced);
            return Reference().Replace(unreferenced, m => char.ConvertFromUtf32(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }

        /// <summary>Each statement's kind, in order (the styles after the nodes and edges aside).</summary>
        public IReadOnlyList<string> Shape() => [.. Diagram.Where(l => l.Length > 0 && !l.StartsWith("classDef", StringComparison.Ordinal) && !l.StartsWith("linkStyle", StringComparison.Ordinal))
            .Select(l => l == "flowchart LR" ? l : l == "end" ? "end" : l.StartsWith("subgraph ", StringComparison.Ordinal) ? "subgraph" : EdgeLine().IsMatch(l) ? "edge" : NodeLine().IsMatch(l) ? "node" : "unknown: " + l)];

        /// <summary>The ID of the node whose label is exactly these lines.</summary>
        public string Node(params string[] label)
        {
            return Assert.Single(Diagram.Select(l => NodeLine().Match(l)), m => m.Success && Lines(m.Groups["label"].Value).SequenceEqual(label)).Groups["id"].Value;
        }

        public List<string> GroupsOf(string node)
        {
            var groups = new List<string>();
            var open = new Stack<string>();
            foreach (var line in Diagram)
            {
                if (SubgraphLine().Match(line) is { Success: true } m)
                {
                    open.Push(Decode(m.Groups["label"].Value, "#"));
                }
                else if (line == "end")
                {
                    open.Pop();
                }
                else if (NodeLine().Match(line) is { Success: true } n && n.Groups["id"].Value == node)
                {
                    groups.AddRange(open);
                }
            }

            return groups;
        }

        public string Class(string node) => Assert.Single(Diagram.Select(l => NodeLine().Match(l)), m => m.Success && m.Groups["id"].Value == node).Groups["class"].Value;

        public (int Index, string[] Label) Edge(string from, string to)
        {
            var edges = Diagram.Select(l => EdgeLine().Match(l)).Where(m => m.Success).ToList();
            var index = Assert.Single(Enumerable.Range(0, edges.Count), i => edges[i].Groups["from"].Value == from && edges[i].Groups["to"].Value == to);
            return (index, edges[index].Groups["label"].Success ? Lines(edges[index].Groups["label"].Value) : []);
        }

        public string Colour((int Index, string[] Label) edge) =>
            Assert.Single(Diagram.Select(l => LinkStyleLine().Match(l)), m => m.Success && m.Groups["edges"].Value.Split(',').Contains(edge.Index.ToString(System.Globalization.CultureInfo.InvariantCulture))).Groups["colour"].Value;

        /// <summary>The cells of the one table row whose first cell reads <paramref name="first"/>.</summary>
        public List<string> Row(string first)
        {
            static string Cell(string cell)
            {
                var text = cell.Trim().Replace("<code>", string.Empty, StringComparison.Ordinal).Replace("</code>", string.Empty, StringComparison.Ordinal);
                Assert.DoesNotContain('<', text);
                return Decode(text, "&#");
            }

            var rows = Text.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Select(l => l.Trim('|').Split('|').Select(Cell).ToList());
            return Assert.Single(rows, cells => cells[0] == first);
        }

        private static string[] Lines(string label) => [.. label.Split("<br>").Select(l => l.Contains('<', StringComparison.Ordinal) ? throw new InvalidOperationException($"HTML in a label: {l}") : Decode(l, "#"))];

        [GeneratedRegex("""^(?<id>[a-z][a-z0-9]*)(\(\(|\{\{|\[\(|\[)"(?<label>[^"]*)"(\)\)|\}\}|\)\]|\])(:::(?<class>[a-z]+))?$""")]
        private static partial Regex NodeLine();

        [GeneratedRegex("""^subgraph g[0-9]+\["(?<label>[^"]*)"\]$""")]
        private static partial Regex SubgraphLine();

        [GeneratedRegex("""^(?<from>[a-z][a-z0-9]*) (-->|---|-\.->)(\|"(?<label>[^"]*)"\|)? (?<to>[a-z][a-z0-9]*)$""")]
        private static partial Regex EdgeLine();

        [GeneratedRegex("""^linkStyle (?<edges>[0-9,]+) stroke:(?<colour>#[0-9a-f]{6}),""")]
        private static partial Regex LinkStyleLine();

        [GeneratedRegex("\u0001([0-9]+);")]
        private static partial Regex Reference();
    }
}
