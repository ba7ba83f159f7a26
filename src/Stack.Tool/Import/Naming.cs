namespace Stack.Tool.Import;

/// <summary>The two forms an import takes.</summary>
internal enum ImportLayout
{
    /// <summary>One stack.cs: variables, networks, volumes and services as locals of Build().</summary>
    SingleFile,

    /// <summary>A project: shared variables, networks and volumes in Common/, one file per service, one per environment.</summary>
    Project,
}

/// <summary>
/// How imported code names what it declares: locals in a single file, members of static classes
/// in a project. Each compose name gets one identifier, used everywhere; names C# would read as
/// one (<c>a-b</c> and <c>a_b</c>, a variable <c>REDIS</c> and a service <c>redis</c>, a service
/// <c>args</c> and the program's own) get distinct ones: the later adds its kind, then a number.
/// </summary>
internal sealed class Naming(ImportLayout layout)
{
    /// <summary>Class names the project's own files take: a service is never named as one.</summary>
    private static readonly HashSet<string> Taken = new(StringComparer.Ordinal) { "Variables", "Networks", "Volumes", "Middlewares", "EntryPoints", "Definition", "Program", "Service" };

    private readonly Dictionary<(string Kind, string Name), string> _assigned = [];

    // A single file's locals share Build()'s scope, which sits in the program's (its args).
    private readonly HashSet<(string Scope, string Identifier)> _used = layout == ImportLayout.SingleFile ? [("Build", "args")] : [];

    public ImportLayout Layout => layout;

    /// <summary>
    /// The stack is a Swarm stack file whose Traefik labels were read in the docker provider's
    /// words (<see cref="SwarmDeployLabels"/>): a middleware those labels name but the import does
    /// not type is written <c>name@swarm</c>, as Traefik's swarm provider names it.
    /// </summary>
    public bool OnSwarm { get; set; }

    /// <summary>
    /// A folder's name as compose makes it the project's name when the file gives none: lower case,
    /// only <c>a-z 0-9 _ -</c> kept, no leading <c>_</c> or <c>-</c> (<c>transfer.sh</c> is
    /// <c>transfersh</c>); "stack" when nothing is left.
    /// </summary>
    public static string ComposeProjectName(string folder)
    {
        var kept = string.Concat(folder.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-')).TrimStart('_', '-');
        return kept.Length > 0 ? kept : "stack";
    }

    public string Variable(string name) => Local("Variable", name, CSharpCode.Identifier(name), "Variables", Member(name));

    public string Network(string name) => Local("Network", name, CSharpCode.Identifier(name) + "Network", "Networks", Member(name));

    public string Secret(string name) => Local("Secret", name, CSharpCode.Identifier(name) + "Secret", "Secrets", Member(name));

    public string Config(string name) => Local("Config", name, CSharpCode.Identifier(name) + "Config", "Configs", Member(name));

    public string Volume(string name) => Local("Volume", name, CSharpCode.Identifier(name) + "Volume", "Volumes", Member(name));

    public string EntryPoint(string name) => Local("EntryPoint", name, CSharpCode.Identifier(name) + "EntryPoint", "EntryPoints", Member(name));

    public string Middleware(string name) => Local("Middleware", name, CSharpCode.Identifier(name) + "Middleware", "Middlewares", Member(name));

    public string Service(string name) => layout == ImportLayout.SingleFile
        ? Local("Service", name, CSharpCode.Identifier(name), string.Empty, string.Empty)
        : Unique("Service", name, "ServiceClasses", ServiceClass(name)) + ".Service";

    /// <summary>The static class holding a service (<c>change-detection</c> is <c>ChangeDetection</c>), before any clash with another is settled.</summary>
    private static string ServiceClass(string name) => Member(name) is var pascal && Taken.Contains(pascal) ? pascal + "Service" : pascal;

    /// <summary>A local of Build() in a single file; a member of its kind's class in a project.</summary>
    private string Local(string kind, string name, string local, string holder, string member) => layout == ImportLayout.SingleFile
        ? Unique(kind, name, "Build", local)
        : holder + "." + Unique(kind, name, holder, member);

    private string Unique(string kind, string name, string scope, string identifier)
    {
        if (_assigned.TryGetValue((kind, name), out var assigned))
        {
            return assigned;
        }

        // A service class is a file too (Services/NAME.cs): unique whatever the file system's case rules.
        var candidate = identifier;
        for (var n = 1; !_used.Add((scope, scope == "ServiceClasses" ? candidate.ToUpperInvariant() : candidate)); n++)
        {
            candidate = identifier + (identifier.EndsWith(kind, StringComparison.Ordinal) ? string.Empty : kind) + (n > 1 ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
        }

        _assigned[(kind, name)] = candidate;
        return candidate;
    }

    /// <summary>A static member's name for a compose name (<c>BASE_HOST</c> is <c>BaseHost</c>).</summary>
    public static string Member(string name) => CSharpCode.Identifier(name, pascal: true);
}
