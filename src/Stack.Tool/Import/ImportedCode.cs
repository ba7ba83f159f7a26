namespace Stack.Tool.Import;

/// <summary>A network, volume or service as imported: its compose name, how the code names it, and the C# chain that makes it (one call a line).</summary>
internal sealed record Declared(string Name, string Identifier, IReadOnlyList<string> Chain)
{
    /// <summary>A TODO(import) line written above the declaration, when the import had to guess.</summary>
    public string? Todo { get; init; }
}

/// <summary>
/// What an import translated, before it is laid out as files: the writers
/// (<see cref="SingleFileWriter"/>, <see cref="ProjectWriter"/>) only arrange it.
/// </summary>
/// <param name="StackName">The compose project's name.</param>
/// <param name="Sources">The compose files it came from.</param>
/// <param name="Variables">Each variable's name and how the code names it.</param>
/// <param name="Networks">Top-level networks.</param>
/// <param name="Volumes">Top-level volumes.</param>
/// <param name="Services">Every service, the base's and those only an environment adds, each after the services it names.</param>
/// <param name="BaseServices">How the code names the services the base stack holds.</param>
/// <param name="Environments">Each environment, written as a <c>new StackEnvironment(...)</c> expression.</param>
internal sealed record ImportedCode(
    string StackName,
    IReadOnlyList<string> Sources,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyList<Declared> Networks,
    IReadOnlyList<Declared> Volumes,
    IReadOnlyList<Declared> Services,
    IReadOnlyList<string> BaseServices,
    IReadOnlyList<EnvironmentCode> Environments)
{
    /// <summary>Middlewares defined by labels that the importer typed, shared by the services that define and use them.</summary>
    public IReadOnlyList<Declared> Middlewares { get; init; } = [];

    /// <summary>Traefik entrypoints routers name (each with a TODO about its port).</summary>
    public IReadOnlyList<Declared> EntryPoints { get; init; } = [];

    /// <summary>The original's risks the code accepts with the import's reason, as "service: what" (printed after the import).</summary>
    public IReadOnlyList<string> CarriedRisks { get; init; } = [];

    /// <summary>Top-level secrets.</summary>
    public IReadOnlyList<Declared> Secrets { get; init; } = [];

    /// <summary>Top-level configs.</summary>
    public IReadOnlyList<Declared> Configs { get; init; } = [];

    /// <summary>The <c>new TraefikProxy(...)</c> read from Traefik's static config, when one was given and typed.</summary>
    public string? Traefik { get; init; }

    /// <summary>The stack's targets (<c>WithTargets</c>' arguments) when not Compose alone: a Swarm stack file's Traefik labels mean something only on Swarm.</summary>
    public string? Targets { get; init; }

    /// <summary>The stack's <c>.WithExtension(...)</c> calls, one per top-level <c>x-</c> key.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>Every line of C# the import wrote, to decide which namespaces the files need.</summary>
    public string AllCode => string.Join('\n', Networks.Concat(Volumes).Concat(Secrets).Concat(Configs).Concat(Middlewares).Concat(EntryPoints).Concat(Services).SelectMany(d => d.Chain).Concat(Environments.Select(e => e.Code)).Concat(Extensions).Concat(Traefik is null ? [] : [Traefik]));

    /// <summary>The usings a file holding <paramref name="code"/> needs, sorted as the repository's files have them.</summary>
    public static string Usings(string code, bool cli = false)
    {
        var namespaces = new SortedSet<string>(StringComparer.Ordinal) { "Stack.Dsl.Compose" };
        void Need(bool used, string name)
        {
            if (used)
            {
                namespaces.Add(name);
            }
        }

        Need(code.Contains("IPAddress", StringComparison.Ordinal) || code.Contains("IPNetwork", StringComparison.Ordinal), "System.Net");
        Need(cli, "Stack.Dsl.Cli");
        Need(System.Text.RegularExpressions.Regex.IsMatch(code, @"\bVariable\b") || code.Contains("(ComposeString)", StringComparison.Ordinal), "Stack.Dsl.Values");
        Need(code.Contains("YamlValue.", StringComparison.Ordinal), "Stack.Dsl.Yaml");
        Need(code.Contains("StackEnvironment", StringComparison.Ordinal), "Stack.Dsl.Environments");
        Need(code.Contains("new Router(", StringComparison.Ordinal) || code.Contains("Middleware", StringComparison.Ordinal) || code.Contains("EntryPoint", StringComparison.Ordinal) || code.Contains("TraefikProxy", StringComparison.Ordinal), "Stack.Dsl.Traefik");
        return string.Concat(namespaces.OrderBy(n => n.StartsWith("System", StringComparison.Ordinal) ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal).Select(n => $"using {n};\n"));
    }
}
